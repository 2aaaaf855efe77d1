package org.yidan.reports.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.yidan.beneficiaries.boundary.CoverageService;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Policy;
import org.yidan.reports.control.Aggregate;
import org.yidan.reports.control.Budget;
import org.yidan.reports.control.ReportPdf;
import org.yidan.reports.control.ReportPeriod;
import org.yidan.reports.control.ReportXlsx;
import org.yidan.reports.control.Summary;
import org.yidan.reports.control.SummaryJson;
import org.yidan.reports.control.Target;
import org.yidan.reports.control.TargetCatalog;
import org.yidan.reports.entity.ReportDocument;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;

/**
 * Reports (统计报表): the summary of a county and period with its targets and budgets, and the monthly
 * report of the month before, generated on the 1st and kept ({@link ReportDocument}).
 */
@Stateless
@RolesAllowed({AUDITOR_NAME, ADMIN_NAME})
public class Reports {

    private static final Logger LOG = Logger.getLogger(Reports.class.getName());
    public static final String SOURCE = "来源：基金台账（每笔结算入账，冲销以红字相抵）";
    static final String SCHEDULER = "system:monthly-report";

    /** A stored monthly report without its bytes. */
    public record StoredReport(long id, String county, String period, int revision, OffsetDateTime generatedAt,
                               String generatedBy) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SettledFacts facts;

    @Inject
    Policies policies;

    @Inject
    CoverageService coverage;

    @Inject
    Config config;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext session;

    public Summary summary(String county, ReportPeriod period) {
        String countyName = countyName(county);
        List<Aggregate> all = facts.aggregates(county, period.from(), period.to());
        Aggregate total = all.stream().filter(a -> a.dimension().equals("all")).findFirst()
                .orElse(Aggregate.empty("all", null));
        List<Aggregate> slices = new ArrayList<>(all.stream().filter(a -> !a.dimension().equals("all")).toList());
        slices.sort(Comparator.comparing(Aggregate::dimension)
                .thenComparing(a -> a.key() == null ? "\uffff" : a.key())
                .thenComparing(a -> a.subKey() == null ? "" : a.subKey()));
        int year = period.to().getYear();
        List<Summary.TargetResult> targets = new ArrayList<>();
        for (Target target : targets(county, year)) {
            String[] keys = target.sliceKeys();
            BigDecimal actual = all.stream().filter(a -> a.dimension().equals(keys[0])
                            && Objects.equals(a.key(), keys[1]) && Objects.equals(a.subKey(), keys[2]))
                    .findFirst().map(a -> a.ratio(target.ratio())).orElse(null);
            targets.add(new Summary.TargetResult(target, actual, target.met(actual)));
        }
        LocalDate today = CountyClock.today();
        LocalDate asOf = period.to().isAfter(today) && today.getYear() == year ? today : period.to();
        Optional<String> backstopRule = value("yidan.budget." + county + ".backstop-rule");
        Fund backstopFund = value("yidan.budget." + county + ".backstop-fund").map(f -> Fund.parse("backstop-fund", f))
                .orElse(Fund.ASSISTANCE);
        Map<Fund, String> configured = new java.util.LinkedHashMap<>();
        for (Fund fund : Fund.values()) {
            value("yidan.budget." + county + "." + year + "." + fund.name()).ifPresent(amount -> configured.put(fund, amount));
        }
        // the year's spending is a second pass over the journal: read it only when a budget or backstop needs it
        Map<String, BigDecimal> spent = configured.isEmpty() && backstopRule.isEmpty() ? Map.of()
                : facts.spending(county, LocalDate.of(year, 1, 1), asOf, backstopRule.map(List::of).orElse(List.of()));
        List<Budget> budgets = new ArrayList<>();
        configured.forEach((fund, amount) -> budgets.add(Budget.of(fund, new BigDecimal(amount.strip()), asOf,
                spent.getOrDefault(fund.name(), BigDecimal.ZERO.setScale(2)))));
        Summary.Backstop backstop = null;
        if (backstopRule.isPresent()) {
            BigDecimal paid = spent.getOrDefault("rule:" + backstopRule.get(), BigDecimal.ZERO.setScale(2));
            Optional<Budget> budget = budgets.stream().filter(b -> b.fund().equals(backstopFund)).findFirst();
            BigDecimal[] shortfall = budget.map(b -> b.backstopShortfall(paid)).orElse(new BigDecimal[]{null, null});
            backstop = new Summary.Backstop(backstopRule.get(), backstopFund.name(), paid, shortfall[0], shortfall[1],
                    budget.isPresent());
        }
        return new Summary(county, countyName, period, total, slices, targets, budgets, backstop, SOURCE,
                OffsetDateTime.now(CountyClock.ZONE).withNano(0), coverage(county, year));
    }

