package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the receipt (一单制结算): what a fund pays, the sum of its rules' steps in chain order.
 */
public record FundLine(Fund fund, BigDecimal amount, List<Step> steps) {

    public FundLine {
        steps = List.copyOf(steps);
    }

    /** The fund's Chinese name, e.g. 大病保险. */
    public String name() {
        return fund.displayName();
    }
}
