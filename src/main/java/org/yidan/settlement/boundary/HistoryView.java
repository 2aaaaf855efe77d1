package org.yidan.settlement.boundary;


import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.primefaces.model.LazyDataModel;
import org.yidan.platform.boundary.PagedModel;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.Refusals;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.Permission;
import org.yidan.settlement.entity.Settlement;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code settlement/history.xhtml}: settlements filtered by day, person, hospital and status on a lazy
 * table ({@link SettlementHistory}); an auditor or administrator reverses one with a reason.
 */
@Named
@ViewScoped
public class HistoryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SettlementHistory history;

    @Inject
    SettlementService settlements;

    @Inject
    CurrentUser currentUser;

    @Inject
    Refusals refusals;

    private LocalDate settledFrom;
    private LocalDate settledTo;
    private String person;
    private String hospitalCode;
    private Settlement.Status status;
    private SettlementHistory.Filter filter = new SettlementHistory.Filter(null, null, null, null, null);
    private final LazyDataModel<SettlementHistory.Row> settlementsModel = new PagedModel<>(
            () -> history.count(filter), (first, size) -> history.find(filter, first, size),
            SettlementHistory.Row::receiptNo);

    private String reversing;
    private String reversingName;
    private String reason;

    @PostConstruct
    void init() {
        currentUser.require(Permission.READ_SETTLEMENTS);
    }

    public void search() {
        if (settledFrom != null && settledTo != null && settledFrom.isAfter(settledTo)) {
            // a range that can hold nothing is a slip: said, not answered with an empty list
            FacesMessages.error(null, "history.rangeReversed");
            return;
        }
        filter = new SettlementHistory.Filter(settledFrom, settledTo, person, hospitalCode, status);
    }

    public void reset() {
        settledFrom = null;
        settledTo = null;
        person = null;
        hospitalCode = null;
        status = null;
        search();
    }

    // --- reversal (冲销)

    public void startReversal(SettlementHistory.Row row) {
        reversing = row.receiptNo();
        reversingName = row.personName();
        reason = null;
    }

    public void reverse() {
        if (!currentUser.may(Permission.REVERSE)) {
            FacesMessages.error(null, "common.forbidden");
            return;
        }
        try {
            refusals.audited(AuditAction.REVERSE, reversing,
                    () -> settlements.reverse(reversing, reason, currentUser.getUsername()));
            FacesMessages.info("history.reversed", reversing);
            PrimeFaces.current().ajax().addCallbackParam("reversed", true);
            reversing = null;
            reason = null;
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> "reason".equals(field) ? "reverseForm:reason" : null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public LazyDataModel<SettlementHistory.Row> getSettlements() {
        return settlementsModel;
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

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
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

    public String getReversing() {
        return reversing;
    }

    public String getReversingName() {
        return reversingName;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
