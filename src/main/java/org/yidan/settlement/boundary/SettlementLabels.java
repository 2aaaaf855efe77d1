package org.yidan.settlement.boundary;

import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.CountyClock;
import org.yidan.policy.entity.VisitType;
import org.yidan.settlement.entity.Settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How the settlement tables (history, fund ledger) write a time, a visit type and a status; the pages
 * call it as {@code #{settlementLabels…}}.
 */
@Named
@ApplicationScoped
public class SettlementLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** County-local time, to the minute. */
    public String time(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(CountyClock.ZONE).format(TIME);
    }

    /** The Chinese name of a stored visit type; the code itself when it is not one (an older row). */
    public String visitType(String visitType) {
        try {
            return VisitType.valueOf(visitType).displayName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return visitType;
        }
    }

    public String status(Settlement.Status value) {
        return value == null ? "" : FacesMessages.text("receipt.status." + value.name());
    }

    public Settlement.Status[] getStatuses() {
        return Settlement.Status.values();
    }
}
