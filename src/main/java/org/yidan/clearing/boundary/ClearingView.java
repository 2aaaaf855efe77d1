package org.yidan.clearing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.yidan.clearing.control.ClearingPeriod;
import org.yidan.clearing.entity.Statement;
import org.yidan.clearing.entity.StatementView;
import org.yidan.ledger.boundary.FundScope;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.CountyClock;
import org.yidan.policy.entity.Fund;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * {@code clearing/statements.xhtml}: a fund officer generates a period's statements, reviews a statement's lines,
 * confirms it, records its payment, and records prepayments. An auditor reads; an administrator does everything.
 */
@Named
@ViewScoped
public class ClearingView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClearingService clearing;

    @Inject
    StatementDocuments documents;

    @Inject
    FundScope scope;

    @Inject
    CurrentUser currentUser;

    private boolean mayAct;
    private boolean allFunds;
    private String county;
    private String fund;
    private String period;
    private Statement.Status status;
    private List<StatementView> statements = List.of();
    private StatementView selected;
    private LocalDate paidOn;
    private String paidReference;
    private BigDecimal paidAmount;
    private String prepayHospital;
    private BigDecimal prepayAmount;
    private LocalDate prepayOn;
    private String prepayReference;

    @PostConstruct
    void init() {
        currentUser.require(Permission.READ_FUND_LEDGER);
        mayAct = currentUser.may(Permission.CLEAR_STATEMENTS);
        allFunds = scope.allFunds();
        fund = allFunds ? Fund.BASIC.name() : scope.ownFund().orElse(null);
        List<String> counties = clearing.counties();
        county = counties.isEmpty() ? null : counties.get(0);
        period = lastEndedPeriod();
        search();
    }

    public void search() {
        try {
            statements = clearing.list(new ClearingService.Filter(county, fund, blank(period), null, status));
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
            statements = List.of();
        }
    }

    public void generate() {
        try {
            List<StatementView> generated = clearing.generate(county, fund, period, null);
            FacesMessages.info("clearing.generated", generated.size());
            selected = null;
            search();
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public void select(long id) {
        try {
            selected = clearing.find(id);
            paidOn = LocalDate.now();
            paidReference = null;
            paidAmount = selected.payable();
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public void confirm() {
        try {
            selected = clearing.confirm(selected.id());
            FacesMessages.info("clearing.confirmed", selected.id());
            search();
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public void pay() {
        try {
            selected = clearing.pay(selected.id(), paidOn, paidReference, paidAmount);
            FacesMessages.info("clearing.paid", selected.id());
            search();
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public void prepay() {
        try {
            ClearingService.Prepayment recorded = clearing.prepay(county, fund, prepayHospital, prepayAmount, prepayOn,
                    prepayReference);
            FacesMessages.info("clearing.prepaid", recorded.hospitalCode(), recorded.outstanding());
            prepayHospital = null;
            prepayAmount = null;
            prepayReference = null;
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    /** County or fund changed: offer the last ended period of the length that fund clears by there. */
    public void scopeChanged() {
        period = lastEndedPeriod();
    }

    private String lastEndedPeriod() {
        try {
            return ClearingPeriod.lastEnded(CountyClock.today(), periodLength()).toString();
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
            return null;
        }
    }

    private ClearingPeriod.Length periodLength() {
        return county == null || fund == null ? ClearingPeriod.Length.MONTH
                : ClearingConfiguration.periodLength(county, fund);
    }

    /** Whether the chosen county clears the chosen fund by quarter (the period is then written 2018-Q1). */
    public boolean isQuarterly() {
        try {
            return periodLength() == ClearingPeriod.Length.QUARTER;
        } catch (RuntimeException misconfigured) {
            return false;
        }
    }

    public String periodLabel(String text) {
        return ClearingPeriod.labelOf(text);
    }

    public StreamedContent getPdf() {
        StatementView view = selected;
        return DefaultStreamedContent.builder().name("statement-" + view.id() + ".pdf").contentType("application/pdf")
                .stream(() -> new ByteArrayInputStream(documents.pdf(view))).build();
    }

    public StreamedContent getXlsx() {
        StatementView view = selected;
        return DefaultStreamedContent.builder().name("statement-" + view.id() + ".xlsx")
                .contentType(StatementDocuments.XLSX)
                .stream(() -> new ByteArrayInputStream(documents.xlsx(view))).build();
    }

    public String fundName(String code) {
        return StatementDocuments.fundName(code);
    }

    public String statusLabel(Statement.Status value) {
        return FacesMessages.text("clearing.status." + value.name());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public boolean isMayAct() {
        return mayAct;
    }

    public boolean isAllFunds() {
        return allFunds;
    }

    public List<String> getCounties() {
        return clearing.counties();
    }

    public List<String> getFunds() {
        return Arrays.stream(Fund.values()).map(Fund::name).toList();
    }

    public Statement.Status[] getStatuses() {
        return Statement.Status.values();
    }

    public List<StatementView> getStatements() {
        return statements;
    }

    public StatementView getSelected() {
        return selected;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getFund() {
        return fund;
    }

    public void setFund(String fund) {
        if (allFunds) {
            this.fund = fund;
        }
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public Statement.Status getStatus() {
        return status;
    }

    public void setStatus(Statement.Status status) {
        this.status = status;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }

    public String getPaidReference() {
        return paidReference;
    }

    public void setPaidReference(String paidReference) {
        this.paidReference = paidReference;
    }

    public BigDecimal getPaidAmount() {
        return paidAmount;
    }

    public void setPaidAmount(BigDecimal paidAmount) {
        this.paidAmount = paidAmount;
    }

    public String getPrepayHospital() {
        return prepayHospital;
    }

    public void setPrepayHospital(String prepayHospital) {
        this.prepayHospital = prepayHospital;
    }

    public BigDecimal getPrepayAmount() {
        return prepayAmount;
    }

    public void setPrepayAmount(BigDecimal prepayAmount) {
        this.prepayAmount = prepayAmount;
    }

    public LocalDate getPrepayOn() {
        return prepayOn;
    }

    public void setPrepayOn(LocalDate prepayOn) {
        this.prepayOn = prepayOn;
    }

    public String getPrepayReference() {
        return prepayReference;
    }

    public void setPrepayReference(String prepayReference) {
        this.prepayReference = prepayReference;
    }
}
