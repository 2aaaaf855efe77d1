package org.yidan.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** One rule's step of a stored settlement, with the explanation printed on the receipt. */
@Embeddable
public class StepEntry {

    @Column(name = "rule_id", nullable = false, length = 64)
    private String ruleId;

    @Column(nullable = false, length = 32)
    private String fund;

    @Column(name = "base_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal baseAmount;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private String explanation;

    /** APPLIED, NOT_ELIGIBLE or EXCLUDED_BY_GROUP; null for settlements stored before it was kept. */
    @Column(length = 24)
    private String outcome;

    protected StepEntry() {
    }

    public StepEntry(String ruleId, String fund, BigDecimal baseAmount, BigDecimal amount, String explanation) {
        this(ruleId, fund, baseAmount, amount, explanation, null);
    }

    public StepEntry(String ruleId, String fund, BigDecimal baseAmount, BigDecimal amount, String explanation,
                     String outcome) {
        this.ruleId = ruleId;
        this.fund = fund;
        this.baseAmount = baseAmount;
        this.amount = amount;
        this.explanation = explanation;
        this.outcome = outcome;
    }

    /** Whether the rule concerned the patient; true when not known (stored before the outcome was kept). */
    public boolean applied() {
        return outcome == null || "APPLIED".equals(outcome);
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getFund() {
        return fund;
    }

    public BigDecimal getBaseAmount() {
        return baseAmount;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getOutcome() {
        return outcome;
    }
}