    /** The registry's coverage rate of the year by township and category (beneficiaries computes it). */
    private Summary.Coverage coverage(String county, int year) {
        List<List<CoverageService.Rate>> rates = coverage.ratesForReport(county, year);
        return new Summary.Coverage(year, coverageRates(rates.get(0)), coverageRates(rates.get(1)));
    }

    private static List<Summary.CoverageRate> coverageRates(List<CoverageService.Rate> rates) {
        return rates.stream().map(r -> new Summary.CoverageRate(r.group(), r.persons(), r.insured(), r.uninsured(),
                r.notRecorded(), r.exited(), r.rate())).toList();
    }

    public List<Target> targets(String county, int year) {
        try {
            return TargetCatalog.load(key -> value(key), county, year);
        } catch (IllegalArgumentException wrong) {
            throw new RefusedException(503, "TARGETS_INVALID", "The report targets are configured wrongly: "
                    + wrong.getMessage(), List.of());
        }
    }

    /** The counties the deployment serves, code → name. */
    @PermitAll
    public Map<String, String> counties() {
        Map<String, String> counties = new java.util.LinkedHashMap<>();
        policies.all().forEach(policy -> counties.putIfAbsent(policy.county(), policy.countyName()));
        return counties;
    }

    /**
     * @throws RefusedException 422 {@code UNKNOWN_COUNTY}
     */
    @PermitAll
    public String countyName(String county) {
        return policies.all().stream().filter(p -> p.county().equals(county)).map(Policy::countyName).findFirst()
                .orElseThrow(() -> RefusedException.unprocessable("UNKNOWN_COUNTY", "county",
                        "The deployment serves no county '" + county + "'."));
    }

    public List<StoredReport> storedReports(String county) {
        List<StoredReport> reports = new ArrayList<>();
        for (Object row : em.createNamedQuery(ReportDocument.LIST).setParameter("county", county).getResultList()) {
            Object[] cells = (Object[]) row;
            reports.add(new StoredReport((Long) cells[0], (String) cells[1], ((String) cells[2]).strip(),
                    (Integer) cells[3], (OffsetDateTime) cells[4], (String) cells[5]));
        }
        return reports;
    }

    /** The latest kept monthly report, or empty when it was never generated. */
    public Optional<ReportDocument> monthly(String county, YearMonth month) {
        countyName(county);
        return em.createNamedQuery(ReportDocument.LATEST, ReportDocument.class).setParameter("county", county)
                .setParameter("period", month.toString()).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Generates the month's report once more as a new revision, on a person's explicit request; audited.
     */
    public ReportDocument regenerate(String county, YearMonth month) {
        ReportDocument document = generate(county, month, session.getCallerPrincipal().getName());
        audit.record(document.getGeneratedBy(), AuditAction.REPORT_REGENERATE, county + "/" + month, AuditEvent.Outcome.SUCCESS,
                "revision " + document.getRevision());
        return document;
    }

    /**
     * On the 1st of each month at 02:00 county time, the report of the month before for every county that has
     * none yet (a restart on a later day catches up on the 2nd to the 8th, when the report is due).
     */
    @Schedule(dayOfMonth = "1-8", hour = "2", minute = "0", timezone = "Asia/Shanghai", persistent = false)
    @PermitAll
    public void generateDueMonthlyReports() {
        YearMonth previous = YearMonth.now(CountyClock.ZONE).minusMonths(1);
        for (String county : counties().keySet()) {
            if (monthlyExists(county, previous)) {
                continue;
            }
            try {
                ReportDocument document = generate(county, previous, SCHEDULER);
                audit.record(SCHEDULER, AuditAction.REPORT_GENERATE, county + "/" + previous, AuditEvent.Outcome.SUCCESS,
                        "revision " + document.getRevision());
            } catch (RuntimeException failed) {
                LOG.severe(() -> "The monthly report " + county + "/" + previous + " failed: " + failed);
            }
        }
    }

    private boolean monthlyExists(String county, YearMonth month) {
        return !em.createNamedQuery(ReportDocument.LATEST).setParameter("county", county)
                .setParameter("period", month.toString()).setMaxResults(1).getResultList().isEmpty();
    }

    private ReportDocument generate(String county, YearMonth month, String by) {
        Summary summary = summary(county, ReportPeriod.parse(month.toString()));
        Number last = (Number) em.createNativeQuery(
                        "select coalesce(max(revision), 0) from report_document where county = ?1 and period = ?2")
                .setParameter(1, county).setParameter(2, month.toString()).getSingleResult();
        ReportDocument document = new ReportDocument(county, month.toString(), last.intValue() + 1,
                summary.generatedAt(), by, SummaryJson.toJson(summary).toString(), ReportXlsx.render(summary),
                ReportPdf.render(summary));
        em.persist(document);
        em.flush();
        return document;
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }
}
