package org.yidan.reports.control;

import org.yidan.policy.control.Money;
import org.yidan.policy.entity.Fund;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A fund's annual budget (年度预算) against what it paid from 1 January to {@code asOf}, and where it ends the
 * year if it goes on at the same pace (spent ÷ days elapsed × days of the year).
 */
public record Budget(Fund fund, int year, BigDecimal budget, LocalDate asOf, BigDecimal spent, BigDecimal projected) implements Serializable {

    public static Budget of(Fund fund, BigDecimal budget, LocalDate asOf, BigDecimal spent) {
        return new Budget(fund, asOf.getYear(), Money.toFen(budget), asOf, spent, project(spent, asOf));
    }

    /** The year-end figure at the current pace. */
    public static BigDecimal project(BigDecimal spent, LocalDate asOf) {
        return spent.multiply(BigDecimal.valueOf(asOf.lengthOfYear()))
                .divide(BigDecimal.valueOf(asOf.getDayOfYear()), Money.SCALE, Money.ROUNDING);
    }

    public BigDecimal share() {
        return budget.signum() == 0 ? null : spent.divide(budget, Aggregate.RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public BigDecimal projectedShare() {
        return budget.signum() == 0 ? null : projected.divide(budget, Aggregate.RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public BigDecimal remaining() {
        return budget.subtract(spent);
    }

    /**
     * The backstop (兜底保障) share of a fund running short: what the backstop rule paid (or will pay at the same
     * pace) beyond the budget, which the province tops up (会宁: self-pay above 3000 a year paid in full).
     *
     * @return {@code [now, at year end]}: the part of the overspend that is backstop, never more than the backstop
     */
    public BigDecimal[] backstopShortfall(BigDecimal backstopPaid) {
        BigDecimal now = backstopPaid.min(spent.subtract(budget).max(Money.ZERO));
        BigDecimal projectedBackstop = project(backstopPaid, asOf);
        BigDecimal atYearEnd = projectedBackstop.min(projected.subtract(budget).max(Money.ZERO));
        return new BigDecimal[]{Money.toFen(now), Money.toFen(atYearEnd)};
    }
}
