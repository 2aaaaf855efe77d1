package org.yidan.beneficiaries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One step of a coverage follow-up: who moved it from which state to which, when, and the note. Never changed. */
@Entity
@Table(name = "coverage_follow_up")
@NamedQuery(name = CoverageFollowUp.FOR_PERSON_YEAR, query = "select f from CoverageFollowUp f"
        + " where f.idNumber = :idNumber and f.year = :year order by f.actedAt, f.id")
public class CoverageFollowUp {

    public static final String FOR_PERSON_YEAR = "CoverageFollowUp.forPersonYear";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    private CoverageStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    private CoverageStatus toStatus;

    @Column(nullable = false, length = 1000)
    private String note;

    @Column(name = "acted_by", nullable = false, length = 64)
    private String actedBy;

    @Column(name = "acted_at", nullable = false)
    private OffsetDateTime actedAt;

    protected CoverageFollowUp() {
    }

    public CoverageFollowUp(String idNumber, int year, CoverageStatus fromStatus, CoverageStatus toStatus,
                            String note, String actedBy, OffsetDateTime actedAt) {
        this.idNumber = idNumber;
        this.year = year;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note;
        this.actedBy = actedBy;
        this.actedAt = actedAt;
    }

    public CoverageStatus getFromStatus() {
        return fromStatus;
    }

    public CoverageStatus getToStatus() {
        return toStatus;
    }

    public String getNote() {
        return note;
    }

    public String getActedBy() {
        return actedBy;
    }

    public OffsetDateTime getActedAt() {
        return actedAt;
    }
}
