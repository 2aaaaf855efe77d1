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
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.yidan.beneficiaries.boundary.IdNumberDisclosure;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.VisitType;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.settlement.entity.LineEntry;
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
import static org.yidan.security.entity.Role.FUND_VIEWER_NAME;

/**
 * The settlement history (结算记录) for the screens: a filtered page of settlements, newest first, and the
 * count for the pager. Reads only the columns the table shows, never the lines and steps.
 * <p>
 * Also one fund's ledger (基金台账): that fund's lines of the settlements, for a fund officer (FUND_VIEWER, who
 * only ever gets the fund of its own account) and for auditors and administrators (who choose the fund).
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

    /**
     * What to look for in one fund's ledger; all but the fund optional.
     *
     * @param fund the fund an auditor or administrator chose; ignored for a fund officer, who gets its own
     */
    public record LedgerFilter(Fund fund, LocalDate settledFrom, LocalDate settledTo, String hospitalCode,
                               Settlement.Status status) implements Serializable {
    }

    /**
     * One fund's line of a settlement as a line of the ledger.
     *
     * @param idNumber as the caller may see it (masked unless it may read full ID numbers)
     * @param amount   what this fund paid
     */
    public record LedgerRow(String receiptNo, OffsetDateTime settledAt, String personName, String idNumber,
                            String hospitalCode, String visitType, BigDecimal amount,
                            Settlement.Status status) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Permissions permissions;

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

    /**
     * The fund whose ledger the caller reads: the one an auditor or administrator asked for, and for a fund
     * officer always the fund of its own user account, whatever was asked. Null when there is none (a fund
     * officer whose account names no fund, or nothing chosen).
     */
    @RolesAllowed({FUND_VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME})
    public Fund ledgerFund(Fund requested) {
        if (permissions.may(Permission.CHOOSE_LEDGER_FUND)) {
            return requested;
        }
        String own = permissions.ownFund().orElse(null);
        try {
            return own == null ? null : Fund.valueOf(own);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** A page of the fund's ledger: the lines it paid (more than zero), newest first. */
    @RolesAllowed({FUND_VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<LedgerRow> findLedger(LedgerFilter filter, int first, int pageSize) {
        Fund fund = ledgerFund(filter.fund());
        if (fund == null) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Settlement> s = query.from(Settlement.class);
        Join<Settlement, LineEntry> line = s.join("lines");
        query.multiselect(s.get("receiptNo"), s.get("settledAt"), s.get("personName"), s.get("idNumber"),
                        s.get("hospitalCode"), s.get("visitType"), line.get("amount"), s.get("status"))
                .where(ledgerPredicates(cb, s, line, fund, filter, false))
                .orderBy(cb.desc(s.get("settledAt")), cb.desc(s.get("receiptNo")));
        List<LedgerRow> rows = new ArrayList<>();
        for (Tuple t : em.createQuery(query).setFirstResult(Math.max(0, first)).setMaxResults(pageSize)
                .getResultList()) {
            String idNumber = t.get(3, String.class);
            rows.add(new LedgerRow(t.get(0, String.class), t.get(1, OffsetDateTime.class), t.get(2, String.class),
                    disclosure.shown(idNumber), t.get(4, String.class), t.get(5, VisitType.class).name(),
                    t.get(6, BigDecimal.class), t.get(7, Settlement.Status.class)));
        }
        return rows;
    }

    @RolesAllowed({FUND_VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME})
    public long countLedger(LedgerFilter filter) {
        Fund fund = ledgerFund(filter.fund());
        if (fund == null) {
            return 0;
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Settlement> s = query.from(Settlement.class);
        Join<Settlement, LineEntry> line = s.join("lines");
        query.select(cb.count(s)).where(ledgerPredicates(cb, s, line, fund, filter, false));
        return em.createQuery(query).getSingleResult();
    }

    /** The ledger's total (合计): what the fund paid on the settlements of the filter that are not reversed. */
    @RolesAllowed({FUND_VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME})
    public BigDecimal ledgerSettledTotal(LedgerFilter filter) {
        Fund fund = ledgerFund(filter.fund());
        if (fund == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<BigDecimal> query = cb.createQuery(BigDecimal.class);
        Root<Settlement> s = query.from(Settlement.class);
        Join<Settlement, LineEntry> line = s.join("lines");
        query.select(cb.sum(line.<BigDecimal>get("amount"))).where(ledgerPredicates(cb, s, line, fund, filter, true));
        BigDecimal total = em.createQuery(query).getSingleResult();
        return (total == null ? BigDecimal.ZERO : total).setScale(2);
    }

    private static Predicate[] ledgerPredicates(CriteriaBuilder cb, Root<Settlement> s, Join<Settlement, LineEntry> line,
                                                Fund fund, LedgerFilter filter, boolean onlySettled) {
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, s,
                new Filter(filter.settledFrom(), filter.settledTo(), null, filter.hospitalCode(), filter.status()))));
        where.add(cb.equal(line.get("fund"), fund.name()));
        // every settlement stores a line for each fund of the policy; a fund's ledger lists what it paid
        where.add(cb.greaterThan(line.<BigDecimal>get("amount"), BigDecimal.ZERO));
        if (onlySettled) {
            where.add(cb.equal(s.get("status"), Settlement.Status.SETTLED));
        }
        return where.toArray(Predicate[]::new);
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
