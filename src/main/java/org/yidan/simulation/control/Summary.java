package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.yidan.reports.control.Target;

/**
 * The figures of one side of a simulation, with the field names of the report summary (api.md
 * {@code /reports/summary}), plus the self-pay distribution and who is better or worse off than under the current
 * policy. Ratios have 4 decimals; a ratio over nothing is 0.
 *
 * @param refused bills the calculator refused under this policy (e.g. a draft without a rule for an external
 *                amount); they are counted nowhere else
 */
public record Summary(int settlements, int persons, BigDecimal totalAmount, BigDecimal policyScopeAmount,
                      Map<String, BigDecimal> funds, BigDecimal fundTotal, BigDecimal selfPay, BigDecimal actualRatio,
                      BigDecimal scopeRatio, BigDecimal inCountyShare, List<Slice> byCategory,
                      List<Slice> byVisitType, List<TargetResult> targets, List<Bucket> selfPayDistribution,
                      int betterOff, int worseOff, int refused) {

    /** One slice: a person category (a person holding two counts in both) or a visit type. */
    public record Slice(String key, int settlements, BigDecimal totalAmount, BigDecimal policyScopeAmount,
                        BigDecimal fundTotal, BigDecimal selfPay, BigDecimal actualRatio, BigDecimal scopeRatio) {
    }

    /**
     * A target of the county-year as the reports read and show it; {@code actual} and {@code met} are {@code null}
     * when there is nothing to measure (no settlement in the slice).
     */
    public record TargetResult(Target target, BigDecimal actual, Boolean met) {
    }

    /** Settlements whose self-pay is at least {@code from} and below {@code to} ({@code null}: no upper bound). */
    public record Bucket(BigDecimal from, BigDecimal to, int settlements) {
    }
}
