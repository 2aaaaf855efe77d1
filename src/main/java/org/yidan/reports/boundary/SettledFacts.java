package org.yidan.reports.boundary;

import jakarta.ejb.Stateless;
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
 * The ONE place where reports and disclosure read the settled facts, so that moving them onto the ledger
 * (台账, one journal entry per settlement and a negated one per reversal) changes this class only.
 * <p>
 * Source today: the settlement tables. A settlement counts when its status is SETTLED (a reversed one is
 * REVERSED and counts nowhere); its period is its discharge date; each fund's amount is its
 * {@code settlement_line}. A person's categories are those held on the discharge date as the settlement stored
 * them ({@code settlement.person_categories}); standard tags (国标/省标/市标) are the registry's current
 * {@code beneficiary_tag}s, and the township is not recorded yet ({@link #TOWNSHIP} is SQL null): the ledger
 * stores township as it was at booking, which is what should replace the TOWNSHIP expression.
 * <p>
 * Every figure is aggregated by PostgreSQL (GROUP BY GROUPING SETS over one pivot of the lines per settlement);
 * nothing here loops over settlements in Java.
 */
@Stateless
public class SettledFacts {

    /** The township of a settlement, as an SQL expression over {@code s} (settlement) and {@code b} (beneficiary). */
    static final String TOWNSHIP = "cast(null as varchar)";

    /** One person's disclosed payments in a month, still unmasked: only disclosure's facade sees it. */
    public record PersonPayments(String idNumber, String name, String township, List<String> categories,
                                 Map<Fund, BigDecimal> amounts) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Every slice of the report in one statement: all, by visit type, hospital level, hospital, township and
     * month (one settlement in one slice of each), and by category, category × visit type and standard tag
     * (a settlement in as many slices as its person holds categories or tags, or in the slice with key null).
     */
    public List<Aggregate> aggregates(String county, LocalDate from, LocalDate to) {
        Query query = em.createNativeQuery(aggregatesSql()).setParameter(1, county)
                .setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, java.sql.Date.valueOf(to));
        List<Aggregate> result = new ArrayList<>();
        for (Object row : query.getResultList()) {
            result.add(aggregate((Object[]) row));
        }
        return result;
    }

    /** The statement of {@link #aggregates}: parameters ?1 county, ?2 and ?3 the discharge dates (public for the benchmark). */
    public static String aggregatesSql() {
        String funds = fundColumns("b.");
        return "with b as materialized (" + pivot("s.county = ?1 and s.discharge_date between ?2 and ?3") + ")\n"
                + "select case when grouping(b.visit_type) = 0 then 'visitType'"
                + " when grouping(b.hospital_level) = 0 then 'hospitalLevel'"
                + " when grouping(b.hospital_code) = 0 then 'hospital'"
                + " when grouping(b.month) = 0 then 'month'"
                + " when grouping(b.township) = 0 then 'township' else 'all' end,"
                + " coalesce(b.visit_type, b.hospital_level, b.hospital_code, b.month, b.township), cast(null as varchar),"
                + measures(funds) + " from b group by grouping sets ((), (b.visit_type), (b.hospital_level),"
                + " (b.hospital_code), (b.month), (b.township))\n"
                + "union all\n"
                + "select case when grouping(b.visit_type) = 0 then 'categoryVisitType' else 'category' end,"
                + " c.code, b.visit_type," + measures(funds)
                + " from b left join lateral unnest(string_to_array(nullif(b.person_categories, ''), ',')) as c(code) on true"
                + " group by grouping sets ((c.code), (c.code, b.visit_type))\n"
                + "union all\n"
                + "select 'standardTag', t.tag, cast(null as varchar)," + measures(funds)
                + " from b left join beneficiary_tag t on t.id_number = b.id_number group by t.tag";
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
     * Each fund's settled total of a county between two discharge dates, and what the rules named in
     * {@code rules} paid among them (from the stored calculation steps), keyed {@code rule:<id>}.
     */
    public Map<String, BigDecimal> spending(String county, LocalDate from, LocalDate to, Collection<String> rules) {
        String sql = "select l.fund, sum(l.amount) from settlement s join settlement_line l on l.receipt_no = s.receipt_no"
                + " where s.status = 'SETTLED' and s.county = ?1 and s.discharge_date between ?2 and ?3 group by l.fund";
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
     * with each fund's total (persons whose disclosed total is zero are left out), optionally of one township,
     * ordered by township and ID number. Categories are those held on the person's last discharge date.
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
            sums.append(", coalesce(sum(l.amount) filter (where l.fund = '").append(fund.name()).append("'), 0) as f_")
                    .append(fund.name().toLowerCase());
        }
        return "with p as (select s.id_number, min(" + TOWNSHIP + ") as township,"
                + " (array_agg(s.person_categories order by s.discharge_date desc, s.receipt_no desc))[1] as categories"
                + sums + " from settlement s join settlement_line l on l.receipt_no = s.receipt_no"
                + " and l.fund = any(string_to_array(?4, ','))"
                + " join beneficiary b on b.id_number = s.id_number"
                + " where s.status = 'SETTLED' and s.county = ?1 and s.discharge_date between ?2 and ?3"
                + (oneTownship ? " and " + TOWNSHIP + " = ?5" : "")
                + " group by s.id_number having sum(l.amount) > 0)"
                + " select p.id_number, p.township, p.categories" + fundOutputs(funds) + ", b.name"
                + " from p join beneficiary b on b.id_number = p.id_number order by p.township nulls first, p.id_number";
    }

    private static String fundOutputs(Collection<Fund> funds) {
        return funds.stream().map(f -> ", p.f_" + f.name().toLowerCase()).collect(Collectors.joining());
    }

    /** The townships the source knows for a county (none while townships are not recorded). */
    public List<String> townships(String county) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select distinct t from (select " + TOWNSHIP
                + " as t from settlement s join beneficiary b on b.id_number = s.id_number where s.county = ?1) x"
                + " where t is not null order by t").setParameter(1, county).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /** One row per settled settlement of the filter with each fund's amount as a column. */
    private static String pivot(String where) {
        return "select s.receipt_no, s.id_number, s.discharge_date, s.visit_type, s.hospital_level, s.hospital_code,"
                + " s.hospital_in_county, to_char(s.discharge_date, 'YYYY-MM') as month, " + TOWNSHIP + " as township,"
                + " s.person_categories,"
                + " s.total_amount, s.policy_scope_amount, s.fund_total, s.self_pay"
                + fundPivot() + " from settlement s left join settlement_line l on l.receipt_no = s.receipt_no"
                + " where s.status = 'SETTLED' and " + where + " group by s.receipt_no";
    }

    private static String fundPivot() {
        StringBuilder sql = new StringBuilder();
        for (Fund fund : Fund.values()) {
            sql.append(", coalesce(sum(l.amount) filter (where l.fund = '").append(fund.name()).append("'), 0) as f_")
                    .append(fund.name().toLowerCase());
        }
        return sql.toString();
    }

    private static String fundColumns(String alias) {
        return Arrays.stream(Fund.values()).map(f -> "coalesce(sum(" + alias + "f_" + f.name().toLowerCase() + "), 0)")
                .collect(Collectors.joining(", "));
    }

    private static String measures(String funds) {
        return " count(*), count(distinct b.id_number), coalesce(sum(b.total_amount), 0),"
                + " coalesce(sum(b.policy_scope_amount), 0), coalesce(sum(b.fund_total), 0), coalesce(sum(b.self_pay), 0),"
                + " count(*) filter (where b.hospital_in_county), " + funds;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static BigDecimal money(Object value) {
        return value == null ? Money.ZERO : Money.toFen(new BigDecimal(value.toString()));
    }
}
