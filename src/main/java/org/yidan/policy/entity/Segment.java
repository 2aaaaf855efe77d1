package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One segment {@code [lo, hi) × ratio} of a {@link RuleKind#TIERED} rule, over the person's cumulative base
 * for the rule this year. A deductible (起付线) is the segment {@code [0, D) × 0}.
 *
 * @param lo    inclusive lower bound in yuan
 * @param hi    exclusive upper bound in yuan, {@code null} for no upper bound
 * @param ratio share paid of the part of the base inside the segment, 0..1
 */
public record Segment(BigDecimal lo, BigDecimal hi, BigDecimal ratio) {

    public Segment {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(ratio, "ratio");
    }

    public boolean isOpen() {
        return hi == null;
    }

    /** The configuration text, e.g. {@code 5000-100000:0.65} or {@code 300000-:0.85}. */
    @Override
    public String toString() {
        return plain(lo) + "-" + (hi == null ? "" : plain(hi)) + ":" + plain(ratio);
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
