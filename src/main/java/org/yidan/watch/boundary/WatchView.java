package org.yidan.watch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Policy;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;
import org.yidan.watch.entity.RiskCase;

import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.yidan.watch.control.TableExport;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code watch/risk.xhtml} and {@code watch/compliance.xhtml}: the return-to-poverty work list with its steps, and the
 * compliance findings, each filtered and exported through the REST lists (the same filters, CSV or XLSX).
 */
@Named
@ViewScoped
public class WatchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RiskCases risks;

    @Inject
    transient Compliance compliance;

    @Inject
    transient Policies policies;

    @Inject
    transient CurrentUser currentUser;

    private String county;
    private Integer year;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private String rule;
    private List<RiskCases.Row> cases = List.of();
    private List<Compliance.Row> findings = List.of();
    private Long caseId;
    private String moveTo;
    private String note;

    @PostConstruct
    void init() {
        currentUser.require(Permission.WATCH);
        List<Policy> all = policies.all();
        if (!all.isEmpty()) {
            county = all.get(0).county();
            // no year: every year's cases; the demo's and most test data's years are not today's
            from = LocalDate.of(all.get(0).year(), 1, 1);
            to = LocalDate.of(all.get(0).year(), 12, 31);
        }
    }

    public Map<String, String> getCounties() {
        Map<String, String> counties = new TreeMap<>();
        policies.all().forEach(policy -> counties.put(policy.countyName() + " " + policy.county(), policy.county()));
        return counties;
    }

    /** No threshold configured for the county: nobody can be flagged, and the screen says so (not just "no rows"). */
    public boolean isRiskWatchOff() {
        return county != null && !RiskWatch.settingsOf(county).watchesRisk();
    }

    /** No ceiling configured for the county: the rule 报销比超上限 finds nothing, and the screen says so. */
    public boolean isRatioCeilingOff() {
        return county != null && RiskWatch.settingsOf(county).actualRatioCeiling() == null;
    }

    public void searchRisk() {
        try {
            cases = risks.list(county, year, status);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public void searchCompliance() {
        try {
            findings = compliance.findings(county, from, to, rule);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public void prepare(long id) {
        caseId = id;
        moveTo = null;
        note = null;
    }

    public void move() {
        try {
            risks.transition(caseId, moveTo, note, currentUser.getUsername());
            FacesMessages.info("watch.risk.moved");
            searchRisk();
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public List<RiskCase.Status> nextSteps(RiskCase.Status from) {
        return List.of(RiskCase.Status.values()).stream().filter(to -> RiskCase.allowed(from, to)).toList();
    }

    public String statusLabel(RiskCase.Status value) {
        return FacesMessages.text("watch.risk.status." + value.name());
    }

    public String ruleLabel(String value) {
        return FacesMessages.text("watch.compliance.rule." + value);
    }

    public List<String> getRules() {
        return List.of("ZERO_SELF_PAY", "RATIO_ABOVE_CEILING", "READMISSION", "HOSPITAL_COST");
    }

    public RiskCase.Status[] getStatuses() {
        return RiskCase.Status.values();
    }

    public String shown(String idNumber) {
        return currentUser.may(Permission.READ_FULL_ID_NUMBERS) ? idNumber : IdNumbers.mask(idNumber);
    }



    public StreamedContent getRiskCsv() {
        return download("risk.csv", WatchResource.CSV, TableExport.csv(WatchResource.RISK_HEADER, riskRows()));
    }

    public StreamedContent getRiskXlsx() {
        return download("risk.xlsx", WatchResource.XLSX,
                TableExport.xlsx("risk", WatchResource.RISK_HEADER, riskRows()));
    }

    public StreamedContent getComplianceCsv() {
        return download("compliance.csv", WatchResource.CSV,
                TableExport.csv(WatchResource.COMPLIANCE_HEADER, complianceRows()));
    }

    public StreamedContent getComplianceXlsx() {
        return download("compliance.xlsx", WatchResource.XLSX,
                TableExport.xlsx("compliance", WatchResource.COMPLIANCE_HEADER, complianceRows()));
    }

    private List<List<Object>> riskRows() {
        searchRisk();
        List<List<Object>> rows = new ArrayList<>();
        for (RiskCases.Row row : cases) {
            rows.add(List.of(row.id(), shown(row.idNumber()), row.name(), row.year(), row.selfPay(), row.threshold(),
                    row.flaggedBy(), row.status().name()));
        }
        return rows;
    }

    private List<List<Object>> complianceRows() {
        searchCompliance();
        List<List<Object>> rows = new ArrayList<>();
        for (Compliance.Row row : findings) {
            rows.add(List.of(row.receiptNo(), row.rule(), row.reason(), row.hospitalCode(), row.dischargeDate()));
        }
        return rows;
    }

    private static StreamedContent download(String name, String type, byte[] bytes) {
        return DefaultStreamedContent.builder().name(name).contentType(type)
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public List<RiskCases.Row> getCases() {
        return cases;
    }

    public List<Compliance.Row> getFindings() {
        return findings;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getMoveTo() {
        return moveTo;
    }

    public void setMoveTo(String moveTo) {
        this.moveTo = moveTo;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
