package org.yidan.clearing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.clearing.control.ClearingPeriod;
import org.yidan.clearing.control.StatementCalculator;
import org.yidan.clearing.entity.Figures;
import org.yidan.clearing.entity.Statement;
import org.yidan.clearing.entity.StatementView;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.ledger.boundary.FundScope;
import org.yidan.ledger.entity.RegisteredHospital;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.Fund;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.FUND_VIEWER_NAME;

/**
 * Clearing (清算) of what the hospitals advanced: generate the DRAFT statements of a period, confirm, record the
 * payment, record prepayments (预拨) and the year-end assessment that releases the holdback (考核基金).
 * A fund officer (FUND_VIEWER) acts on its own fund, an administrator on every fund, an auditor only reads.
 * Every state change is audited in the same transaction.
 */
@Stateless
@RolesAllowed({FUND_VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME})
public class ClearingService {

    public static final String PERIOD_CLOSED = "PERIOD_CLOSED";
    public static final String STATEMENT_OUTDATED = "STATEMENT_OUTDATED";
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    public static final String UNKNOWN_COUNTY = "UNKNOWN_COUNTY";
    public static final String UNKNOWN_HOSPITAL = "UNKNOWN_HOSPITAL";
    public static final String HOSPITAL_OF_ANOTHER_COUNTY = "HOSPITAL_OF_ANOTHER_COUNTY";

    @PersistenceContext
    EntityManager em;

    @Inject
    Policies policies;

    @Inject
    FundScope scope;

    @Inject
    AuditTrail audit;

    /** What to list; every part optional. */
    public record Filter(String county, String fund, String period, String hospitalCode, Statement.Status status) {
    }

    /** A recorded prepayment or assessment, as answered with 201. */
    public record Prepayment(long id, String county, String fund, String hospitalCode, BigDecimal amount,
                             LocalDate paidOn, String reference, BigDecimal outstanding) {
    }

    public record Assessment(long id, String county, String fund, String hospitalCode, int year, BigDecimal score,
                             BigDecimal held, BigDecimal released) {
    }

