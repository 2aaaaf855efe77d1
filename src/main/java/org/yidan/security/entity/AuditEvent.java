package org.yidan.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One line of the append-only audit trail (审计日志): who did what to what, when, and how it ended. */
@Entity
@Table(name = "audit_event")
// How AuditTrail writes a line: one statement, no entity in the persistence context (a persisted line cost the
// settlement EclipseLink's change set and flush, 3-4 % of Payara's CPU per settlement). Its id is the sequence's next
// value; the sequence counts in fifties since V19, so ids are increasing but not dense.
@NamedNativeQuery(name = AuditEvent.WRITE, query = "insert into audit_event (id, occurred_at, username, action, target,"
        + " outcome, detail) values (nextval('audit_event_id_seq'), ?1, ?2, ?3, ?4, ?5, ?6)")
public class AuditEvent {

    /** Writes one line: ?1 time, ?2 user name, ?3 action, ?4 target, ?5 outcome, ?6 detail. */
    public static final String WRITE = "AuditEvent.write";

    public enum Outcome { SUCCESS, FAILURE, REFUSED }

    // drawn by WRITE; the entity is only ever read
    @Id
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(updatable = false, length = 64)
    private String username;

    @Column(nullable = false, updatable = false, length = 64)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private AuditAction action;

    @Column(updatable = false, length = 200)
    private String target;

    @Column(nullable = false, updatable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    @Column(updatable = false, length = 2000)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(String username, AuditAction action, String target, Outcome outcome, String detail) {
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.username = username;
        this.action = action;
        this.target = truncate(target, 200);
        this.outcome = outcome;
        this.detail = truncate(detail, 2000);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt.toInstant();
    }

    public String getUsername() {
        return username;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
