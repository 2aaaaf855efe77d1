package org.yidan.beneficiaries.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.ChronicApplication;
import org.yidan.beneficiaries.entity.ChronicApplication.Status;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.Permission;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code beneficiaries/chronic-applications.xhtml}: file a chronic-disease application (慢病申报), the quarter's
 * work list, the county's applications by status, and the decision (办结) with its date and reason.
 */
@Named
@ViewScoped
public class ChronicApplicationsView extends CountyListView {

    private static final long serialVersionUID = 1L;

    /** One application as the tables show it. */
    public record Row(long id, String shownIdNumber, String name, String disease, String diseaseName,
                      LocalDate filedOn, String note, String track, LocalDate dueBy, Status status, String statusLabel,
                      LocalDate decidedOn, String reason, String decidedBy, boolean overdue) implements Serializable {
    }

    @Inject
    ChronicApplicationService applications;

    @Inject
    ChronicDiseases diseases;

    private Status status = Status.FILED;
    private List<Row> rows = List.of();
    private List<Row> due = List.of();

    private String idNumber;
    private String disease;
    private LocalDate filedOn;
    private String note;

    private Row deciding;
    private Boolean approved = Boolean.TRUE;
    private LocalDate decidedOn;
    private String reason;

    @PostConstruct
    void init() {
        startWithFirstCounty();
        filedOn = CountyClock.today();
        search();
    }

    /** The county's diseases, code → Chinese name, listed ones first. */
    public Map<String, String> getDiseases() {
        Map<String, String> names = new LinkedHashMap<>();
        if (getCounty() == null) {
            return names;
        }
        var catalog = diseases.of(getCounty());
        catalog.listed().stream().sorted().forEach(code -> names.put(code, RegistryNotices.diseaseName(code)));
        catalog.reviewed().stream().sorted().forEach(code -> names.put(code, RegistryNotices.diseaseName(code)));
        return names;
    }

    public String getListedHint() {
        if (getCounty() == null) {
            return "";
        }
        var catalog = diseases.of(getCounty());
        return FacesMessages.text("chronic.listedHint", names(catalog.listed()), names(catalog.reviewed()));
    }

    private static String names(java.util.Set<String> codes) {
        return codes.stream().sorted().map(RegistryNotices::diseaseName).collect(Collectors.joining("、"));
    }

    @Override
    protected void clear() {
        rows = List.of();
        due = List.of();
    }

    @Override
    protected void load(String county) {
        boolean full = currentUser.may(Permission.READ_FULL_ID_NUMBERS);
        LocalDate today = CountyClock.today();
        rows = applications.list(county, status).stream().map(view -> row(view, full, today)).toList();
        due = applications.due(county, today).stream().map(view -> row(view, full, today)).toList();
    }

    private static Row row(ChronicApplicationService.View view, boolean full, LocalDate today) {
        ChronicApplication a = view.application();
        return new Row(a.getId(), full ? a.getIdNumber() : IdNumbers.mask(a.getIdNumber()), view.name(),
                a.getDisease(), RegistryNotices.diseaseName(a.getDisease()), a.getFiledOn(), a.getNote(),
                a.getTrack().displayName(), a.getDueBy(), a.getStatus(), a.getStatus().displayName(),
                a.getDecidedOn(), a.getReason(), a.getDecidedBy(),
                a.getStatus() == Status.FILED && a.getDueBy().isBefore(today));
    }

    public void file() {
        String username = currentUser.getUsername();
        try {
            ChronicApplicationService.View view = applications.file(idNumber, disease, filedOn, note, username);
            FacesMessages.info("chronic.filed", view.name(), RegistryNotices.diseaseName(view.application()
                    .getDisease()), view.application().getTrack().displayName());
            idNumber = null;
            disease = null;
            note = null;
            filedOn = CountyClock.today();
            search();
        } catch (RefusedException refused) {
            refused(AuditAction.CHRONIC_FILE, auditTarget(idNumber), refused, field -> switch (field) {
                case "idNumber" -> "fileForm:idNumber";
                case "disease" -> "fileForm:disease";
                case "filedOn" -> "fileForm:filedOn";
                case "note" -> "fileForm:note";
                default -> null;
            });
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public void startDecision(Row row) {
        deciding = row;
        approved = Boolean.TRUE;
        decidedOn = CountyClock.today();
        reason = null;
    }

    public void decide() {
        if (deciding == null) {
            return;
        }
        String username = currentUser.getUsername();
        try {
            ChronicApplicationService.View view = applications.decide(deciding.id(), approved, decidedOn, reason,
                    username);
            FacesMessages.info("chronic.decided", view.name(), deciding.diseaseName(),
                    view.application().getStatus().displayName());
            PrimeFaces.current().ajax().addCallbackParam("decided", true);
            deciding = null;
            search();
        } catch (RefusedException refused) {
            refused(AuditAction.CHRONIC_DECIDE, "application " + deciding.id(), refused, field -> switch (field) {
                case "decidedOn" -> "decisionForm:decidedOn";
                case "reason" -> "decisionForm:reason";
                default -> null;
            });
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public List<Status> getStatuses() {
        return List.of(Status.values());
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Row> getDue() {
        return due;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getDisease() {
        return disease;
    }

    public void setDisease(String disease) {
        this.disease = disease;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public void setFiledOn(LocalDate filedOn) {
        this.filedOn = filedOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Row getDeciding() {
        return deciding;
    }

    public Boolean getApproved() {
        return approved;
    }

    public void setApproved(Boolean approved) {
        this.approved = approved;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public void setDecidedOn(LocalDate decidedOn) {
        this.decidedOn = decidedOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
