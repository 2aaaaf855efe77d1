package org.yidan.settlement.boundary;

import java.math.BigDecimal;

/**
 * Fired inside the settlement's transaction after a settlement or a reversal is stored (and flushed), so that
 * components above settlement (the watch) react in the same transaction without settlement knowing them.
 *
 * @param selfPay the settlement's self-pay (of the original settlement, also for a reversal)
 */
public record SettlementChanged(Kind kind, String receiptNo, String idNumber, String county, int year,
                                BigDecimal selfPay) {

    public enum Kind { SETTLED, REVERSED }
}
