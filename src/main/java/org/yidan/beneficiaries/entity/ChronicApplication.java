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
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An application for a chronic-disease approval (门诊慢性病申报, 一病一卡): filed with the disease, the date and an
 * evidence note, then approved or refused with a reason. A disease on the county's list is decided at once
 * (随时申报、及时办结); any other is batched for the quarter's review (每季度至少审核办理一次), due by the last day
 * of the quarter it was filed in. An approval becomes the person's {@link DiseaseEntry} approved on the decision
 * day, which the calculator counts from the next day (办结后次日享受待遇).
 */
@Entity
@Table(name = "chronic_application")
@NamedQuery(name = ChronicApplication.PENDING_FOR_PERSON, query = "select a from ChronicApplication a"
        + " where a.idNumber = :idNumber and a.status = org.yidan.beneficiaries.entity.ChronicApplication.Status.FILED"
        + " order by a.filedOn, a.id")
public class ChronicApplication {

    public static final String PENDING_FOR_PERSON = "ChronicApplication.pendingForPerson";

    public enum Status {
        FILED("已申报"),
        APPROVED("已认定"),
        REFUSED("不予认定");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** How an application is decided: at once for a listed disease, in the quarterly review otherwise. */
    public enum Track {
        LISTED("规定病种，及时办结"),
        QUARTERLY("其他病种，季度审核");

        private final String displayName;

        Track(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(nullable = false, length = 6)
    private String county;

    @Column(nullable = false, length = 64)
    private String disease;

    @Column(name = "filed_on", nullable = false)
    private LocalDate filedOn;

    @Column(length = 1000)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Track track;

    @Column(name = "due_by", nullable = false)
    private LocalDate dueBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.FILED;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(length = 1000)
    private String reason;

    @Column(name = "filed_by", nullable = false, length = 64)
    private String filedBy;

    @Column(name = "filed_at", nullable = false)
    private OffsetDateTime filedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Version
    private long version;

    protected ChronicApplication() {
    }

    public ChronicApplication(String idNumber, String county, String disease, LocalDate filedOn, String note,
                              Track track, LocalDate dueBy, String filedBy, OffsetDateTime filedAt) {
        this.idNumber = idNumber;
        this.county = county;
        this.disease = disease;
        this.filedOn = filedOn;
        this.note = note;
        this.track = track;
        this.dueBy = dueBy;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
    }

    /** Records the decision; the caller has checked the dates and that the application is still FILED. */
    public void decide(boolean approved, LocalDate on, String why, String username, OffsetDateTime now) {
        status = approved ? Status.APPROVED : Status.REFUSED;
        decidedOn = on;
        reason = why;
        decidedBy = username;
        decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getCounty() {
        return county;
    }

    public String getDisease() {
        return disease;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public String getNote() {
        return note;
    }

    public Track getTrack() {
        return track;
    }

    public LocalDate getDueBy() {
        return dueBy;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getReason() {
        return reason;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public OffsetDateTime getFiledAt() {
        return filedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public OffsetDateTime getDecidedAt() {
        return decidedAt;
    }
}
