package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The settlement of one bill: one line per fund of the policy in the county's order (zero lines included),
 * {@code fundTotal = Σ lines}, {@code selfPay = totalAmount − fundTotal}, and what the settlement adds to the
 * person's annual accumulators.
 *
 * @param policyId          {@code county/year}
 * @param steps             every rule's step in chain order (the lines hold the same steps grouped by fund)
 * @param accumulatorDeltas sorted by key; only accumulators that change
 */
public record Calculation(String policyId, String policyFingerprint, BigDecimal totalAmount, List<FundLine> lines,
                          List<Step> steps, BigDecimal fundTotal, BigDecimal selfPay,
                          List<AccumulatorDelta> accumulatorDeltas) {

    public Calculation {
        lines = List.copyOf(lines);
        steps = List.copyOf(steps);
        accumulatorDeltas = List.copyOf(accumulatorDeltas);
    }

    public FundLine line(Fund fund) {
        for (FundLine line : lines) {
            if (line.fund().equals(fund)) {
                return line;
            }
        }
        throw new NoSuchElementException("The policy " + policyId + " has no fund " + fund);
    }

    public Step step(String ruleId) {
        for (Step step : steps) {
            if (step.ruleId().equals(ruleId)) {
                return step;
            }
        }
        throw new NoSuchElementException("The policy " + policyId + " has no rule " + ruleId);
    }
}
