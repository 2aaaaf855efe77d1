package org.yidan.beneficiaries.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.yidan.beneficiaries.control.ChronicDiseaseCatalog;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.Beneficiary;
import org.yidan.beneficiaries.entity.ChronicApplication;
import org.yidan.beneficiaries.entity.ChronicApplication.Status;
import org.yidan.beneficiaries.entity.ChronicApplication.Track;
import org.yidan.beneficiaries.entity.DiseaseEntry;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;
import static org.yidan.security.entity.Role.REGISTRAR_NAME;

/**
 * Chronic-disease applications (慢病申报, 一病一卡): filed by the registrar, decided at once for a listed disease or
 * in the quarterly review otherwise; an approval becomes the person's approved disease on the decision day, which
 * counts from the next day. Every step is in the audit trail.
 */
@Stateless
public class ChronicApplicationService {

    public static final String UNKNOWN_DISEASE = "UNKNOWN_DISEASE";
    public static final String DATES_OUT_OF_ORDER = "DATES_OUT_OF_ORDER";
    public static final String BENEFICIARY_EXITED = "BENEFICIARY_EXITED";
    public static final String APPLICATION_PENDING = "APPLICATION_PENDING";
    public static final String ALREADY_APPROVED = "ALREADY_APPROVED";
    public static final String ALREADY_DECIDED = "ALREADY_DECIDED";
    public static final String APPLICATION_NOT_FOUND = "APPLICATION_NOT_FOUND";
    public static final String REASON_REQUIRED = "REFUSAL_REASON_REQUIRED";
    private static final Pattern DISEASE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final int MAX_TEXT = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ChronicDiseases diseases;

    /** An application as the screens and the REST API show it, with the person's name. */
    public record View(ChronicApplication application, String name) {
    }

    /**
     * Files an application (201 FILED). Refused, with nothing stored: a disease the county does not know, a filing
     * date in the future, a person who has exited the registry by then, a disease already approved or already
     * applied for.
     */
    @RolesAllowed({REGISTRAR_NAME, ADMIN_NAME})
    public View file(String idNumber, String disease, LocalDate filedOn, String note, String username) {
        Beneficiary person = em.find(Beneficiary.class, IdNumbers.normalise(idNumber), LockModeType.PESSIMISTIC_WRITE);
        if (person == null) {
            throw RefusedException.notFound("BENEFICIARY_NOT_FOUND", "No beneficiary with this ID number");
        }
        String code = disease == null ? "" : disease.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw RefusedException.unprocessable("FIELD_INVALID", "disease", "The disease is required.");
        }
        ChronicDiseaseCatalog catalog = diseases.of(person.getCounty());
        Track track = DISEASE_CODE.matcher(code).matches() ? catalog.track(code).orElse(null) : null;
        if (track == null) {
            throw RefusedException.unprocessable(UNKNOWN_DISEASE, "disease", "County " + person.getCounty()
                    + " knows no chronic disease '" + disease.strip() + "'; it accepts "
                    + String.join(", ", new TreeSet<>(catalog.listed())) + " (decided at once) and "
                    + String.join(", ", new TreeSet<>(catalog.reviewed())) + " (quarterly review).");
        }
        if (filedOn == null) {
            throw RefusedException.unprocessable("FIELD_INVALID", "filedOn", "The filing date is required.");
        }
        if (filedOn.isAfter(CountyClock.today())) {
            throw RefusedException.unprocessable(DATES_OUT_OF_ORDER, "filedOn", "The application is filed on "
                    + filedOn + ", which is after today.");
        }
        if (person.getExitedOn() != null && !filedOn.isBefore(person.getExitedOn())) {
            throw RefusedException.unprocessable(BENEFICIARY_EXITED, "idNumber", "This person exited the registry"
                    + " (销号) on " + person.getExitedOn() + " and can no longer apply.");
        }
        if (person.getChronicDiseases().stream().anyMatch(entry -> entry.getCode().equals(code))) {
            throw RefusedException.conflict(ALREADY_APPROVED, code + " is already approved for this person.");
        }
        boolean pending = em.createNamedQuery(ChronicApplication.PENDING_FOR_PERSON, ChronicApplication.class)
                .setParameter("idNumber", person.getIdNumber()).getResultList().stream()
                .anyMatch(open -> open.getDisease().equals(code));
        if (pending) {
            throw RefusedException.conflict(APPLICATION_PENDING, "An application for " + code
                    + " is already waiting for its decision.");
        }
        String text = text(note, "note");
        ChronicApplication application = new ChronicApplication(person.getIdNumber(), person.getCounty(), code,
                filedOn, text, track, ChronicDiseaseCatalog.dueBy(track, filedOn), username,
                OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(application);
        em.flush();
        audit.record(username, AuditAction.CHRONIC_FILE, IdNumbers.mask(person.getIdNumber()), AuditEvent.Outcome.SUCCESS,
                "application " + application.getId() + ": " + code + " filed on " + filedOn + ", " + track);
        return new View(application, person.getName());
    }

