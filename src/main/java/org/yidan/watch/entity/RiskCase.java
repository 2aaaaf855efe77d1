package org.yidan.watch.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A return-to-poverty risk case (防止因病致贫返贫): a person whose self-pay this year passed the county's threshold,
 * flagged by the settlement that made it pass. Work list: NEW → UNDER_REVIEW → REFERRED (to 即时帮扶) or CLOSED; a
 * reversal that takes the year's self-pay back under the threshold CLEARS an open case, a later settlement that passes
 * it again reopens it as NEW. Every step is kept with its note, who and when.
 */
@Entity
@Table(name = "risk_case")
public class RiskCase {

    public enum Status { NEW, UNDER_REVIEW, REFERRED, CLOSED, CLEARED }

    /** The steps a person may take; the system alone flags (→ NEW) and clears (→ CLEARED). */
    private static final Map<Status, Set<Status>> ALLOWED = Map.of(
            Status.NEW, Set.of(Status.UNDER_REVIEW),
            Status.UNDER_REVIEW, Set.of(Status.REFERRED, Status.CLOSED));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(nullable = false, length = 6)
    private String county;

    @Column(nullable = false)
    private int year;

    @Column(name = "self_pay", nullable = false, precision = 14, scale = 2)
    private BigDecimal selfPay;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal threshold;

    @Column(name = "flagged_by", nullable = false, length = 32)
    private String flaggedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "flagged_at", nullable = false)
    private OffsetDateTime flaggedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "risk_case_step", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    private List<RiskStep> steps = new ArrayList<>();

    protected RiskCase() {
    }

    public RiskCase(String idNumber, String county, int year) {
        this.idNumber = idNumber;
        this.county = county;
        this.year = year;
    }

    public static boolean allowed(Status from, Status to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Flags (or reflags) the case at the settlement {@code receiptNo}. */
    public void flag(String receiptNo, BigDecimal selfPay, BigDecimal threshold, String note, OffsetDateTime now) {
        this.flaggedBy = receiptNo;
        this.selfPay = selfPay;
        this.threshold = threshold;
        this.flaggedAt = now;
        move(Status.NEW, note, "system", now);
    }

    public void move(Status to, String note, String username, OffsetDateTime now) {
        steps.add(new RiskStep(status, to, note, username, now));
        this.status = to;
        this.updatedAt = now;
    }

    public boolean isOpen() {
        return status == Status.NEW || status == Status.UNDER_REVIEW || status == Status.REFERRED;
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

    public int getYear() {
        return year;
    }

    public BigDecimal getSelfPay() {
        return selfPay;
    }

    public void setSelfPay(BigDecimal selfPay) {
        this.selfPay = selfPay;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public String getFlaggedBy() {
        return flaggedBy;
    }

    public Status getStatus() {
        return status;
    }

    public OffsetDateTime getFlaggedAt() {
        return flaggedAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public List<RiskStep> getSteps() {
        return steps;
    }
}
