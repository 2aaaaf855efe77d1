package org.yidan.simulation.control;

import org.yidan.platform.MigratedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulation row's status changes on a real PostgreSQL with the product's migrations, through the very statements
 * the server runs ({@link RunStates}), with two connections standing for the runner and a person cancelling: both
 * orders of a cancellation meeting the end of a run, and the end of runs whose server is gone.
 */
class RunStatesTest {

    @RegisterExtension
    static final MigratedPostgres.PerClass DATABASE = new MigratedPostgres.PerClass();

    /** {@link RunStates.Updates} over one JDBC connection (its own transaction while auto-commit is off). */
    private static RunStates.Updates on(Connection connection) {
        return (sql, parameters) -> {
            Matcher positions = Pattern.compile("\\?(\\d+)").matcher(sql);
            try (PreparedStatement statement = connection.prepareStatement(positions.replaceAll("?"))) {
                positions.reset();
                for (int i = 1; positions.find(); i++) {
                    statement.setObject(i, parameters[Integer.parseInt(positions.group(1)) - 1]);
                }
                return statement.executeUpdate();
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        };
    }

    private static long simulation(String status, String heartbeatAgo) throws SQLException {
        try (Connection db = DATABASE.connect();
             PreparedStatement insert = db.prepareStatement("insert into simulation (county, policy_year, period_from,"
                     + " period_to, overrides_json, draft_properties, status, result_json, created_by, created_at,"
                     + " heartbeat_at) values ('620422', 2018, date '2018-01-01', date '2018-06-30', '{}', '', ?, ?,"
                     + " 'test', now() - interval '1 hour', now() - cast(? as interval)) returning id")) {
            insert.setString(1, status);
            insert.setString(2, status.equals("DONE") ? "{}" : null);
            insert.setString(3, heartbeatAgo);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private record Row(String status, String result, String failure) {
    }

    private static Row row(long id) throws SQLException {
        try (Connection db = DATABASE.connect();
             Statement select = db.createStatement();
             ResultSet row = select.executeQuery("select status, result_json, failure from simulation where id = " + id)) {
            row.next();
            return new Row(row.getString(1), row.getString(2), row.getString(3));
        }
    }

    private static Connection transaction() throws SQLException {
        Connection connection = DATABASE.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    /** The runner's finish holds the row; the cancellation waits for it and then finds the run done: refused. */
    @Test
    void aCancellationArrivingAsTheRunFinishesIsRefusedAndTheResultStands() throws Exception {
        long id = simulation("RUNNING", "1 second");
        ExecutorService person = Executors.newSingleThreadExecutor();
        try (Connection runner = transaction(); Connection cancelling = transaction()) {
            assertTrue(RunStates.finish(on(runner), id, "{\"result\": 1}"));
            Future<Boolean> cancel = person.submit(() -> RunStates.cancel(on(cancelling), id));
            assertThrows(TimeoutException.class, () -> cancel.get(500, TimeUnit.MILLISECONDS),
                    "the cancellation waits for the row");
            runner.commit();
            assertFalse(cancel.get(10, TimeUnit.SECONDS), "a cancellation after the end changes nothing");
            cancelling.commit();
        } finally {
            person.shutdownNow();
        }
        Row row = row(id);
        assertEquals("DONE", row.status());
        assertEquals("{\"result\": 1}", row.result());
    }

    /** The cancellation holds the row; the runner's finish waits and then keeps nothing. */
    @Test
    void aRunFinishingJustAfterItsCancellationKeepsNoResult() throws Exception {
        long id = simulation("RUNNING", "1 second");
        ExecutorService runnerThread = Executors.newSingleThreadExecutor();
        try (Connection runner = transaction(); Connection cancelling = transaction()) {
            assertTrue(RunStates.cancel(on(cancelling), id));
            Future<Boolean> finish = runnerThread.submit(() -> RunStates.finish(on(runner), id, "{\"result\": 2}"));
            assertThrows(TimeoutException.class, () -> finish.get(500, TimeUnit.MILLISECONDS));
            cancelling.commit();
            assertFalse(finish.get(10, TimeUnit.SECONDS), "the result of a cancelled run is not kept");
            runner.commit();
            // and the runner, told so at its next progress, stops
            assertFalse(RunStates.progress(on(runner), id, BigDecimal.ONE, 10));
            runner.commit();
        } finally {
            runnerThread.shutdownNow();
        }
        Row row = row(id);
        assertEquals("CANCELLED", row.status());
        assertNull(row.result());
    }

    @Test
    void theTableRefusesAResultMarkedCancelled() throws Exception {
        long id = simulation("CANCELLED", "1 second");
        try (Connection db = DATABASE.connect()) {
            SQLException refused = assertThrows(SQLException.class, () -> db.createStatement().executeUpdate(
                    "update simulation set result_json = '{}' where id = " + id));
            assertTrue(refused.getMessage().contains("simulation_cancelled_has_no_result"), refused.getMessage());
        }
    }

    /** A restart leaves rows QUEUED or RUNNING that no executor holds any more; their heartbeat tells. */
    @Test
    void runsWhoseServerIsGoneEndAsInterruptedAndOnlyThose() throws Exception {
        long gone = simulation("RUNNING", "5 minutes");
        long queuedGone = simulation("QUEUED", "5 minutes");
        long alive = simulation("RUNNING", "10 seconds");
        long done = simulation("DONE", "5 minutes");
        try (Connection db = DATABASE.connect()) {
            assertTrue(RunStates.interruptStale(on(db)) >= 2);
            assertFalse(RunStates.interruptIfStale(on(db), alive), "a run with a recent heartbeat goes on");
        }
        for (long id : new long[]{gone, queuedGone}) {
            Row row = row(id);
            assertEquals("FAILED", row.status());
            assertNotNull(row.failure());
            assertTrue(row.failure().startsWith("测算中断"), row.failure());
            assertTrue(row.failure().contains("重新运行"), row.failure());
        }
        assertEquals("RUNNING", row(alive).status());
        assertEquals("DONE", row(done).status());

        // a beat keeps a run alive; a run found stale when read ends then
        try (Connection db = DATABASE.connect()) {
            long late = simulation("RUNNING", "2 minutes");
            assertTrue(RunStates.beat(on(db), alive));
            assertTrue(RunStates.interruptIfStale(on(db), late));
            assertEquals("FAILED", row(late).status());
            // the run that was ended cannot finish or be cancelled any more
            assertFalse(RunStates.finish(on(db), late, "{}"));
            assertFalse(RunStates.cancel(on(db), late));
        }
    }
}
