package org.yidan.security.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;

/** Reads the audit trail (审计日志) for the audit screen: a filtered page, newest first, and its count. */
@Stateless
@RolesAllowed({AUDITOR_NAME, ADMIN_NAME})
public class AuditQuery {


    /** Every part optional; days are China Standard Time days, both inclusive. */
    public record Filter(LocalDate from, LocalDate to, String username, String action, AuditEvent.Outcome outcome)
            implements Serializable {
    }

    public record Row(long id, Instant occurredAt, String username, String action, String target,
                      AuditEvent.Outcome outcome, String detail) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    public List<Row> find(Filter filter, int first, int pageSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> e = query.from(AuditEvent.class);
        query.select(e).where(predicates(cb, e, filter)).orderBy(cb.desc(e.get("occurredAt")), cb.desc(e.get("id")));
        return em.createQuery(query).setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultStream()
                .map(event -> new Row(event.getId(), event.getOccurredAt(), event.getUsername(), event.getAction().name(),
                        event.getTarget(), event.getOutcome(), event.getDetail()))
                .toList();
    }

    public long count(Filter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditEvent> e = query.from(AuditEvent.class);
        query.select(cb.count(e)).where(predicates(cb, e, filter));
        return em.createQuery(query).getSingleResult();
    }

    /** The actions recorded so far, for the filter's list. */
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEvent e order by e.action", AuditAction.class)
                .getResultStream().map(AuditAction::name).toList();
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<AuditEvent> e, Filter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.get("occurredAt"), filter.from().atStartOfDay(CountyClock.ZONE).toOffsetDateTime()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(e.get("occurredAt"), filter.to().plusDays(1).atStartOfDay(CountyClock.ZONE).toOffsetDateTime()));
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            where.add(cb.equal(e.get("username"), filter.username().trim()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            try {
                where.add(cb.equal(e.get("action"), AuditAction.valueOf(filter.action().trim())));
            } catch (IllegalArgumentException unknown) {
                where.add(cb.disjunction());
            }
        }
        if (filter.outcome() != null) {
            where.add(cb.equal(e.get("outcome"), filter.outcome()));
        }
        return where.toArray(Predicate[]::new);
    }
}
