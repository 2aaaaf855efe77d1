package org.yidan.reports.control;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report (统计报表) of a county and period over settled, not reversed settlements by discharge date.
 *
 * @param total      the whole period
 * @param slices     every breakdown ({@link Aggregate#dimension()} says which), in a stable order
 * @param targets    each target with its actual value and whether it is met
 * @param budgets    each fund with a configured budget for the year of {@code to}
 * @param backstop   the backstop's shortfall to claim from the province, or null where the county has none
 * @param source     where the figures come from (the funds' journal)
 * @param coverage   the insurance coverage rate (参保率) of the year of {@code to}, by township and by category
 */
public record Summary(String county, String countyName, ReportPeriod period, Aggregate total, List<Aggregate> slices,
                      List<TargetResult> targets, List<Budget> budgets, Backstop backstop, String source,
                      OffsetDateTime generatedAt, Coverage coverage) implements Serializable {

    /**
     * The registry's coverage rate (应保尽保) of a year: persons who held a category that year, how many are
     * insured, recorded uninsured, not recorded, exited by the follow-up, and insured ÷ (persons − exited).
     */
    public record Coverage(int year, List<CoverageRate> byTownship, List<CoverageRate> byCategory) implements Serializable {

        public static Coverage none(int year) {
            return new Coverage(year, List.of(), List.of());
        }
    }

    /** One township's or category's coverage; {@code group} null for persons without a township; rate null when nobody is due. */
    public record CoverageRate(String group, long persons, long insured, long uninsured, long notRecorded, long exited,
                               BigDecimal rate) implements Serializable {
    }

    public record TargetResult(Target target, BigDecimal actual, Boolean met) implements Serializable {
    }

    /**
     * @param rule              the backstop rule whose payments the province tops up
     * @param paid              what it paid so far this year
     * @param shortfall         the part of the fund's overspend that is backstop, now
     * @param projectedShortfall the same at year end at the current pace
     */
    public record Backstop(String rule, String fund, BigDecimal paid, BigDecimal shortfall,
                           BigDecimal projectedShortfall, boolean budgetConfigured) implements Serializable {
    }

    public List<Aggregate> slices(String dimension) {
        return slices.stream().filter(a -> a.dimension().equals(dimension)).toList();
    }

    /** Settlements counted in the category rows altogether: more than the total when persons hold two categories. */
    public long categorySettlementsCounted() {
        return slices("category").stream().mapToLong(Aggregate::settlements).sum();
    }

    public LocalDate from() {
        return period.from();
    }

    public LocalDate to() {
        return period.to();
    }
}
