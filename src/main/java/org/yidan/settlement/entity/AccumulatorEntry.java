package org.yidan.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQuery;
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
// One statement creates the rows that do not exist yet and locks every row, in key order (C collation, as
// AccumulatorKey sorts): ON CONFLICT DO UPDATE takes the row lock of an existing row, and RETURNING gives its latest
// committed values. Named: see Settlement's named queries.
@NamedNativeQuery(name = AccumulatorEntry.LOCK, resultClass = AccumulatorEntry.class, query = "insert into accumulator (id_number, year, acc_key)"
        + " select ?1, ?2, k from unnest(string_to_array(?3, ',')) as k order by k collate \"C\""
        + " on conflict (id_number, year, acc_key) do update set acc_key = excluded.acc_key"
        + " returning *")
public class AccumulatorEntry {

    public static final String FOR_PERSON_YEAR = "AccumulatorEntry.forPersonYear";
    /** A person's accumulators of a year, created where missing and locked: ?1 ID number, ?2 year, ?3 keys. */
    public static final String LOCK = "AccumulatorEntry.lock";

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
