package org.yidan.beneficiaries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One person's insurance coverage in one year (参保信息) and, while they are not insured, its follow-up
 * ({@link CoverageStatus}). Recording a person uninsured starts a follow-up at NEW; recording them insured
 * while a follow-up is open closes it as ENROLLED.
 */
@Entity
@Table(name = "coverage")
@IdClass(Coverage.Key.class)
public class Coverage {

    /** The primary key: person and year. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String idNumber;
        private int year;

        public Key() {
        }

        public Key(String idNumber, int year) {
            this.idNumber = idNumber;
            this.year = year;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && year == key.year && Objects.equals(idNumber, key.idNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(idNumber, year);
        }
    }

    @Id
    @Column(name = "id_number", length = 18)
    private String idNumber;

    @Id
    @Column(name = "year")
    private int year;

    @Column(nullable = false)
    private boolean insured;

    @Column(name = "insured_since")
    private LocalDate since;

    @Column(length = 32)
    private String scheme;

    @Column(name = "subsidy_category", length = 32)
    private String subsidyCategory;

    @Column(name = "subsidy_amount", precision = 14, scale = 2)
    private BigDecimal subsidyAmount;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private CoverageStatus status;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    protected Coverage() {
    }

    public Coverage(String idNumber, int year) {
        this.idNumber = idNumber;
        this.year = year;
    }

    /**
     * Takes the enrolment system's facts. Returns the follow-up state this changed to, or {@code null} when the
     * follow-up stays as it is: a person first recorded uninsured, or recorded uninsured after having been insured,
     * starts a follow-up (NEW); insured with an open follow-up closes it (ENROLLED). A follow-up that ended
     * (ENROLLED, EXITED) is not reopened by a later export that still lists the person uninsured: the enrolment
     * system often lags behind the follow-up.
     */
    public CoverageStatus record(CoverageRecord facts, String username, OffsetDateTime now) {
        boolean wasInsured = insured && updatedAt != null;
        insured = facts.insured();
        since = facts.since();
        scheme = facts.scheme();
        subsidyCategory = facts.subsidyCategory();
        subsidyAmount = facts.subsidyAmount();
        updatedAt = now;
        updatedBy = username;
        CoverageStatus before = status;
        if (!insured && (status == null || (wasInsured && status.isFinal()))) {
            status = CoverageStatus.NEW;
        } else if (insured && status != null && !status.isFinal()) {
            status = CoverageStatus.ENROLLED;
        }
        return status == before ? null : status;
    }

    /** Whether storing {@code facts} would change nothing (the same export imported twice). */
    public boolean sameAs(CoverageRecord facts) {
        return insured == facts.insured() && Objects.equals(since, facts.since())
                && Objects.equals(scheme, facts.scheme()) && Objects.equals(subsidyCategory, facts.subsidyCategory())
                && (subsidyAmount == null ? facts.subsidyAmount() == null
                : facts.subsidyAmount() != null && subsidyAmount.compareTo(facts.subsidyAmount()) == 0);
    }

    /** Moves the follow-up on; the caller has checked {@link CoverageStatus#allows}. */
    public void moveTo(CoverageStatus next, String username, OffsetDateTime now) {
        status = next;
        updatedAt = now;
        updatedBy = username;
    }

    public CoverageRecord toRecord() {
        return new CoverageRecord(idNumber, year, insured, since, scheme, subsidyCategory, subsidyAmount);
    }

    public String getIdNumber() {
        return idNumber;
    }

    public int getYear() {
        return year;
    }

    public boolean isInsured() {
        return insured;
    }

    public LocalDate getSince() {
        return since;
    }

    public String getScheme() {
        return scheme;
    }

    public String getSubsidyCategory() {
        return subsidyCategory;
    }

    public BigDecimal getSubsidyAmount() {
        return subsidyAmount;
    }

    public CoverageStatus getStatus() {
        return status;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
