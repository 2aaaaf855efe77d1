package org.yidan.beneficiaries.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.beneficiaries.entity.ChronicApplication;
import org.yidan.beneficiaries.entity.CoverageStatus;
import org.yidan.platform.boundary.FacesMessages;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the registry wants the counter to say about a person (the counter's {@code registry-notices.xhtml}
 * fragment): recorded as not insured in the year being settled (参保), and chronic-disease applications still
 * waiting for their decision. Asked once per request and person.
 */
@Named
@RequestScoped
public class RegistryNotices {

    /** A waiting application as the counter lists it. */
    public record Pending(String disease, LocalDate filedOn, LocalDate dueBy, String track) {
    }

    /**
     * @param uninsured      recorded as not insured in the year
     * @param followUp       the follow-up's state of an uninsured person (Chinese), else null
     */
    public record Notice(boolean uninsured, String followUp, List<Pending> pending) {
    }

    private static final Notice NOTHING = new Notice(false, null, List.of());

    @Inject
    CoverageService coverage;

    @Inject
    ChronicApplicationService applications;

    private final Map<String, Notice> asked = new HashMap<>();

    public Notice of(String idNumber, Integer year) {
        if (idNumber == null) {
            return NOTHING;
        }
        return asked.computeIfAbsent(idNumber + "/" + year, key -> {
            var uninsured = year == null ? java.util.Optional.<CoverageService.Detail>empty()
                    : coverage.uninsured(idNumber, year);
            CoverageStatus status = uninsured.map(CoverageService.Detail::status).orElse(null);
            List<Pending> pending = applications.pendingFor(idNumber).stream()
                    .map(ChronicApplicationNames::pending).toList();
            return new Notice(uninsured.isPresent(), status == null ? null : status.displayName(), pending);
        });
    }

    /** Kept apart so the record above stays free of entity types. */
    private static final class ChronicApplicationNames {
        static Pending pending(ChronicApplication application) {
            return new Pending(diseaseName(application.getDisease()), application.getFiledOn(),
                    application.getDueBy(), application.getTrack().displayName());
        }
    }

    /** The disease's Chinese name from the bundle ({@code disease.CODE}), else its code. */
    /** A rule's reason ({@link Reason}) as the registrar reads it: in Chinese, from the bundle. */
    static String text(org.yidan.beneficiaries.control.Reason reason) {
        return reason.text(key -> FacesMessages.text(key));
    }

        static String diseaseName(String code) {
        return FacesMessages.hasText("disease." + code) ? FacesMessages.text("disease." + code) : code;
    }
}
