package org.yidan.reports.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.Fund;
import org.yidan.reports.control.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ONE place where reports and disclosure read the settled facts.
 * <p>
 * Source: the funds' journal (台账, {@code ledger_entry}): one entry per settlement with everything the report
 * breaks down by as it stood at booking — the categories the settlement was computed on, the standard tags
 * (国标/省标/市标) and the township the registry held then, visit type, hospital, hospital level, in-county,
 * fee month (the discharge month) — and one negated entry per reversal. Nothing is read from the registry of
 * today, so a later change of a person's tags or township does not rewrite a past report. A reversal carries
 * its settlement's every key and discharge date, so summing the signed entries of a filter gives what is
 * settled and not reversed: counts with the sign (+1 / −1), amounts as booked (negated on a reversal), each
 * fund's amount from {@code ledger_entry_fund}. The summary's totals therefore equal the ledger's for the same
 * filter by construction.
 * <p>
 * For whole months of one year the summary reads the same sums kept per fee month and breakdown keys (V20)
 * instead of scanning the entries ({@link #keptAggregatesSql()}); both statements give the same figures. The
 * journal's triggers only note what was booked; the notes are added to the cells after commit, in batches
 * ({@link #drainKeptCells}, V23: every few seconds by {@link KeptCellsDrain}, and by the summary itself before it
 * reads them, so it sees every committed entry).
 * <p>
 * Every figure is aggregated by PostgreSQL; nothing here loops over settlements in Java.
 */
@Stateless
public class SettledFacts {

    /** One person's disclosed payments in a month, still unmasked: only disclosure's facade sees it. */
    public record PersonPayments(String idNumber, String name, String township, List<String> categories,
                                 Map<Fund, BigDecimal> amounts) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Every slice of the report in one statement: all, by visit type, hospital level, hospital, township and
     * month (one settlement in one slice of each), and by category, category × visit type and standard tag
     * (a settlement in as many slices as its person held categories or tags, or in the slice with key null).
     */
    public List<Aggregate> aggregates(String county, LocalDate from, LocalDate to) {
        boolean kept = wholeMonthsOfOneYear(from, to);
        if (kept) {
            // bookings committed since the last drain are added first (waiting for a drain under way)
            while (drain(true) == DRAIN_BATCH) {
                // a long backlog: the next batch
            }
        }
        String sql = kept ? keptAggregatesSql() : aggregatesSql();
        Query query = em.createNativeQuery(sql).setParameter(1, county)
                .setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, java.sql.Date.valueOf(to));
        List<Aggregate> result = new ArrayList<>();
        for (Object row : query.getResultList()) {
            result.add(aggregate((Object[]) row));
        }
        return result;
    }

    /** Most booking notes one drain adds in one transaction. */
    public static final int DRAIN_BATCH = 5000;

    /**
     * Adds what was booked and committed since the last drain to the kept cells (V23 {@code report_cells_drain}), in
     * transactions of at most {@link #DRAIN_BATCH} notes; returns at once when another drain is under way (this
     * server's or another instance's: the database lets one drain at a time). Returns the notes added.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int drainKeptCells() {
        return drain(false);
    }

    /** One batch: the statement is the ONE call of V23's drain (also run by the tests and the benchmarks). */
    private int drain(boolean wait) {
        return ((Number) em.createNativeQuery(DRAIN_SQL).setParameter(1, wait).setParameter(2, DRAIN_BATCH)
                .getSingleResult()).intValue();
    }

    /** V23's drain: ?1 wait for a drain under way, ?2 most notes; answers the notes it added. */
    public static final String DRAIN_SQL = "select report_cells_drain(?1, ?2)";

    /**
     * Whether the report's figures of a period can be read from the kept cells ({@link #keptAggregatesSql()}): whole
     * months of one calendar year, as every period of the screen but "dates" (the head counts are kept per year).
     */
    public static boolean wholeMonthsOfOneYear(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth()))
                && from.getYear() == to.getYear() && !from.isAfter(to);
    }

    /** The slices of the report: dimension name, SQL of its key, SQL of its second key, the join that yields them. */
    private record Slice(String dimension, String key, String subKey, String unnest) {
    }

    private static final String CATEGORIES = " left join lateral unnest(string_to_array(nullif(x.categories, ''), ','))"
            + " as c(code) on true";
    private static final String TAGS = " left join lateral unnest(string_to_array(nullif(x.standard_tags, ''), ','))"
            + " as t(tag) on true";
    private static final List<Slice> SLICES = List.of(
            new Slice("all", null, null, ""),
            new Slice("visitType", "x.visit_type", null, ""),
            new Slice("hospitalLevel", "x.hospital_level", null, ""),
            new Slice("hospital", "x.hospital_code", null, ""),
            new Slice("township", "nullif(x.township, '')", null, ""),
            new Slice("month", "x.fee_month", null, ""),
            new Slice("category", "c.code", null, CATEGORIES),
            new Slice("categoryVisitType", "c.code", "x.visit_type", CATEGORIES),
            new Slice("standardTag", "t.tag", null, TAGS));

    /** The breakdown keys of an entry: two entries with the same keys fall into the same slices. */
    private static final String CELL = "visit_type, hospital_level, hospital_code, township, fee_month, categories,"
            + " standard_tags";

    /**
     * The statement of {@link #aggregates}: parameters ?1 county, ?2 and ?3 the discharge dates (public for the
     * benchmark). The entries of the filter are first summed per combination of breakdown keys (a cell), and
     * per cell and person for the head counts, so that each slice sums a few cells instead of every entry.
     */
    public static String aggregatesSql() {
        String keys = CELL.replace("township", "coalesce(e.township, '') as township")
                .replaceAll("(^|, )(?!coalesce)(\\w+)", "$1e.$2");
        String join = CELL.replaceAll("(\\w+)", "c.$1 = e.$1").replace(", ", " and ");
        StringBuilder sql = new StringBuilder("with e as materialized (select e.id, e.id_number, " + keys
                + ", e.hospital_in_county, case when e.entry_type = 'REVERSAL' then -1 else 1 end as sign,"
                + " e.total_amount, e.policy_scope_amount, e.fund_total, e.self_pay from ledger_entry e"
                + " where e.county = ?1 and e.discharge_date between ?2 and ?3),\n"
                + "cells as materialized (select row_number() over () as cell, * from (select " + CELL
                + ", sum(sign) as settlements, coalesce(sum(sign) filter (where hospital_in_county), 0) as in_county,"
                + " sum(total_amount) as total_amount, sum(policy_scope_amount) as policy_scope_amount,"
                + " sum(fund_total) as fund_total, sum(self_pay) as self_pay from e group by " + CELL + ") g),\n"
                // each fund's amount per cell: the fund rows of an entry meet its cell by number, not by seven keys
                + "fund_cells as materialized (select c.*, f.fund, f.amount from (select x.cell, f.fund, sum(f.amount) as amount"
                + " from (select e.id, c.cell from e join cells c on " + join + ") x"
                + " join ledger_entry_fund f on f.entry_id = x.id group by x.cell, f.fund) f join cells c on c.cell = f.cell),\n"
                // a person counts in a slice while one of their settlements in it is not reversed: a reversal
                // shares every key with its settlement, so per person and cell the signs add up to zero or more
                + "person_cells as materialized (select id_number, " + CELL + " from e group by id_number, " + CELL
                + " having sum(sign) > 0),\n"
                + "measures as (" + union("sum(x.settlements), sum(x.in_county), sum(x.total_amount),"
                + " sum(x.policy_scope_amount), sum(x.fund_total), sum(x.self_pay)", "cells", "") + "),\n"
                + "persons as (" + persons() + "),\n"
                + "funds as (" + union("x.fund, sum(x.amount)", "fund_cells", "x.fund") + ")\n");
        sql.append(finalSelect());
        return sql.toString();
    }

    /** The last select of both statements of {@link #aggregates}: one row per slice from measures, persons and funds. */
    private static String finalSelect() {
        // columns: dimension, key, sub key, settlements, persons, total, scope, fund total, self-pay,
        // in-county, then each fund's amount
        StringBuilder sql = new StringBuilder("select m.dimension, m.key, m.sub_key, m.a0, coalesce(p.a0, 0), m.a2, m.a3, m.a4, m.a5, m.a1");
        for (Fund fund : Fund.values()) {
            sql.append(", coalesce((select sum(f.a1) from funds f where f.dimension = m.dimension")
                    .append(" and f.key is not distinct from m.key and f.sub_key is not distinct from m.sub_key")
                    .append(" and f.a0 = '").append(fund.name()).append("'), 0)");
        }
        sql.append(" from measures m left join persons p on p.dimension = m.dimension and p.key is not distinct from m.key")
                .append(" and p.sub_key is not distinct from m.sub_key where m.a0 <> 0 or m.dimension = 'all'");
        return sql.toString();
    }

    /**
     * The statement of {@link #aggregates} for whole months of one year ({@link #wholeMonthsOfOneYear}), with the
     * same parameters and columns as {@link #aggregatesSql()}: it reads the cells that the journal's triggers keep
     * as entries are booked (V20: {@code report_cell}, {@code report_cell_fund}, {@code report_person}) instead
     * of the entries. The cells are the journal's, summed per fee month and breakdown keys, so each slice is
     * summed from them exactly as from the cells of {@link #aggregatesSql()}; the head counts are the persons
     * whose kept months of the period hold a settlement not reversed. Public for the benchmark and its test.
     */
    public static String keptAggregatesSql() {
        // each parameter once, and no '#' or ':' (EclipseLink reads them in a native query as parameter markers)
        StringBuilder sql = new StringBuilder("with p as materialized (select cast(?1 as varchar) as county,"
                + " cast(?2 as date) as d1, cast(?3 as date) as d2),\n"
                + "q as materialized (select county, to_char(d1, 'YYYY-MM') as m1, to_char(d2, 'YYYY-MM') as m2,"
                + " to_char(d1, 'YYYY-') as year_prefix, cast(extract(year from d1) as smallint) as year,"
                + " cast(extract(month from d1) as int) as first_month, cast(extract(month from d2) as int) as last_month"
                + " from p),\n"
                + "cells as materialized (select c.* from report_cell c join q on c.county = q.county"
                + " and c.fee_month between q.m1 and q.m2),\n"
                + "fund_cells as materialized (select c.* from report_cell_fund c join q on c.county = q.county"
                + " and c.fee_month between q.m1 and q.m2),\n"
                // the bits of the period's months (bit 0 = January) in report_person.months
                + "kept_persons as materialized (select r.dimension, r.key, r.sub_key, r.months from report_person r"
                + " join q on r.county = q.county and r.year = q.year and r.months & (((1 << q.last_month) - 1)"
                + " - ((1 << (q.first_month - 1)) - 1)) <> 0),\n"
                + "measures as (" + union("sum(x.settlements), sum(x.in_county), sum(x.total_amount),"
                + " sum(x.policy_scope_amount), sum(x.fund_total), sum(x.self_pay)", "cells", "") + "),\n"
                // '' is how the cells keep "none" (no township, category, tag): the report's null
                + "persons as (select dimension, cast(nullif(key, '') as varchar) as key,"
                + " cast(nullif(sub_key, '') as varchar) as sub_key, count(*) as a0 from kept_persons"
                + " where dimension <> 'all' group by dimension, key, sub_key"
                + " union all select 'all', null, null, count(*) from kept_persons where dimension = 'all'"
                // a month's head count: the persons whose bit of that month is set
                + " union all select 'month', cast(q.year_prefix || lpad(cast(m as text), 2, '0') as varchar), null,"
                + " count(*) from kept_persons k cross join q join generate_series(q.first_month, q.last_month) m"
                + " on k.months & (1 << (m - 1)) <> 0 where k.dimension = 'all' group by q.year_prefix, m),\n"
                + "funds as (" + union("x.fund, sum(x.amount)", "fund_cells", "x.fund") + ")\n");
        sql.append(finalSelect());
        return sql.toString();
    }

    /**
     * The head count of every slice from {@code person_cells}: the distinct (person, key) pairs first (hashed),
     * then counted per key — cheaper than a sorted count(distinct) per slice.
     */
    private static String persons() {
        List<String> selects = new ArrayList<>();
        for (Slice slice : SLICES) {
            String key = slice.key() == null ? "cast(null as varchar)" : "cast(" + slice.key() + " as varchar)";
            String subKey = slice.subKey() == null ? "cast(null as varchar)" : "cast(" + slice.subKey() + " as varchar)";
            selects.add("select '" + slice.dimension() + "' as dimension, d.key, d.sub_key, count(*) as a0 from"
                    + " (select distinct x.id_number, " + key + " as key, " + subKey + " as sub_key from person_cells x"
                    + slice.unnest() + ") d group by d.key, d.sub_key");
        }
        return String.join(" union all ", selects);
    }

    /**
     * Every slice of {@code source} (one of the cell CTEs, alias x) as rows (dimension, key, sub_key, a0, a1, ...)
     * where a0, a1 ... are the comma-separated {@code aggregates}; {@code extraGroup} is grouped by besides the keys.
     */
    private static String union(String aggregates, String source, String extraGroup) {
        String[] parts = aggregates.split(",(?![^(]*\\))");
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            columns.append(", ").append(parts[i].strip()).append(" as a").append(i);
        }
        List<String> selects = new ArrayList<>();
        for (Slice slice : SLICES) {
            List<String> group = new ArrayList<>();
            if (slice.key() != null) {
                group.add(slice.key());
            }
            if (slice.subKey() != null) {
                group.add(slice.subKey());
            }
            if (!extraGroup.isEmpty()) {
                group.add(extraGroup);
            }
            selects.add("select '" + slice.dimension() + "' as dimension, "
                    + (slice.key() == null ? "cast(null as varchar)" : "cast(" + slice.key() + " as varchar)") + " as key, "
                    + (slice.subKey() == null ? "cast(null as varchar)" : "cast(" + slice.subKey() + " as varchar)")
                    + " as sub_key" + columns + " from " + source + " x" + slice.unnest()
                    + (group.isEmpty() ? "" : " group by " + String.join(", ", group)));
        }
        return String.join(" union all ", selects);
    }

    /** Reads one row of {@link #aggregatesSql()}. */
    public static Aggregate aggregate(Object[] cells) {
        Map<Fund, BigDecimal> funds = new TreeMap<>();
        Fund[] all = Fund.values();
        for (int i = 0; i < all.length; i++) {
            funds.put(all[i], money(cells[10 + i]));
        }
        return new Aggregate((String) cells[0], (String) cells[1], (String) cells[2], number(cells[3]),
                number(cells[4]), money(cells[5]), money(cells[6]), money(cells[7]), money(cells[8]), number(cells[9]),
                funds);
    }

    /**
     * Each fund's settled total of a county between two discharge dates (the journal's entries, reversals
     * negative), and what the rules named in {@code rules} paid among them (from the stored calculation steps of
     * settlements not reversed), keyed {@code rule:<id>}.
     */
    public Map<String, BigDecimal> spending(String county, LocalDate from, LocalDate to, Collection<String> rules) {
        String sql = "select f.fund, sum(f.amount) from ledger_entry e join ledger_entry_fund f on f.entry_id = e.id"
                + " where e.county = ?1 and e.discharge_date between ?2 and ?3 group by f.fund";
        Map<String, BigDecimal> spent = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery(sql).setParameter(1, county).setParameter(2, java.sql.Date.valueOf(from))
                .setParameter(3, java.sql.Date.valueOf(to))
                .getResultList()) {
            Object[] cells = (Object[]) row;
            spent.put((String) cells[0], money(cells[1]));
        }
        if (!rules.isEmpty()) {
            String steps = "select st.rule_id, sum(st.amount) from settlement s join settlement_step st"
                    + " on st.receipt_no = s.receipt_no where s.status = 'SETTLED' and s.county = ?1"
                    + " and s.discharge_date between ?2 and ?3 and st.rule_id = any(string_to_array(?4, ','))"
                    + " group by st.rule_id";
            for (Object row : em.createNativeQuery(steps).setParameter(1, county)
                    .setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, java.sql.Date.valueOf(to)).setParameter(4, String.join(",", rules)).getResultList()) {
                Object[] cells = (Object[]) row;
                spent.put("rule:" + cells[0], money(cells[1]));
            }
        }
        return spent;
    }

    /**
     * The persons who received any of {@code funds} on settlements of a county discharged between two dates,
     * with each fund's total (persons whose disclosed total is zero, e.g. all reversed, are left out), optionally
     * of one township (as the journal booked it), ordered by township and ID number. Categories are those of the
     * person's last settlement.
     */
    public List<PersonPayments> payments(String county, LocalDate from, LocalDate to, String township,
                                         Collection<Fund> funds) {
        String fundList = funds.stream().map(Fund::name).collect(Collectors.joining(","));
        String sql = paymentsSql(township != null, funds);
        Query query = em.createNativeQuery(sql).setParameter(1, county).setParameter(2, java.sql.Date.valueOf(from))
                .setParameter(3, java.sql.Date.valueOf(to)).setParameter(4, fundList);
        if (township != null) {
            query.setParameter(5, township);
        }
        List<PersonPayments> result = new ArrayList<>();
        List<Fund> order = List.copyOf(funds);
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            Map<Fund, BigDecimal> amounts = new TreeMap<>();
            for (int i = 0; i < order.size(); i++) {
                amounts.put(order.get(i), money(cells[3 + i]));
            }
            String categories = (String) cells[2];
            result.add(new PersonPayments(((String) cells[0]).strip(), (String) cells[3 + order.size()],
                    (String) cells[1], categories == null || categories.isEmpty() ? List.of()
                    : Arrays.asList(categories.split(",")), amounts));
        }
        return result;
    }

    /**
     * The statement of {@link #payments}: ?1 county, ?2 and ?3 discharge dates, ?4 the funds (comma-separated),
     * ?5 the township when {@code oneTownship}. Columns: ID number, township, categories of the person's last
     * settlement that month (comma-separated codes), one amount per fund in the order of {@code funds}, name. Public for the benchmark.
     */
    public static String paymentsSql(boolean oneTownship, Collection<Fund> funds) {
        StringBuilder sums = new StringBuilder();
        for (Fund fund : funds) {
            sums.append(", coalesce(sum(f.amount) filter (where f.fund = '").append(fund.name()).append("'), 0) as f_")
                    .append(fund.name().toLowerCase());
        }
        return "with p as (select e.id_number, min(e.township) as township,"
                + " (array_agg(e.categories order by e.discharge_date desc, e.receipt_no desc)"
                + " filter (where e.entry_type = 'SETTLEMENT'))[1] as categories"
                + sums + " from ledger_entry e join ledger_entry_fund f on f.entry_id = e.id"
                + " and f.fund = any(string_to_array(?4, ','))"
                + " where e.county = ?1 and e.discharge_date between ?2 and ?3"
                + (oneTownship ? " and e.township = ?5" : "")
                + " group by e.id_number having sum(f.amount) > 0)"
                + " select p.id_number, p.township, p.categories" + fundOutputs(funds) + ", b.name"
                + " from p join beneficiary b on b.id_number = p.id_number order by p.township nulls first, p.id_number";
    }

    private static String fundOutputs(Collection<Fund> funds) {
        return funds.stream().map(f -> ", p.f_" + f.name().toLowerCase()).collect(Collectors.joining());
    }

    /** The townships the journal booked for a county's settlements. */
    public List<String> townships(String county) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select distinct township from ledger_entry where county = ?1"
                + " and township is not null order by township").setParameter(1, county).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static BigDecimal money(Object value) {
        return value == null ? Money.ZERO : Money.toFen(new BigDecimal(value.toString()));
    }
}
