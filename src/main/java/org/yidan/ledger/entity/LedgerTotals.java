package org.yidan.ledger.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;

/** The totals (合计) of a filter: entries, amounts and each fund's amount; reversals count negatively. */
public record LedgerTotals(long entries, BigDecimal totalAmount, BigDecimal policyScopeAmount,
                           Map<String, BigDecimal> funds, BigDecimal fundTotal, BigDecimal selfPay)
        implements Serializable {

    public BigDecimal fund(String fund) {
        return funds.getOrDefault(fund, new BigDecimal("0.00"));
    }
}
