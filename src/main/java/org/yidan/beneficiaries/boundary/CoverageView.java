package org.yidan.beneficiaries.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.primefaces.model.file.UploadedFile;
import org.yidan.beneficiaries.control.CoverageParser;
import org.yidan.beneficiaries.control.CoverageRules;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.CoverageFollowUp;
import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.beneficiaries.entity.CoverageStatus;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Permission;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code beneficiaries/coverage.xhtml}: the coverage list (参保核查) of a county and year, persons not insured
 * first with their follow-up; the follow-up's next step with a note; the coverage rate by township and category;
 * the import of the enrolment system's export. Every figure comes from {@link CoverageService}.
 */
@Named
@ViewScoped
public class CoverageView extends CountyListView {

    private static final long serialVersionUID = 1L;

    /** One line of the list, as shown. */
    public record Row(String idNumber, String shownIdNumber, String name, String township, boolean insured,
                      CoverageStatus status, String statusLabel, LocalDate since, String scheme,
                      String subsidyCategory, BigDecimal subsidyAmount) implements Serializable {
    }

    /** One coverage rate with its bar's width in percent. */
    public record RateRow(String group, long persons, long insured, long uninsured, long notRecorded, long exited,
                          BigDecimal rate, String percent) implements Serializable {
    }

    public record Step(String from, String to, String note, String by, OffsetDateTime at) implements Serializable {
    }

    /** What one import did. */
    public record ImportResult(String fileName, int rows, int created, int updated, int unchanged, int invalidRows,
                               List<CoverageParser.RowError> errors) implements Serializable {
    }

    @Inject
    CoverageService coverage;

    private Integer year;
    private String insured = "false";
    private List<Row> rows = List.of();
    private List<RateRow> byTownship = List.of();
    private List<RateRow> byCategory = List.of();
    private Row selected;
    private List<Step> history = List.of();
    private CoverageStatus next;
    private String note;
    private transient UploadedFile file;

    // one person's coverage record as the registrar types it
    private String recordIdNumber;
    private Integer recordYear;
    private Boolean recordInsured = Boolean.TRUE;
    private LocalDate recordSince;
    private String recordScheme;
    private String recordSubsidyCategory;
    private BigDecimal recordSubsidyAmount;
    private ImportResult importResult;

    @PostConstruct
    void init() {
        startWithFirstCounty();
        year = CountyClock.today().getYear();
        recordYear = year;
        search();
    }

    @Override
    protected void clear() {
        rows = List.of();
        byTownship = List.of();
        byCategory = List.of();
    }

    @Override
    protected boolean ready() {
        return year != null;
    }

    @Override
    protected void load(String county) {
        Boolean only = insured == null || insured.isEmpty() ? null : Boolean.valueOf(insured);
        boolean full = currentUser.may(Permission.READ_FULL_ID_NUMBERS);
        rows = coverage.list(county, year, only).stream().map(row -> row(row, full)).toList();
        byTownship = coverage.ratesByTownship(county, year).stream()
                .map(rate -> rateRow(rate, rate.group() == null ? FacesMessages.text("coverage.noTownship")
                        : rate.group())).toList();
        byCategory = coverage.ratesByCategory(county, year).stream()
                .map(rate -> rateRow(rate, categoryName(rate.group()))).toList();
    }

    private static Row row(CoverageService.ListRow row, boolean full) {
        CoverageRecord record = row.record();
        return new Row(row.idNumber(), full ? row.idNumber() : IdNumbers.mask(row.idNumber()), row.name(),
                row.township(), row.insured(), row.status(), row.status() == null ? "" : row.status().displayName(),
                record.since(), record.scheme() == null ? null : CoverageRecord.Scheme.valueOf(record.scheme())
                .displayName(), categoryName(record.subsidyCategory()), record.subsidyAmount());
    }

    private static RateRow rateRow(CoverageService.Rate rate, String label) {
        String percent = rate.rate() == null ? "0" : rate.rate().movePointRight(2).setScale(1,
                java.math.RoundingMode.HALF_UP).toPlainString();
        return new RateRow(label, rate.persons(), rate.insured(), rate.uninsured(), rate.notRecorded(), rate.exited(),
                rate.rate(), percent);
    }

    private static String categoryName(String code) {
        if (code == null) {
            return null;
        }
        return Arrays.stream(PersonCategory.values()).filter(c -> c.name().equals(code)).findFirst()
                .map(PersonCategory::displayName).orElse(code);
    }

    // --- follow-up

    public void startFollowUp(Row row) {
        selected = row;
        next = null;
        note = null;
        loadHistory();
    }

