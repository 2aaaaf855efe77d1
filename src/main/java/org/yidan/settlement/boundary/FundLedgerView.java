package org.yidan.settlement.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;
import org.yidan.platform.boundary.PagedModel;
import org.yidan.policy.entity.Fund;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;
import org.yidan.settlement.entity.Settlement;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code settlement/fund-ledger.xhtml}: one fund's lines of the settlements on a lazy table with the total
 * ({@link SettlementHistory#findLedger}). A fund officer sees its own fund only (the facade decides which);
 * an auditor or administrator chooses the fund.
 */
@Named
@ViewScoped
public class FundLedgerView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SettlementHistory history;

    @Inject
    CurrentUser currentUser;

    private boolean fundChoosable;
    private Fund fund;
    private LocalDate settledFrom;
    private LocalDate settledTo;
    private String hospitalCode;
    private Settlement.Status status;
    private SettlementHistory.LedgerFilter filter;
    private BigDecimal settledTotal;
    private final LazyDataModel<SettlementHistory.LedgerRow> linesModel = new PagedModel<>(
            () -> history.countLedger(filter), (first, size) -> history.findLedger(filter, first, size),
            SettlementHistory.LedgerRow::receiptNo);

    @PostConstruct
    void init() {
        currentUser.require(Permission.READ_FUND_LEDGER);
        fundChoosable = currentUser.may(Permission.CHOOSE_LEDGER_FUND);
        fund = history.ledgerFund(fundChoosable ? Fund.values()[0] : null);
        search();
    }

    public void search() {
        filter = new SettlementHistory.LedgerFilter(fund, settledFrom, settledTo, hospitalCode, status);
        settledTotal = history.ledgerSettledTotal(filter);
    }

    public void reset() {
        settledFrom = null;
        settledTo = null;
        hospitalCode = null;
        status = null;
        search();
    }

    public Fund[] getFunds() {
        return Fund.values();
    }

    /** The fund's Chinese name, e.g. 医疗救助; empty when a fund officer's account names no fund. */
    public String getFundName() {
        return fund == null ? "" : fund.displayName();
    }

    public boolean isFundChoosable() {
        return fundChoosable;
    }

    public LazyDataModel<SettlementHistory.LedgerRow> getLines() {
        return linesModel;
    }

    public BigDecimal getSettledTotal() {
        return settledTotal;
    }

    public Fund getFund() {
        return fund;
    }

    /** Only an auditor or administrator chooses; a fund officer's fund stays the one of its account. */
    public void setFund(Fund fund) {
        if (fundChoosable) {
            this.fund = fund;
        }
    }

    public LocalDate getSettledFrom() {
        return settledFrom;
    }

    public void setSettledFrom(LocalDate settledFrom) {
        this.settledFrom = settledFrom;
    }

    public LocalDate getSettledTo() {
        return settledTo;
    }

    public void setSettledTo(LocalDate settledTo) {
        this.settledTo = settledTo;
    }

    public String getHospitalCode() {
        return hospitalCode;
    }

    public void setHospitalCode(String hospitalCode) {
        this.hospitalCode = hospitalCode;
    }

    public Settlement.Status getStatus() {
        return status;
    }

    public void setStatus(Settlement.Status status) {
        this.status = status;
    }
}
