package org.yidan.settlement.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.yidan.platform.control.RefusedException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Receipt numbers {@code county-yyyyMMdd-nnnnnn}: unique and increasing per county and county-local day,
 * starting at 000001 each day.
 * <p>
 * The day's counter row is incremented in one auto-committed statement on a small pool of its own,
 * outside the settlement's transaction. Inside it, the row would stay locked until the settlement
 * commits and all settlements of a county would queue behind one another (measured: about 170 per
 * second at most). A separate pool, rather than a nested JTA transaction on the main one, because a
 * settlement waiting for a person's accumulator rows holds a main connection: a pool full of those
 * must never be needed to number the one that holds the rows. The price: a settlement that fails in
 * the database after it was numbered (not one that the rules refuse, which happens before) leaves a
 * gap in the day's numbers. The pool {@code java:app/jdbc/yidan-numbers} is defined beside the main one,
 * on {@link org.yidan.platform.boundary.DatabaseMigration}.
 */
@ApplicationScoped
public class ReceiptNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String NEXT = "insert into receipt_counter (county, day, last_value) values (?, ?, 1)"
            + " on conflict (county, day) do update set last_value = receipt_counter.last_value + 1"
            + " returning last_value";

    @Resource(lookup = "java:app/jdbc/yidan-numbers")
    DataSource numbers;

    public String next(String county, LocalDate day) {
        try (Connection connection = numbers.getConnection();
             PreparedStatement next = connection.prepareStatement(NEXT)) {
            connection.setAutoCommit(true);
            next.setString(1, county);
            next.setDate(2, Date.valueOf(day));
            try (ResultSet value = next.executeQuery()) {
                value.next();
                // zero-padded by hand: String.format parsed its pattern on every settlement (seen in the profile)
                String number = Integer.toString(value.getInt(1));
                return county + "-" + day.format(DAY) + "-" + "0".repeat(Math.max(0, 6 - number.length())) + number;
            }
        } catch (SQLException failure) {
            throw new RefusedException(503, "DATABASE_UNAVAILABLE",
                    "The receipt number could not be drawn; nothing was settled. Retry with the same Idempotency-Key.",
                    List.of());
        }
    }
}
