package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one settlement adds to one accumulator. A reversal adds {@link #negate()}, which restores the accumulator
 * exactly, whatever was settled in between.
 */
public record AccumulatorDelta(AccumulatorKey key, BigDecimal baseDelta, BigDecimal paidDelta) {

    public AccumulatorDelta {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(baseDelta, "baseDelta");
        Objects.requireNonNull(paidDelta, "paidDelta");
    }

    public AccumulatorDelta negate() {
        return new AccumulatorDelta(key, baseDelta.negate(), paidDelta.negate());
    }
}