    private void loadHistory() {
        history = List.of();
        if (selected == null) {
            return;
        }
        try {
            List<Step> steps = new ArrayList<>();
            for (CoverageFollowUp step : coverage.get(selected.idNumber(), year).history()) {
                steps.add(new Step(step.getFromStatus() == null ? "" : step.getFromStatus().displayName(),
                        step.getToStatus().displayName(), step.getNote(), step.getActedBy(), step.getActedAt()));
            }
            history = steps;
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /** The states the selected person's follow-up may go to. */
    public List<CoverageStatus> getNextStates() {
        if (selected == null || selected.status() == null) {
            return List.of();
        }
        return Arrays.stream(CoverageStatus.values()).filter(selected.status()::allows).toList();
    }

    public void moveOn() {
        if (selected == null) {
            return;
        }
        try {
            coverage.transition(selected.idNumber(), year, next, note, currentUser.getUsername());
            FacesMessages.info("coverage.moved", selected.name(), next.displayName());
            PrimeFaces.current().ajax().addCallbackParam("moved", true);
            selected = null;
            search();
        } catch (RefusedException refused) {
            refused(AuditAction.COVERAGE_FOLLOW_UP, IdNumbers.mask(selected.idNumber()) + "/" + year, refused,
                    field -> field.equals("note") ? "followUpForm:note"
                    : field.equals("status") ? "followUpForm:next" : null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    // --- one person's coverage record (逐人登记)

    /** Fills the form with what is recorded for the row's person in the list's year, to edit it. */
    public void edit(Row row) {
        recordIdNumber = row.idNumber();
        recordYear = year;
        read();
        PrimeFaces.current().scrollTo("recordForm");
    }

    /** Reads what is recorded for the person and year in the form; a person not recorded yet gets an empty form. */
    public void read() {
        if (recordIdNumber == null || recordIdNumber.isBlank() || recordYear == null) {
            return;
        }
        try {
            CoverageRecord recorded = coverage.get(recordIdNumber.strip(), recordYear).record();
            recordIdNumber = recorded.idNumber();
            recordInsured = recorded.insured();
            recordSince = recorded.since();
            recordScheme = recorded.scheme();
            recordSubsidyCategory = recorded.subsidyCategory();
            recordSubsidyAmount = recorded.subsidyAmount();
        } catch (RefusedException refused) {
            if (!CoverageService.COVERAGE_NOT_FOUND.equals(refused.code())) {
                FacesMessages.refused(refused, field -> null);
                return;
            }
            recordInsured = Boolean.TRUE;
            recordSince = null;
            recordScheme = null;
            recordSubsidyCategory = null;
            recordSubsidyAmount = null;
            FacesMessages.info("coverage.recordNew", String.valueOf(recordYear));
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /**
     * Records the person's coverage in the year through the same service, rules and audit as REST and the import;
     * a refusal is audited and said in Chinese beside each field.
     */
    public void saveRecord() {
        CoverageRecord typed = new CoverageRecord(recordIdNumber == null ? null : recordIdNumber.strip(),
                recordYear == null ? 0 : recordYear, Boolean.TRUE.equals(recordInsured), recordSince,
                blankToNull(recordScheme), blankToNull(recordSubsidyCategory), recordSubsidyAmount);
        try {
            boolean created = coverage.put(typed, currentUser.getUsername());
            FacesMessages.info(created ? "coverage.recordCreated" : "coverage.recordReplaced",
                    IdNumbers.mask(typed.idNumber()), String.valueOf(typed.year()));
            clearRecord();
            search();
        } catch (RefusedException refused) {
            String target = auditTarget(typed.idNumber()) + "/" + typed.year();
            if (refused.errors().isEmpty()) {
                refused(AuditAction.COVERAGE_PUT, target, refused, field -> null);
                return;
            }
            auditRefusal(AuditAction.COVERAGE_PUT, target, refused);
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            FacesMessages.error(null, "coverage.invalid.summary");
            for (RefusedException.FieldError error : refused.errors()) {
                FacesMessages.errorText(RECORD_FIELDS.get(error.field()), recordErrorText(error, typed));
            }
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public void clearRecord() {
        recordIdNumber = null;
        recordYear = year;
        recordInsured = Boolean.TRUE;
        recordSince = null;
        recordScheme = null;
        recordSubsidyCategory = null;
        recordSubsidyAmount = null;
    }

    /** Where each field of {@link CoverageRules} is on the form. */
    private static final Map<String, String> RECORD_FIELDS = Map.of(
            "idNumber", "recordForm:recordIdNumber", "year", "recordForm:recordYear",
            "since", "recordForm:recordSince", "scheme", "recordForm:recordScheme",
            "subsidyCategory", "recordForm:recordSubsidyCategory", "subsidyAmount", "recordForm:recordSubsidyAmount");

    /** A field the rules refused, said in Chinese: the rules' sentences are for the API and the logs. */
    private static String recordErrorText(RefusedException.FieldError error, CoverageRecord typed) {
        return switch (error.field()) {
            case "idNumber" -> IdNumbers.reason(typed.idNumber()).map(RegistryNotices::text)
                    .orElse(FacesMessages.text("coverage.invalid.other"));
            case "year" -> FacesMessages.text("coverage.invalid.year", String.valueOf(CoverageRules.FIRST_YEAR),
                    String.valueOf(CoverageRules.LAST_YEAR));
            case "since" -> FacesMessages.text(typed.insured() ? "coverage.invalid.sinceAfterYear"
                    : "coverage.invalid.sinceNotInsured", String.valueOf(typed.year()));
            case "subsidyAmount" -> FacesMessages.text("coverage.invalid.subsidyAmount");
            default -> FacesMessages.text("coverage.invalid.other");
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public CoverageRecord.Scheme[] getSchemes() {
        return CoverageRecord.Scheme.values();
    }

    public PersonCategory[] getSubsidyCategories() {
        return PersonCategory.values();
    }

    public String getRecordIdNumber() {
        return recordIdNumber;
    }

    public void setRecordIdNumber(String recordIdNumber) {
        this.recordIdNumber = recordIdNumber;
    }

    public Integer getRecordYear() {
        return recordYear;
    }

    public void setRecordYear(Integer recordYear) {
        this.recordYear = recordYear;
    }

    public Boolean getRecordInsured() {
        return recordInsured;
    }

    public void setRecordInsured(Boolean recordInsured) {
        this.recordInsured = recordInsured;
    }

    public LocalDate getRecordSince() {
        return recordSince;
    }

    public void setRecordSince(LocalDate recordSince) {
        this.recordSince = recordSince;
    }

    public String getRecordScheme() {
        return recordScheme;
    }

    public void setRecordScheme(String recordScheme) {
        this.recordScheme = recordScheme;
    }

    public String getRecordSubsidyCategory() {
        return recordSubsidyCategory;
    }

    public void setRecordSubsidyCategory(String recordSubsidyCategory) {
        this.recordSubsidyCategory = recordSubsidyCategory;
    }

    public BigDecimal getRecordSubsidyAmount() {
        return recordSubsidyAmount;
    }

    public void setRecordSubsidyAmount(BigDecimal recordSubsidyAmount) {
        this.recordSubsidyAmount = recordSubsidyAmount;
    }

    // --- import

    public void upload() {
        importResult = null;
        if (file == null || file.getSize() == 0) {
            FacesMessages.error("importForm:file", "coverage.chooseFile");
            return;
        }
        String fileName = file.getFileName() == null ? "coverage" : file.getFileName();
        String username = currentUser.getUsername();
        CoverageParser.Result parsed;
        try {
            parsed = CoverageParser.parse(file.getContent());
        } catch (RefusedException refused) {
            audit.recordIndependently(username, AuditAction.COVERAGE_IMPORT, fileName, AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            FacesMessages.error(null, "import.refused", refused.getMessage());
            return;
        }
        try {
            CoverageService.ImportOutcome outcome = coverage.importRows(parsed.valid(), fileName,
                    parsed.invalidRows(), username);
            List<CoverageParser.RowError> errors = new ArrayList<>(parsed.errors());
            errors.addAll(outcome.unknownPersons());
            errors.sort(Comparator.comparingInt(CoverageParser.RowError::line));
            importResult = new ImportResult(fileName, parsed.rows(), outcome.created(), outcome.updated(),
                    outcome.unchanged(), parsed.invalidRows() + outcome.unknownPersons().size(),
                    errors.subList(0, Math.min(errors.size(), CoverageResource.MAX_REPORTED_ERRORS)));
            search();
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    // --- accessors

    public List<CoverageStatus> getStatuses() {
        return List.of(CoverageStatus.values());
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getInsured() {
        return insured;
    }

    public void setInsured(String insured) {
        this.insured = insured;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<RateRow> getByTownship() {
        return byTownship;
    }

    public List<RateRow> getByCategory() {
        return byCategory;
    }

    public Row getSelected() {
        return selected;
    }

    public List<Step> getHistory() {
        return history;
    }

    public CoverageStatus getNext() {
        return next;
    }

    public void setNext(CoverageStatus next) {
        this.next = next;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public ImportResult getImportResult() {
        return importResult;
    }
}
