package org.yidan.clearing.control;

import org.yidan.clearing.entity.Figures;
import org.yidan.policy.control.Money;

import java.math.BigDecimal;

/**
 * A statement's figures from its lines' total, the fund's holdback ratio (考核基金, e.g. 会宁 holds 40 % of basic
 * insurance) and the hospital's outstanding prepayment (预拨) balance. The holdback is taken first, then the
 * prepayment is applied up to what remains (never below zero payable) and the rest carried forward. When
 * reversals make the remainder negative, nothing is payable and the overpayment becomes a credit: a negative
 * prepayment applied, which raises the balance carried forward.
 */
public final class StatementCalculator {

    private StatementCalculator() {
    }

    public static Figures figures(int lineCount, BigDecimal total, BigDecimal holdbackRatio,
                                  BigDecimal prepaymentBalance) {
        BigDecimal lines = Money.toFen(total);
        BigDecimal held = Money.toFen(lines.multiply(holdbackRatio));
        BigDecimal rest = lines.subtract(held);
        BigDecimal applied;
        if (rest.signum() < 0) {
            applied = rest;
        } else {
            applied = prepaymentBalance.max(BigDecimal.ZERO).min(rest);
        }
        applied = Money.toFen(applied);
        return new Figures(lineCount, lines, held, applied, rest.subtract(applied));
    }

    /** What an assessment score (0–1) releases of what was held back in the year. */
    public static BigDecimal released(BigDecimal held, BigDecimal score) {
        return Money.toFen(held.multiply(score));
    }
}
