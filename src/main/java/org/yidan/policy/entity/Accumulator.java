package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The value of one annual accumulator ({@link AccumulatorKey}) before a settlement: the rule's cumulative base
 * and what was paid this year. Absent rows are {@link #ZERO}.
 */
public record Accumulator(BigDecimal base, BigDecimal paid) {

    public static final Accumulator ZERO = new Accumulator(new BigDecimal("0.00"), new BigDecimal("0.00"));

    public Accumulator {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(paid, "paid");
    }

    /** This value with a settlement's delta added (or, with {@link AccumulatorDelta#negate()}, taken back). */
    public Accumulator plus(AccumulatorDelta delta) {
        return new Accumulator(base.add(delta.baseDelta()), paid.add(delta.paidDelta()));
    }
}