    /**
     * Generates or refreshes the DRAFT statement of each hospital with lines in the period: a month {@code YYYY-MM},
     * or a quarter {@code YYYY-Qn} where the county clears the fund by quarter. Statements already
     * confirmed are left as they are; when every one asked for is confirmed, 409 {@code PERIOD_CLOSED}.
     * Two requests for the same period at once queue on an advisory lock, so they make one set of statements.
     *
     * @param hospitalCode optional: only this hospital's statement
     */
    @RolesAllowed({FUND_VIEWER_NAME, ADMIN_NAME})
    public List<StatementView> generate(String county, String fundText, String periodText, String hospitalCode) {
        requireCounty(county);
        String fund = fund(fundText);
        ClearingPeriod period = ClearingPeriod.parse("period", periodText);
        period.requireLength(ClearingConfiguration.periodLength(county, fund), county, fund);
        if (hospitalCode != null) {
            requireHospitalOf(county, hospitalCode, false);
        }
        scope.requireActOn(fund);
        period.requireEnded(CountyClock.today());
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "clearing-generate:" + county + ":" + fund + ":" + period).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("select hospital_code, count(*), sum(amount) from clearing_line"
                        + " where county = ?1 and fund = ?2 and period = ?3 and (?4 = '' or hospital_code = ?4)"
                        + " group by hospital_code order by hospital_code")
                .setParameter(1, county).setParameter(2, fund).setParameter(3, period.toString())
                .setParameter(4, hospitalCode == null ? "" : hospitalCode).getResultList();
        BigDecimal ratio = holdback(county, fund);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String user = scope.username();
        List<StatementView> generated = new ArrayList<>();
        int closed = 0;
        for (Object[] row : sums) {
            String hospital = (String) row[0];
            Statement statement = find(county, fund, hospital, period.toString()).orElse(null);
            if (statement != null && statement.getStatus() != Statement.Status.DRAFT) {
                closed++;
                continue;
            }
            Figures figures = StatementCalculator.figures(((Number) row[1]).intValue(), (BigDecimal) row[2], ratio,
                    prepaymentBalance(county, fund, hospital));
            boolean created = statement == null;
            if (created) {
                statement = new Statement(county, fund, hospital, period.toString());
            }
            statement.refresh(figures, now, user);
            if (created) {
                em.persist(statement);
            }
            em.flush();
            audit.record(user, AuditAction.CLEARING_GENERATE, statementTarget(statement), AuditEvent.Outcome.SUCCESS,
                    (created ? "generated" : "refreshed") + " lines " + figures.lineCount() + " total "
                            + figures.total() + " held " + figures.heldBack() + " prepayment "
                            + figures.prepaymentApplied() + " payable " + figures.payable());
            generated.add(view(statement, false));
        }
        if (generated.isEmpty() && closed > 0) {
            throw RefusedException.conflict(PERIOD_CLOSED, "The statements of " + county + " " + fund + " " + period
                    + " are confirmed; a confirmed period never changes. Later entries go to the next open period.");
        }
        return generated;
    }

    public List<StatementView> list(Filter filter) {
        String fund = scope.readable(filter.fund() == null || filter.fund().isBlank() ? null : fund(filter.fund()));
        if (filter.period() != null && !filter.period().isBlank()) {
            ClearingPeriod.parse("period", filter.period());
        }
        List<Statement> found = em.createQuery("select s from Statement s where"
                        + " (:county = '' or s.county = :county) and (:fund = '' or s.fund = :fund)"
                        + " and (:period = '' or s.period = :period) and (:hospital = '' or s.hospitalCode = :hospital)"
                        + " and (:status = '' or s.status = :statusValue)"
                        + " order by s.period desc, s.county, s.fund, s.hospitalCode", Statement.class)
                .setParameter("county", blank(filter.county())).setParameter("fund", blank(fund))
                .setParameter("period", blank(filter.period())).setParameter("hospital", blank(filter.hospitalCode()))
                .setParameter("status", filter.status() == null ? "" : filter.status().name())
                .setParameter("statusValue", filter.status() == null ? Statement.Status.DRAFT : filter.status())
                .setMaxResults(1000)
                .getResultList();
        List<StatementView> views = new ArrayList<>();
        for (Statement s : found) {
            views.add(view(s, false));
        }
        return views;
    }

    public StatementView find(long id) {
        Statement statement = em.find(Statement.class, id);
        if (statement == null) {
            throw RefusedException.notFound("STATEMENT_NOT_FOUND", "No statement with id " + id);
        }
        String readable = scope.readable(statement.getFund());
        if (!statement.getFund().equals(readable)) {
            throw RefusedException.notFound("STATEMENT_NOT_FOUND", "No statement with id " + id);
        }
        return view(statement, true);
    }

    /**
     * Confirms a DRAFT: the hospital and the fund agree, and the statement never changes again. Refused (409
     * {@code STATEMENT_OUTDATED}) when entries were booked or prepayments recorded since it was generated: the
     * officer regenerates and reviews again.
     */
    @RolesAllowed({FUND_VIEWER_NAME, ADMIN_NAME})
    public StatementView confirm(long id) {
        Statement statement = lockForChange(id);
        if (statement.getStatus() != Statement.Status.DRAFT) {
            throw RefusedException.conflict(PERIOD_CLOSED, "Statement " + id + " is already " + statement.getStatus());
        }
        // waits for the bookings in flight for this fund and hospital (they hold the lock shared)
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, ClearingAssignment.lockKey(statement.getCounty(), statement.getFund(),
                        statement.getHospitalCode())).getSingleResult();
        Object[] sums = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(amount), 0) from clearing_line"
                        + " where county = ?1 and fund = ?2 and hospital_code = ?3 and period = ?4")
                .setParameter(1, statement.getCounty()).setParameter(2, statement.getFund())
                .setParameter(3, statement.getHospitalCode()).setParameter(4, statement.getPeriod()).getSingleResult();
        Figures current = StatementCalculator.figures(((Number) sums[0]).intValue(), (BigDecimal) sums[1],
                holdback(statement.getCounty(), statement.getFund()),
                prepaymentBalance(statement.getCounty(), statement.getFund(), statement.getHospitalCode()));
        if (!sameFigures(current, statement.figures())) {
            throw RefusedException.conflict(STATEMENT_OUTDATED, "Statement " + id + " changed since it was generated"
                    + " (now " + current.lineCount() + " lines, total " + current.total() + ", prepayment applied "
                    + current.prepaymentApplied() + "): generate the period again and review it before confirming.");
        }
        String user = scope.username();
        statement.confirm(OffsetDateTime.now(ZoneOffset.UTC), user);
        audit.record(user, AuditAction.CLEARING_CONFIRM, statementTarget(statement), AuditEvent.Outcome.SUCCESS,
                "total " + statement.getTotal() + " payable " + statement.getPayable());
        em.flush();
        return view(statement, true);
    }

    /** Records the payment of a CONFIRMED statement; the amount must be exactly what is payable. */
    @RolesAllowed({FUND_VIEWER_NAME, ADMIN_NAME})
    public StatementView pay(long id, LocalDate paidOn, String reference, BigDecimal amount) {
        if (paidOn == null) {
            throw RefusedException.unprocessable("FIELD_INVALID", "paidOn", "The payment date is required.");
        }
        requireReference(reference);
        if (amount == null || amount.scale() > 2 || amount.compareTo(Money.MAX_AMOUNT) > 0) {
            throw RefusedException.unprocessable("AMOUNT_INVALID", "amount", "The amount paid, in yuan, is required.");
        }
        requireNotAfterToday(paidOn);
        Statement statement = lockForChange(id);
        if (statement.getStatus() != Statement.Status.CONFIRMED) {
            throw RefusedException.conflict(statement.getStatus() == Statement.Status.PAID ? "ALREADY_PAID"
                    : "NOT_CONFIRMED", "Statement " + id + " is " + statement.getStatus() + "; only a confirmed"
                    + " statement is paid.");
        }
        if (amount.compareTo(statement.getPayable()) != 0) {
            throw RefusedException.unprocessable(AMOUNT_MISMATCH, "amount", "The amount " + amount
                    + " is not what the statement makes payable: " + statement.getPayable());
        }
        String user = scope.username();
        statement.pay(paidOn, reference.trim(), Money.toFen(amount), user);
        audit.record(user, AuditAction.CLEARING_PAY, statementTarget(statement), AuditEvent.Outcome.SUCCESS,
                "paid " + amount + " on " + paidOn + " ref " + reference.trim());
        em.flush();
        return view(statement, true);
    }

    /** Money recorded as paid was paid: a date after today is a slip (of the year, typically), refused. */
    private static void requireNotAfterToday(LocalDate paidOn) {
        if (paidOn.isAfter(CountyClock.today())) {
            throw RefusedException.unprocessable("DATE_IN_FUTURE", "paidOn", "The payment date " + paidOn
                    + " is after today: record a payment once it is made.");
        }
    }

    /** Records money a fund paid a hospital in advance (预拨); later statements apply it. */
    @RolesAllowed({FUND_VIEWER_NAME, ADMIN_NAME})
    public Prepayment prepay(String county, String fundText, String hospitalCode, BigDecimal amount, LocalDate paidOn,
                             String reference) {
        requireCounty(county);
        String fund = fund(fundText);
        requireHospitalOf(county, hospitalCode, true);
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(Money.MAX_AMOUNT) > 0) {
            throw RefusedException.unprocessable("AMOUNT_INVALID", "amount",
                    "A prepayment is an amount in yuan above zero with at most two decimals.");
        }
        if (paidOn == null) {
            throw RefusedException.unprocessable("FIELD_INVALID", "paidOn", "The payment date is required.");
        }
        requireNotAfterToday(paidOn);
        requireReference(reference);
        scope.requireActOn(fund);
        String user = scope.username();
        Number id = (Number) em.createNativeQuery("insert into clearing_prepayment (county, fund, hospital_code,"
                        + " amount, paid_on, reference, recorded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id")
                .setParameter(1, county).setParameter(2, fund).setParameter(3, hospitalCode)
                .setParameter(4, Money.toFen(amount)).setParameter(5, paidOn).setParameter(6, reference.trim())
                .setParameter(7, user).getSingleResult();
        audit.record(user, AuditAction.CLEARING_PREPAY, county + "/" + fund + "/" + hospitalCode, AuditEvent.Outcome.SUCCESS,
                "prepaid " + Money.toFen(amount) + " on " + paidOn + " ref " + reference.trim());
        return new Prepayment(id.longValue(), county, fund, hospitalCode, Money.toFen(amount), paidOn,
                reference.trim(), prepaymentBalance(county, fund, hospitalCode));
    }

    /**
     * Records the year-end assessment (考核) of a hospital: the score (0–1) releases that share of what the
     * confirmed statements of the year held back.
     */
    @RolesAllowed({FUND_VIEWER_NAME, ADMIN_NAME})
    public Assessment assess(String county, String fundText, String hospitalCode, Integer year, BigDecimal score) {
        requireCounty(county);
        String fund = fund(fundText);
        requireHospitalOf(county, hospitalCode, false);
        if (year == null || year < 2000 || year > 2100) {
            throw RefusedException.unprocessable("FIELD_INVALID", "year", "The year of the assessment is required.");
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0 || score.scale() > 4) {
            throw RefusedException.unprocessable("SCORE_INVALID", "score",
                    "The assessment score is a number from 0 to 1 with at most four decimals.");
        }
        scope.requireActOn(fund);
        BigDecimal held = (BigDecimal) em.createNativeQuery("select coalesce(sum(held_back), 0) from clearing_statement"
                        + " where county = ?1 and fund = ?2 and hospital_code = ?3 and period like ?4"
                        + " and status <> 'DRAFT'")
                .setParameter(1, county).setParameter(2, fund).setParameter(3, hospitalCode)
                .setParameter(4, year + "-%").getSingleResult();
        held = Money.toFen(held);
        BigDecimal released = StatementCalculator.released(held, score);
        int inserted = em.createNativeQuery("insert into clearing_assessment (county, fund, hospital_code, year, score,"
                        + " held, released, recorded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        + " on conflict (county, fund, hospital_code, year) do nothing")
                .setParameter(1, county).setParameter(2, fund).setParameter(3, hospitalCode).setParameter(4, year)
                .setParameter(5, score).setParameter(6, held).setParameter(7, released)
                .setParameter(8, scope.username()).executeUpdate();
        if (inserted == 0) {
            throw RefusedException.conflict("ALREADY_ASSESSED", "The " + year + " assessment of " + hospitalCode
                    + " for " + fund + " is already recorded.");
        }
        Number id = (Number) em.createNativeQuery("select id from clearing_assessment where county = ?1 and fund = ?2"
                        + " and hospital_code = ?3 and year = ?4")
                .setParameter(1, county).setParameter(2, fund).setParameter(3, hospitalCode).setParameter(4, year)
                .getSingleResult();
        audit.record(scope.username(), AuditAction.CLEARING_ASSESS, county + "/" + fund + "/" + hospitalCode + "/" + year,
                AuditEvent.Outcome.SUCCESS, "score " + score + " held " + held + " released " + released);
        return new Assessment(id.longValue(), county, fund, hospitalCode, year, score, held, released);
    }

    /** Counties this deployment serves (those with a policy). */
    public List<String> counties() {
        return policies.all().stream().map(p -> p.county()).distinct().sorted().toList();
    }

    /** The holdback ratio (考核基金) of a county's fund: {@code yidan.clearing.<county>.<fund>.holdback}, 0 by default. */
    public static BigDecimal holdback(String county, String fund) {
        Config config = ConfigProvider.getConfig(ClearingService.class.getClassLoader());
        String key = "yidan.clearing." + county + "." + fund + ".holdback";
        Optional<String> text = config.getOptionalValue(key, String.class);
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal ratio = new BigDecimal(text.get().trim());
            if (ratio.signum() >= 0 && ratio.compareTo(BigDecimal.ONE) <= 0) {
                return ratio;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RefusedException(503, "CONFIGURATION_INVALID", key + " must be a ratio from 0 to 1, not '"
                + text.get() + "'", List.of());
    }

    private BigDecimal prepaymentBalance(String county, String fund, String hospitalCode) {
        BigDecimal balance = (BigDecimal) em.createNativeQuery("select"
                        + " (select coalesce(sum(amount), 0) from clearing_prepayment"
                        + "   where county = ?1 and fund = ?2 and hospital_code = ?3)"
                        + " - (select coalesce(sum(prepayment_applied), 0) from clearing_statement"
                        + "   where county = ?1 and fund = ?2 and hospital_code = ?3 and status <> 'DRAFT')")
                .setParameter(1, county).setParameter(2, fund).setParameter(3, hospitalCode).getSingleResult();
        return Money.toFen(balance);
    }

    private Statement lockForChange(long id) {
        Statement statement = em.find(Statement.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (statement == null || !scope.allFunds() && scope.ownFund().filter(statement.getFund()::equals).isEmpty()) {
            throw RefusedException.notFound("STATEMENT_NOT_FOUND", "No statement with id " + id);
        }
        scope.requireActOn(statement.getFund());
        return statement;
    }

    private Optional<Statement> find(String county, String fund, String hospital, String period) {
        return em.createQuery("select s from Statement s where s.county = :county and s.fund = :fund"
                        + " and s.hospitalCode = :hospital and s.period = :period", Statement.class)
                .setParameter("county", county).setParameter("fund", fund).setParameter("hospital", hospital)
                .setParameter("period", period).getResultStream().findFirst();
    }

    private StatementView view(Statement s, boolean withLines) {
        RegisteredHospital hospital = em.find(RegisteredHospital.class, s.getHospitalCode());
        List<StatementView.Line> lines = List.of();
        if (withLines) {
            boolean fullIds = scope.mayReadFullIdNumbers();
            lines = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select e.receipt_no, e.entry_type, e.fee_month, l.amount,"
                            + " e.person_name, e.id_number, e.discharge_date from clearing_line l"
                            + " join ledger_entry e on e.id = l.entry_id where l.county = ?1 and l.fund = ?2"
                            + " and l.hospital_code = ?3 and l.period = ?4 order by e.booked_at, e.id")
                    .setParameter(1, s.getCounty()).setParameter(2, s.getFund()).setParameter(3, s.getHospitalCode())
                    .setParameter(4, s.getPeriod()).getResultList();
            for (Object[] row : rows) {
                String idNumber = ((String) row[5]).trim();
                lines.add(new StatementView.Line((String) row[0], (String) row[1], ((String) row[2]).trim(),
                        (BigDecimal) row[3], (String) row[4], fullIds ? idNumber : IdNumbers.mask(idNumber),
                        toLocalDate(row[6])));
            }
        }
        return StatementView.of(s, hospital == null ? null : hospital.getName(), lines);
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }

    private static boolean sameFigures(Figures a, Figures b) {
        return a.lineCount() == b.lineCount() && a.total().compareTo(b.total()) == 0
                && a.prepaymentApplied().compareTo(b.prepaymentApplied()) == 0
                && a.heldBack().compareTo(b.heldBack()) == 0;
    }

    private void requireCounty(String county) {
        if (county == null || county.isBlank()) {
            throw RefusedException.unprocessable("FIELD_INVALID", "county", "The county code is required.");
        }
        if (!counties().contains(county)) {
            throw RefusedException.unprocessable(UNKNOWN_COUNTY, "county",
                    "This deployment serves no county " + county + ".");
        }
    }

    private void requireHospitalOf(String county, String hospitalCode, boolean mustBeRegistered) {
        if (hospitalCode == null || hospitalCode.isBlank()) {
            throw RefusedException.unprocessable("FIELD_INVALID", "hospitalCode", "The hospital code is required.");
        }
        RegisteredHospital hospital = em.find(RegisteredHospital.class, hospitalCode);
        if (hospital == null) {
            if (mustBeRegistered) {
                throw RefusedException.unprocessable(UNKNOWN_HOSPITAL, "hospitalCode",
                        "No registered hospital has the code " + hospitalCode + ".");
            }
            return;
        }
        if (!hospital.getCounty().equals(county)) {
            throw RefusedException.unprocessable(HOSPITAL_OF_ANOTHER_COUNTY, "hospitalCode", "The hospital "
                    + hospitalCode + " belongs to county " + hospital.getCounty() + ", not " + county + ".");
        }
    }

    private static void requireReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw RefusedException.unprocessable("FIELD_INVALID", "reference",
                    "The payment reference (1 to 100 characters) is required.");
        }
    }

    private static String fund(String text) {
        if (text == null || text.isBlank()) {
            throw RefusedException.unprocessable("FIELD_INVALID", "fund", "The fund is required.");
        }
        return Fund.parse("fund", text).name();
    }

    private static String statementTarget(Statement s) {
        return s.getCounty() + "/" + s.getFund() + "/" + s.getHospitalCode() + "/" + s.getPeriod()
                + (s.getId() == null ? "" : " #" + s.getId());
    }

    private static String blank(String value) {
        return value == null ? "" : value.trim();
    }

    /** Per county and fund: Σ lines assigned, for the screens' check figure. */
    public Map<String, BigDecimal> assignedTotals(String county) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select fund, sum(amount) from clearing_line where county = ?1"
                + " group by fund").setParameter(1, county).getResultList();
        Map<String, BigDecimal> totals = new TreeMap<>();
        rows.forEach(row -> totals.put((String) row[0], (BigDecimal) row[1]));
        return totals;
    }
}
