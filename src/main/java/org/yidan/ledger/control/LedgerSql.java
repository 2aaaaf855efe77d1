package org.yidan.ledger.control;

import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.ledger.entity.LedgerFilter;
import org.yidan.ledger.entity.LedgerRow;
import org.yidan.ledger.entity.LedgerTotals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the journal with plain JDBC: a page for the screens and the JSON list, or every entry of a filter one by
 * one for the exports. The exports read with a fetch size inside a transaction, which makes the PostgreSQL driver
 * use a cursor: memory stays constant whatever the number of entries.
 */
public final class LedgerSql {

    static final int FETCH_SIZE = 500;

    private LedgerSql() {
    }

    private record Where(String sql, List<Object> params) {
    }

    static Where where(LedgerFilter f) {
        StringBuilder sql = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (present(f.county())) {
            sql.append(" and e.county = ?");
            params.add(f.county().trim());
        }
        if (present(f.from())) {
            sql.append(" and e.fee_month >= ?");
            params.add(f.from().trim());
        }
        if (present(f.to())) {
            sql.append(" and e.fee_month <= ?");
            params.add(f.to().trim());
        }
        if (present(f.hospitalCode())) {
            sql.append(" and e.hospital_code = ?");
            params.add(f.hospitalCode().trim());
        }
        if (present(f.township())) {
            sql.append(" and e.township = ?");
            params.add(f.township().trim());
        }
        if (present(f.category())) {
            sql.append(" and ? = any (string_to_array(e.categories, ','))");
            params.add(f.category().trim());
        }
        if (!f.visitTypes().isEmpty()) {
            sql.append(" and e.visit_type = any (string_to_array(?, ','))");
            params.add(String.join(",", f.visitTypes()));
        }
        if (!f.funds().isEmpty()) {
            sql.append(" and exists (select 1 from ledger_entry_fund x where x.entry_id = e.id"
                    + " and x.fund = any (string_to_array(?, ',')))");
            params.add(String.join(",", f.funds()));
        }
        return new Where(sql.toString(), params);
    }

    private static String select(LedgerFilter f) {
        String fundFilter = f.funds().isEmpty() ? "" : " and g.fund = any (string_to_array(?, ','))";
        return "select e.id, e.receipt_no, e.entry_type, e.reversal_of, e.fee_month, e.booked_at, e.id_number,"
                + " e.person_name, e.township, e.categories, e.hospital_code, e.hospital_name, e.hospital_level,"
                + " e.visit_type, e.admission_date, e.discharge_date, e.total_amount, e.policy_scope_amount,"
                + " e.special_drug_amount, e.fund_total, e.self_pay,"
                + " (select string_agg(g.fund || '=' || g.amount, ';' order by g.fund) from ledger_entry_fund g"
                + "  where g.entry_id = e.id" + fundFilter + ") as funds"
                + " from ledger_entry e";
    }

    /** A page in booking order, newest last, or with {@code newestFirst} the other way round. */
    public static List<LedgerRow> page(Connection connection, LedgerFilter filter, boolean fullIds, int first,
                                       int size, boolean newestFirst) throws SQLException {
        List<LedgerRow> rows = new ArrayList<>();
        Where where = where(filter);
        String sql = select(filter) + where.sql() + (newestFirst ? " order by e.booked_at desc, e.id desc"
                : " order by e.booked_at, e.id") + " limit ? offset ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bindFunds(statement, filter, 1);
            index = bind(statement, where.params(), index);
            statement.setInt(index++, size);
            statement.setInt(index, Math.max(0, first));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, fullIds));
                }
            }
        }
        return rows;
    }

    /**
     * Hands every entry of the filter to {@code sink}, in booking order, holding one fetch at a time. The connection
     * must not be in auto-commit mode, or the driver reads everything at once.
     */
    public static long stream(Connection connection, LedgerFilter filter, boolean fullIds, Consumer<LedgerRow> sink)
            throws SQLException {
        Where where = where(filter);
        String sql = select(filter) + where.sql() + " order by e.booked_at, e.id";
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            int index = bindFunds(statement, filter, 1);
            bind(statement, where.params(), index);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row(rs, fullIds));
                    count++;
                }
            }
        }
        return count;
    }

    public static LedgerTotals totals(Connection connection, LedgerFilter filter) throws SQLException {
        Where where = where(filter);
        long entries;
        BigDecimal total;
        BigDecimal scope;
        BigDecimal fundTotal;
        BigDecimal selfPay;
        try (PreparedStatement statement = connection.prepareStatement("select count(*),"
                + " coalesce(sum(e.total_amount), 0), coalesce(sum(e.policy_scope_amount), 0),"
                + " coalesce(sum(e.fund_total), 0), coalesce(sum(e.self_pay), 0) from ledger_entry e" + where.sql())) {
            bind(statement, where.params(), 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                entries = rs.getLong(1);
                total = rs.getBigDecimal(2);
                scope = rs.getBigDecimal(3);
                fundTotal = rs.getBigDecimal(4);
                selfPay = rs.getBigDecimal(5);
            }
        }
        Map<String, BigDecimal> funds = new TreeMap<>();
        String fundFilter = filter.funds().isEmpty() ? "" : " and g.fund = any (string_to_array(?, ','))";
        try (PreparedStatement statement = connection.prepareStatement("select g.fund, sum(g.amount)"
                + " from ledger_entry_fund g join ledger_entry e on e.id = g.entry_id" + where.sql() + fundFilter
                + " group by g.fund")) {
            int index = bind(statement, where.params(), 1);
            if (!filter.funds().isEmpty()) {
                statement.setString(index, String.join(",", filter.funds()));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    funds.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
                }
            }
        }
        return new LedgerTotals(entries, total.setScale(2), scope.setScale(2), funds, fundTotal.setScale(2),
                selfPay.setScale(2));
    }

    private static int bindFunds(PreparedStatement statement, LedgerFilter filter, int index) throws SQLException {
        if (!filter.funds().isEmpty()) {
            statement.setString(index++, String.join(",", filter.funds()));
        }
        return index;
    }

    private static int bind(PreparedStatement statement, List<Object> params, int index) throws SQLException {
        for (Object param : params) {
            statement.setObject(index++, param);
        }
        return index;
    }

    private static LedgerRow row(ResultSet rs, boolean fullIds) throws SQLException {
        Map<String, BigDecimal> funds = new LinkedHashMap<>();
        String packed = rs.getString(22);
        if (packed != null) {
            for (String pair : packed.split(";")) {
                int eq = pair.indexOf('=');
                funds.put(pair.substring(0, eq), new BigDecimal(pair.substring(eq + 1)));
            }
        }
        long reversalOf = rs.getLong(4);
        Long reversal = rs.wasNull() ? null : reversalOf;
        Timestamp booked = rs.getTimestamp(6);
        String idNumber = rs.getString(7).trim();
        return new LedgerRow(rs.getLong(1), rs.getString(2), rs.getString(3), reversal, rs.getString(5).trim(),
                OffsetDateTime.ofInstant(booked.toInstant(), ZoneOffset.UTC),
                fullIds ? idNumber : IdNumbers.mask(idNumber), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getDate(15).toLocalDate(), rs.getDate(16).toLocalDate(), rs.getBigDecimal(17),
                rs.getBigDecimal(18), rs.getBigDecimal(19), funds, rs.getBigDecimal(20), rs.getBigDecimal(21));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
