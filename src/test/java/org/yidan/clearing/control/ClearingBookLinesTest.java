package org.yidan.clearing.control;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yidan.clearing.control.ClearingPeriod.Length;
import org.yidan.platform.MigratedPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The booking's clearing call (V25 {@code clearing_book_lines}) with {@link ClearingPeriod#candidates}: an entry goes
 * to its fee month's period unless that statement is confirmed or paid, then to the first later open one, and a
 * confirmation that commits while a booking waits for clearing's lock is seen by that booking. Each case runs in a
 * transaction rolled back at its end (the lines' entries do not exist: their foreign key is checked at commit).
 */
class ClearingBookLinesTest {

    private static final LocalDate TODAY = LocalDate.of(2019, 8, 15);

    @RegisterExtension
    static final MigratedPostgres.PerClass DATABASE = new MigratedPostgres.PerClass();

    @Test
    void anEntryGoesToItsPeriodUnlessThatIsConfirmedThenToTheFirstLaterOpenOne() throws SQLException {
        assertEquals("2018-04", bookedPeriod("2018-04", Length.MONTH, List.of()));
        assertEquals("2018-05", bookedPeriod("2018-04", Length.MONTH, List.of("2018-04")));
        assertEquals("2018-07", bookedPeriod("2018-04", Length.MONTH,
                List.of("2018-04", "2018-05", "2018-06", "2018-03")));
        assertEquals("2019-01", bookedPeriod("2018-12", Length.MONTH, List.of("2018-12")));

        assertEquals("2018-Q1", bookedPeriod("2018-03", Length.QUARTER, List.of()));
        // a reversal of February booked after the first quarter was confirmed lands in the second quarter
        assertEquals("2018-Q2", bookedPeriod("2018-02", Length.QUARTER, List.of("2018-Q1")));
        assertEquals("2019-Q1", bookedPeriod("2018-11", Length.QUARTER, List.of("2018-Q4")));
        assertEquals("2018-Q4", bookedPeriod("2018-05", Length.QUARTER, List.of("2018-Q2", "2018-Q3", "2018-Q1")));
    }

    @Test
    void theCandidatesRunFromTheFeeMonthsPeriodToThePeriodAfterToday() {
        assertEquals(List.of("2019-06", "2019-07", "2019-08", "2019-09"),
                ClearingPeriod.candidates("2019-06", Length.MONTH, TODAY));
        assertEquals(List.of("2018-Q4", "2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"),
                ClearingPeriod.candidates("2018-11", Length.QUARTER, TODAY));
        // a fee month after today: its own period, which cannot have ended
        assertEquals(List.of("2019-11"), ClearingPeriod.candidates("2019-11", Length.MONTH, TODAY));
    }

    @ParameterizedTest
    // any text is a hospital code to the REST API: a '|' once split clearing's lock key in two
    @ValueSource(strings = {"H-WAIT", "H|WAIT,1 2"})
    void aBookingThatWaitedForAConfirmationSeesItAndGoesToTheNextPeriod(String hospital) throws Exception {
        try (Connection officer = DATABASE.connect(); Connection booking = DATABASE.connect()) {
            officer.setAutoCommit(false);
            insertStatement(officer, hospital, "2018-04", "DRAFT");
            officer.commit();
            // the officer confirms: the exclusive lock, then the status, committed only after the booking waits
            try (PreparedStatement lock = officer.prepareStatement("select pg_advisory_xact_lock(hashtext(?))");
                 PreparedStatement confirm = officer.prepareStatement("update clearing_statement set status ="
                         + " 'CONFIRMED' where hospital_code = ? and period = '2018-04'")) {
                lock.setString(1, "clearing:370323:ASSISTANCE:" + hospital);
                lock.executeQuery().close();
                confirm.setString(1, hospital);
                confirm.executeUpdate();
            }
            int bookingProcess;
            try (ResultSet pid = booking.createStatement().executeQuery("select pg_backend_pid()")) {
                pid.next();
                bookingProcess = pid.getInt(1);
            }
            booking.setAutoCommit(false);
            CompletableFuture<String> booked = CompletableFuture.supplyAsync(() -> {
                try {
                    return book(booking, hospital, "2018-04", Length.MONTH);
                } catch (SQLException failed) {
                    throw new IllegalStateException(failed);
                }
            });
            awaitWaitingForALock(officer, bookingProcess);
            assertFalse(booked.isDone(), "the booking waits for the officer's lock");
            officer.commit();
            assertEquals("2018-05", booked.get(30, TimeUnit.SECONDS));
            booking.rollback();
        }
    }

    /** Waits until server process {@code pid} is blocked on a lock: the booking waits for clearing's advisory lock. */
    private static void awaitWaitingForALock(Connection db, int pid) throws SQLException, InterruptedException {
        try (PreparedStatement waiting = db.prepareStatement("select wait_event_type from pg_stat_activity"
                + " where pid = ?")) {
            waiting.setInt(1, pid);
            for (int attempt = 0; attempt < 300; attempt++) {
                try (ResultSet row = waiting.executeQuery()) {
                    if (row.next() && "Lock".equals(row.getString(1))) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the booking never waited for the officer's lock");
    }

    /** The period a new ASSISTANCE line of hospital H-TEST goes to when the given periods are confirmed. */
    private static String bookedPeriod(String feeMonth, Length length, List<String> confirmed) throws SQLException {
        try (Connection db = DATABASE.connect()) {
            db.setAutoCommit(false);
            try {
                for (String period : confirmed) {
                    insertStatement(db, "H-TEST", period, "CONFIRMED");
                }
                return book(db, "H-TEST", feeMonth, length);
            } finally {
                db.rollback();
            }
        }
    }

    private static String book(Connection db, String hospital, String feeMonth, Length length) throws SQLException {
        try (PreparedStatement call = db.prepareStatement("select clearing_book_lines(?, '370323', ?, ?::jsonb,"
                + " 'ASSISTANCE', ?, '12.34')");
             PreparedStatement line = db.prepareStatement("select period from clearing_line where entry_id = ?")) {
            long entry = System.nanoTime();
            call.setLong(1, entry);
            call.setString(2, hospital);
            call.setString(3, Json.createArrayBuilder().add("clearing:370323:ASSISTANCE:" + hospital).build().toString());
            call.setString(4, String.join(" ", ClearingPeriod.candidates(feeMonth, length, TODAY)));
            try (ResultSet written = call.executeQuery()) {
                written.next();
                assertEquals(1, written.getInt(1));
            }
            line.setLong(1, entry);
            try (ResultSet period = line.executeQuery()) {
                period.next();
                return period.getString(1);
            }
        }
    }

    private static void insertStatement(Connection db, String hospital, String period, String status)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into clearing_statement (county, fund,"
                + " hospital_code, period, status, line_count, total, prepayment_applied, held_back, payable,"
                + " generated_at, generated_by) values ('370323', 'ASSISTANCE', ?, ?, ?, 0, 0, 0, 0, 0, now(),"
                + " 'test')")) {
            insert.setString(1, hospital);
            insert.setString(2, period);
            insert.setString(3, status);
            insert.executeUpdate();
        }
    }
}
