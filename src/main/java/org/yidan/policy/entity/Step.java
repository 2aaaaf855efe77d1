package org.yidan.policy.entity;

import java.math.BigDecimal;

/**
 * What one rule of the chain did with one bill.
 *
 * @param base        what was left of the rule's base when its turn came (0.00 when it did not apply)
 * @param amount      what it pays, scale 2, {@code 0 <= amount <= base}
 * @param explanation the arithmetic in a Chinese sentence a counter clerk can read aloud
 * @param capBound    whether the annual cap reduced the amount
 */
public record Step(String ruleId, Fund fund, BigDecimal base, BigDecimal amount, String explanation,
                   StepOutcome outcome, boolean capBound) {
}
