package org.yidan.settlement.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.yidan.beneficiaries.boundary.IdNumberDisclosure;
import org.yidan.policy.entity.VisitType;
import org.yidan.settlement.entity.Settlement;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;

/**
 * The settlement history (结算记录) for the screens: a filtered page of settlements, newest first, and the
 * count for the pager. Reads only the columns the table shows, never the lines and steps.
 */
@Stateless
@RolesAllowed({CLERK_NAME, AUDITOR_NAME, ADMIN_NAME})
public class SettlementHistory {

    /**
     * What to look for; every part optional.
     *
     * @param person       a full ID number, its last 4 or more characters, or a full name
     * @param hospitalCode the hospital code as on the bill
     * @param status       SETTLED or REVERSED
     */
    public record Filter(LocalDate settledFrom, LocalDate settledTo, String person, String hospitalCode,
                         Settlement.Status status) implements Serializable {
    }

    /** One settlement as a line of the history table. */
    public record Row(String receiptNo, OffsetDateTime settledAt, String idNumber, String personName,
                      String hospitalCode, String visitType, BigDecimal totalAmount, BigDecimal fundTotal,
                      BigDecimal selfPay, Settlement.Status status, String settledBy) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberDisclosure disclosure;

    public List<Row> find(Filter filter, int first, int pageSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Settlement> s = query.from(Settlement.class);
        query.multiselect(s.get("receiptNo"), s.get("settledAt"), s.get("idNumber"), s.get("personName"),
                        s.get("hospitalCode"), s.get("visitType"), s.get("totalAmount"), s.get("fundTotal"),
                        s.get("selfPay"), s.get("status"), s.get("settledBy"))
                .where(predicates(cb, s, filter))
                .orderBy(cb.desc(s.get("settledAt")), cb.desc(s.get("receiptNo")));
        List<Row> rows = new ArrayList<>();
        for (Tuple t : em.createQuery(query).setFirstResult(Math.max(0, first)).setMaxResults(pageSize)
                .getResultList()) {
            rows.add(new Row(t.get(0, String.class), t.get(1, OffsetDateTime.class), disclosure.shown(t.get(2, String.class)),
                    t.get(3, String.class), t.get(4, String.class), t.get(5, VisitType.class).name(),
                    t.get(6, BigDecimal.class), t.get(7, BigDecimal.class), t.get(8, BigDecimal.class),
                    t.get(9, Settlement.Status.class), t.get(10, String.class)));
        }
        return rows;
    }

    public long count(Filter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Settlement> s = query.from(Settlement.class);
        query.select(cb.count(s)).where(predicates(cb, s, filter));
        return em.createQuery(query).getSingleResult();
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Settlement> s, Filter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.settledFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(s.get("settledAt"),
                    filter.settledFrom().atStartOfDay(CountyClock.ZONE).toOffsetDateTime()));
        }
        if (filter.settledTo() != null) {
            where.add(cb.lessThan(s.get("settledAt"),
                    filter.settledTo().plusDays(1).atStartOfDay(CountyClock.ZONE).toOffsetDateTime()));
        }
        String person = filter.person() == null ? "" : filter.person().trim();
        if (person.length() == 18 && person.matches("[0-9]{17}[0-9Xx]")) {
            where.add(cb.equal(s.get("idNumber"), person.toUpperCase(Locale.ROOT)));
        } else if (person.matches("[0-9]{4,17}[0-9Xx]?")) {
            where.add(cb.like(s.get("idNumber"), "%" + person.toUpperCase(Locale.ROOT)));
        } else if (!person.isEmpty()) {
            where.add(cb.equal(s.get("personName"), person));
        }
        if (filter.hospitalCode() != null && !filter.hospitalCode().isBlank()) {
            where.add(cb.equal(s.get("hospitalCode"), filter.hospitalCode().trim()));
        }
        if (filter.status() != null) {
            where.add(cb.equal(s.get("status"), filter.status()));
        }
        return where.toArray(Predicate[]::new);
    }
}
