package org.yidan.watch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;

/** One step of a risk case: from where to where, why, who and when. */
@Embeddable
public class RiskStep {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    private RiskCase.Status fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    private RiskCase.Status toStatus;

    @Column(nullable = false, length = 1000)
    private String note;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    protected RiskStep() {
    }

    public RiskStep(RiskCase.Status fromStatus, RiskCase.Status toStatus, String note, String username,
                    OffsetDateTime occurredAt) {
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note;
        this.username = username;
        this.occurredAt = occurredAt;
    }

    public RiskCase.Status getFromStatus() {
        return fromStatus;
    }

    public RiskCase.Status getToStatus() {
        return toStatus;
    }

    public String getNote() {
        return note;
    }

    public String getUsername() {
        return username;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }
}