    /**
     * Decides an application. An approval adds the disease to the person's approvals, approved on {@code decidedOn}
     * (so it counts from the next day). Refused: a decision before the filing date or after today, a refusal
     * without a reason, an approval for a person who exited the registry by then, a second decision.
     */
    @RolesAllowed({REGISTRAR_NAME, ADMIN_NAME})
    public View decide(long id, Boolean approved, LocalDate decidedOn, String reason, String username) {
        if (approved == null) {
            throw RefusedException.unprocessable("FIELD_INVALID", "approved", "approved (true or false) is required.");
        }
        if (decidedOn == null) {
            throw RefusedException.unprocessable("FIELD_INVALID", "decidedOn", "The decision date is required.");
        }
        String why = text(reason, "reason");
        if (!approved && why == null) {
            throw RefusedException.unprocessable(REASON_REQUIRED, "reason", "A refusal needs a reason.");
        }
        ChronicApplication application = em.find(ChronicApplication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw RefusedException.notFound(APPLICATION_NOT_FOUND, "No chronic-disease application " + id);
        }
        if (application.getStatus() != Status.FILED) {
            throw RefusedException.conflict(ALREADY_DECIDED, "Application " + id + " was already decided ("
                    + application.getStatus() + " on " + application.getDecidedOn() + ").");
        }
        if (decidedOn.isBefore(application.getFiledOn())) {
            throw RefusedException.unprocessable(DATES_OUT_OF_ORDER, "decidedOn", "The decision date " + decidedOn
                    + " is before the application was filed on " + application.getFiledOn() + ".");
        }
        if (decidedOn.isAfter(CountyClock.today())) {
            throw RefusedException.unprocessable(DATES_OUT_OF_ORDER, "decidedOn", "The decision date " + decidedOn
                    + " is after today.");
        }
        Beneficiary person = em.find(Beneficiary.class, application.getIdNumber(), LockModeType.PESSIMISTIC_WRITE);
        if (approved) {
            if (person.getExitedOn() != null && !decidedOn.isBefore(person.getExitedOn())) {
                throw RefusedException.unprocessable(BENEFICIARY_EXITED, "decidedOn", "This person exited the"
                        + " registry (销号) on " + person.getExitedOn() + "; the application cannot be approved.");
            }
            if (person.getChronicDiseases().stream().anyMatch(e -> e.getCode().equals(application.getDisease()))) {
                throw RefusedException.conflict(ALREADY_APPROVED, application.getDisease()
                        + " is already approved for this person.");
            }
            person.getChronicDiseases().add(new DiseaseEntry(application.getDisease(), decidedOn));
        }
        application.decide(approved, decidedOn, why, username, OffsetDateTime.now(ZoneOffset.UTC));
        audit.record(username, approved ? AuditAction.CHRONIC_APPROVE : AuditAction.CHRONIC_REFUSE, IdNumbers.mask(person.getIdNumber()),
                AuditEvent.Outcome.SUCCESS, "application " + id + ": " + application.getDisease() + " decided on "
                        + decidedOn + (why == null ? "" : ": " + why));
        em.flush();
        return new View(application, person.getName());
    }

    /** A county's applications, oldest due first; {@code status} null lists all. */
    @RolesAllowed({REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<View> list(String county, Status status) {
        return views("select a, b.name from ChronicApplication a, Beneficiary b where b.idNumber = a.idNumber"
                + " and a.county = :county" + (status == null ? "" : " and a.status = :status")
                + " order by a.dueBy, a.filedOn, a.id", county, status, null);
    }

    /**
     * The work list (待办): applications still waiting whose decision is due by the end of the quarter that holds
     * {@code day}, overdue ones included; listed diseases are due the day they are filed.
     */
    @RolesAllowed({REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<View> due(String county, LocalDate day) {
        return views("select a, b.name from ChronicApplication a, Beneficiary b where b.idNumber = a.idNumber"
                        + " and a.county = :county and a.status = :status and a.dueBy <= :until"
                        + " order by a.dueBy, a.filedOn, a.id", county, Status.FILED,
                ChronicDiseaseCatalog.lastDayOfQuarter(day));
    }

    /** The person's applications that wait for a decision, for the counter. */
    @RolesAllowed({CLERK_NAME, REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<ChronicApplication> pendingFor(String idNumber) {
        return em.createNamedQuery(ChronicApplication.PENDING_FOR_PERSON, ChronicApplication.class)
                .setParameter("idNumber", IdNumbers.normalise(idNumber)).getResultList();
    }

    @RolesAllowed({REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<String> knownDiseases(String county) {
        ChronicDiseaseCatalog catalog = diseases.of(county);
        TreeSet<String> all = new TreeSet<>(catalog.listed());
        all.addAll(catalog.reviewed());
        return List.copyOf(all);
    }

    private List<View> views(String jpql, String county, Status status, LocalDate until) {
        var query = em.createQuery(jpql, Object[].class).setParameter("county", county);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        return query.getResultList().stream().map(row -> new View((ChronicApplication) row[0], (String) row[1]))
                .toList();
    }

    private static String text(String value, String field) {
        String text = value == null ? null : value.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw RefusedException.unprocessable("FIELD_INVALID", field, field + " has more than " + MAX_TEXT
                    + " characters.");
        }
        return text == null || text.isEmpty() ? null : text;
    }
}
