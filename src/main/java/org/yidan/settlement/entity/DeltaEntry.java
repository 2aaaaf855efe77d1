package org.yidan.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;

import java.math.BigDecimal;

/** What a settlement added to one accumulator; a reversal takes exactly this back. */
@Embeddable
public class DeltaEntry {

    @Column(name = "acc_key", nullable = false, length = 120)
    private String key;

    @Column(name = "base_delta", nullable = false, precision = 14, scale = 2)
    private BigDecimal baseDelta;

    @Column(name = "paid_delta", nullable = false, precision = 14, scale = 2)
    private BigDecimal paidDelta;

    protected DeltaEntry() {
    }

    public DeltaEntry(AccumulatorDelta delta) {
        this.key = delta.key().value();
        this.baseDelta = delta.baseDelta();
        this.paidDelta = delta.paidDelta();
    }

    public AccumulatorDelta delta() {
        return new AccumulatorDelta(AccumulatorKey.parse(key), baseDelta, paidDelta);
    }
}
