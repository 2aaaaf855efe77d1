package org.yidan.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.yidan.security.entity.AuditAction;
import org.yidan.platform.control.Texts;
import org.yidan.security.entity.AuditEvent;

import java.time.ZoneOffset;

/**
 * Writes the audit trail. {@link #record} joins the caller's transaction, so that a settlement and
 * its audit line commit or vanish together; {@link #recordIndependently} commits on its own, for
 * refusals and failed logins whose own transaction is rolled back. A CDI bean with
 * {@code @Transactional} rather than an EJB: it is called on every settlement and needs nothing else
 * of the EJB container.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String username, AuditAction action, String target, AuditEvent.Outcome outcome, String detail) {
        write(event(username, action, target, outcome, detail));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordIndependently(String username, AuditAction action, String target, AuditEvent.Outcome outcome,
                                    String detail) {
        write(event(username, action, target, outcome, detail));
    }

    /** One statement in the current transaction (see {@link AuditEvent#WRITE}). */
    private void write(AuditEvent event) {
        em.createNamedQuery(AuditEvent.WRITE)
                .setParameter(1, event.getOccurredAt().atOffset(ZoneOffset.UTC)).setParameter(2, event.getUsername())
                .setParameter(3, event.getAction().name()).setParameter(4, event.getTarget())
                .setParameter(5, event.getOutcome().name()).setParameter(6, event.getDetail())
                .executeUpdate();
    }

    /**
     * Cut to the columns' sizes: what a client sends (a user name of a megabyte) is audited, not refused by
     * the database with a 500.
     */
    private static AuditEvent event(String username, AuditAction action, String target, AuditEvent.Outcome outcome,
                                    String detail) {
        return new AuditEvent(username == null ? null : Texts.cut(username, 64), action,
                target == null ? null : Texts.cut(target, 200), outcome, detail == null ? null : Texts.cut(detail, 2000));
    }
}
