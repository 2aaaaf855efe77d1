package org.yidan.security.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.security.entity.AuditEvent;

/**
 * Writes the audit trail. {@link #record} joins the caller's transaction, so that a settlement and
 * its audit line commit or vanish together; {@link #recordIndependently} commits on its own, for
 * refusals and failed logins whose own transaction is rolled back.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void record(String username, String action, String target, AuditEvent.Outcome outcome, String detail) {
        em.persist(new AuditEvent(username, action, target, outcome, detail));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(String username, String action, String target, AuditEvent.Outcome outcome,
                                    String detail) {
        em.persist(new AuditEvent(username, action, target, outcome, detail));
    }
}
