package org.yidan.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A person's annual accumulator (年度累计): a rule's cumulative base and paid amount, or a shared cap's paid
 * amount. Settlements lock these rows before computing, so concurrent settlements cannot exceed a cap.
 */
@Entity
@Table(name = "accumulator")
@IdClass(AccumulatorEntry.Id.class)
@NamedQuery(name = AccumulatorEntry.FOR_PERSON_YEAR,
        query = "select a from AccumulatorEntry a where a.idNumber = :idNumber and a.year = :year order by a.key")
public class AccumulatorEntry {

    public static final String FOR_PERSON_YEAR = "AccumulatorEntry.forPersonYear";

    /** The composite key: person, year, accumulator key. */
    public static class Id implements Serializable {
        public String idNumber;
        public int year;
        public String key;

        public Id() {
        }

        public Id(String idNumber, int year, String key) {
            this.idNumber = idNumber;
            this.year = year;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && year == id.year && idNumber.equals(id.idNumber) && key.equals(id.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(idNumber, year, key);
        }
    }

    @jakarta.persistence.Id
    @Column(name = "id_number", length = 18)
    private String idNumber;

    @jakarta.persistence.Id
    @Column(name = "year")
    private int year;

    @jakarta.persistence.Id
    @Column(name = "acc_key", length = 120)
    private String key;

    @Column(name = "base_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal baseAmount;

    @Column(name = "paid_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal paidAmount;

    @Column(name = "cap_amount", precision = 14, scale = 2)
    private BigDecimal capAmount;

    protected AccumulatorEntry() {
    }

    public AccumulatorKey accumulatorKey() {
        return AccumulatorKey.parse(key);
    }

    public Accumulator value() {
        return new Accumulator(baseAmount, paidAmount);
    }

    /**
     * Adds a settlement's delta and records the cap in force. A cap an operator lowered below what was
     * already paid this year is recorded as the amount paid: the calculator pays nothing more, and the
     * table's check (paid within cap) keeps holding.
     */
    public void add(AccumulatorDelta delta, BigDecimal currentCap) {
        baseAmount = baseAmount.add(delta.baseDelta());
        paidAmount = paidAmount.add(delta.paidDelta());
        capAmount = currentCap == null ? null : currentCap.max(paidAmount);
    }

    public String getIdNumber() {
        return idNumber;
    }

    public int getYear() {
        return year;
    }

    public String getKey() {
        return key;
    }

    public BigDecimal getBaseAmount() {
        return baseAmount;
    }

    public BigDecimal getPaidAmount() {
        return paidAmount;
    }

    public BigDecimal getCapAmount() {
        return capAmount;
    }
}
