package org.yidan.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.yidan.ledger.control.Periods;
import org.yidan.ledger.control.LedgerSql;
import org.yidan.ledger.entity.LedgerFilter;
import org.yidan.ledger.entity.LedgerRow;
import org.yidan.ledger.entity.LedgerTotals;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.FUND_VIEWER_NAME;

/**
 * Reads the funds' journal (台账) for the ledger screen and {@code GET /api/v1/ledger}: pages, totals, and the
 * filter a caller may use. A fund officer always reads its own fund's column only; auditors and administrators
 * choose.
 */
@Stateless
@RolesAllowed({FUND_VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME})
public class Ledger {

    public static final int MAX_PAGE_SIZE = 1000;

    @Resource(lookup = "java:app/jdbc/yidan")
    DataSource dataSource;

    @Inject
    FundScope scope;

    /**
     * The filter as the caller may use it: months, fund, category and visit types checked (422 naming the field),
     * the funds of a fund officer replaced by its own.
     */
    public LedgerFilter scoped(LedgerFilter requested) {
        YearMonth from = requested.from() == null || requested.from().isBlank() ? null
                : Periods.parse("from", requested.from().trim());
        YearMonth to = requested.to() == null || requested.to().isBlank() ? null
                : Periods.parse("to", requested.to().trim());
        if (from != null && to != null && from.isAfter(to)) {
            // a range that can hold nothing is a slip, not "no entries"
            throw RefusedException.unprocessable(Periods.PERIOD_INVALID, "from",
                    "The first month " + from + " is after the last " + to + ".");
        }
        if (requested.category() != null && !requested.category().isBlank()) {
            PersonCategory.parse("category", requested.category().trim());
        }
        for (String visitType : requested.visitTypes()) {
            VisitType.parse("visitType", visitType);
        }
        List<String> funds = requested.funds().stream().map(fund -> Fund.parse("fund", fund).name()).toList();
        if (!scope.allFunds()) {
            funds = List.of(scope.readable(null));
        }
        return requested.withFunds(funds);
    }

    public boolean mayReadFullIdNumbers() {
        return scope.mayReadFullIdNumbers();
    }

    /** A page of the (already scoped) filter, newest last. */
    public List<LedgerRow> page(LedgerFilter filter, int first, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RefusedException.unprocessable("FIELD_INVALID", "size", "size is from 1 to " + MAX_PAGE_SIZE + ".");
        }
        try (Connection connection = dataSource.getConnection()) {
            return LedgerSql.page(connection, scoped(filter), scope.mayReadFullIdNumbers(), first, size, false);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger failed", e);
        }
    }

    /** A page for the screen, newest first: the latest entries are the ones looked for. */
    public List<LedgerRow> newestFirst(LedgerFilter filter, int first, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RefusedException.unprocessable("FIELD_INVALID", "size", "size is from 1 to " + MAX_PAGE_SIZE + ".");
        }
        try (Connection connection = dataSource.getConnection()) {
            return LedgerSql.page(connection, scoped(filter), scope.mayReadFullIdNumbers(), first, size, true);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger failed", e);
        }
    }

    public LedgerTotals totals(LedgerFilter filter) {
        try (Connection connection = dataSource.getConnection()) {
            return LedgerSql.totals(connection, scoped(filter));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger's totals failed", e);
        }
    }
}
