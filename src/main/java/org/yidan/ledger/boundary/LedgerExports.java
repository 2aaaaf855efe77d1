package org.yidan.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.yidan.platform.control.Texts;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.ledger.control.LedgerExport;
import org.yidan.ledger.control.LedgerSql;
import org.yidan.ledger.entity.LedgerFilter;
import org.yidan.ledger.entity.LedgerRow;
import org.yidan.platform.control.CountyClock;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Streams every entry of a filter as CSV or XLSX straight to the response. It runs after the resource method
 * returned, outside any container transaction: its own read-only connection, not in auto-commit, so that the
 * driver reads with a cursor. The caller passes a filter that {@link Ledger#scoped} already restricted.
 */
@ApplicationScoped
public class LedgerExports {

    public enum Format { CSV, XLSX }

    private static final DateTimeFormatter BOOKED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Resource(lookup = "java:app/jdbc/yidan")
    DataSource dataSource;

    public long write(LedgerFilter scopedFilter, boolean fullIds, Format format, OutputStream out) throws IOException {
        List<LedgerExport.Column> columns = columns(scopedFilter.funds());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (LedgerExport export = format == Format.CSV ? LedgerExport.csv(columns, out)
                    : LedgerExport.xlsx(columns, out)) {
                return LedgerSql.stream(connection, scopedFilter, fullIds, export::add);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("reading the ledger failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Categories as the office reads them (低保对象、特困人员). */
    static String namesOf(String categories) {
        if (categories == null || categories.isBlank()) {
            return categories;
        }
        return Arrays.stream(categories.split(","))
                .map(code -> Texts.nameOr(code.trim(), c -> PersonCategory.valueOf(c).displayName()))
                .collect(Collectors.joining("、"));
    }

    /** The columns of the export: the entry's facts, then one column per fund shown. */
    public static List<LedgerExport.Column> columns(List<String> funds) {
        List<LedgerExport.Column> columns = new ArrayList<>(List.of(
                new LedgerExport.Column("收据号", LedgerRow::receiptNo),
                new LedgerExport.Column("类型", r -> "REVERSAL".equals(r.entryType()) ? "冲销" : "结算"),
                new LedgerExport.Column("费款所属期", LedgerRow::feeMonth),
                // the county's clock, as the screen shows it: in UTC an entry booked after 16:00 fell on the next day
                new LedgerExport.Column("记账时间", r -> BOOKED_AT.format(r.bookedAt().atZoneSameInstant(CountyClock.ZONE))),
                new LedgerExport.Column("身份证号", LedgerRow::idNumber),
                new LedgerExport.Column("姓名", LedgerRow::name),
                new LedgerExport.Column("乡镇", LedgerRow::township),
                new LedgerExport.Column("类别", r -> namesOf(r.categories())),
                new LedgerExport.Column("医院编码", LedgerRow::hospitalCode),
                new LedgerExport.Column("医院名称", LedgerRow::hospitalName),
                new LedgerExport.Column("医院等级",
                        r -> Texts.nameOr(r.hospitalLevel(), c -> HospitalLevel.valueOf(c).displayName())),
                new LedgerExport.Column("就诊类型",
                        r -> Texts.nameOr(r.visitType(), c -> VisitType.valueOf(c).displayName())),
                new LedgerExport.Column("入院日期", r -> r.admissionDate().toString()),
                new LedgerExport.Column("出院日期", r -> r.dischargeDate().toString()),
                new LedgerExport.Column("总费用", LedgerRow::totalAmount),
                new LedgerExport.Column("政策范围内费用", LedgerRow::policyScopeAmount),
                new LedgerExport.Column("特药费用", LedgerRow::specialDrugAmount)));
        List<String> shown = funds.isEmpty() ? List.of(Fund.values()).stream().map(Fund::name).toList() : funds;
        for (String fund : shown) {
            String header = DeclaredFunds.current().displayName(fund);
            columns.add(new LedgerExport.Column(header, r -> r.fund(fund)));
        }
        columns.add(new LedgerExport.Column("基金合计", LedgerRow::fundTotal));
        columns.add(new LedgerExport.Column("个人自付", LedgerRow::selfPay));
        return columns;
    }
}
