package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every change of a simulation row's status, each as one conditional statement on the row ({@code … where status in
 * (…)}), never as read-then-write: the runner finishing and a person cancelling may come at the same moment, and
 * PostgreSQL lets the second of two updates of a row re-check its condition on the row the first one committed. So
 * exactly one wins: DONE with its result, or CANCELLED with none (the table's checks say the same). Times come from the
 * database's clock, the one clock every server shares.
 *
 * <p>A run also lives only as long as the server running it: a restart or a crash takes the executor's task with it.
 * The running server therefore touches {@code heartbeat_at} at least every {@link #HEARTBEAT_EVERY}; a QUEUED or
 * RUNNING row whose heartbeat (or, before the first one, its creation) is older than {@link #STALE_AFTER} has no
 * executor left and is ended as FAILED with {@link #interruptedReason()}; it can be run again.
 */
public final class RunStates {

    /** How often the server running a simulation says so, also while it reads the bills or waits in the queue. */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(20);
    /** Without a heartbeat for this long, the run's server is gone (a few missed heartbeats, for a busy server). */
    public static final Duration STALE_AFTER = Duration.ofSeconds(90);

    static final String OPEN = "status in ('QUEUED', 'RUNNING')";
    static final String STALE = "coalesce(heartbeat_at, created_at) < now() - make_interval(secs => "
            + STALE_AFTER.toSeconds() + ")";

    /**
     * Runs one update with positional parameters {@code ?1, ?2, …} (each once, in order) and answers the rows it
     * changed: the server runs it through JPA in its transaction, a test through JDBC.
     */
    @FunctionalInterface
    public interface Updates {
        int execute(String sql, Object... parameters);
    }

    private RunStates() {
    }

    /** QUEUED → RUNNING; false when it was cancelled (or interrupted) before the executor got to it. */
    public static boolean begin(Updates db, long id) {
        return db.execute("update simulation set status = 'RUNNING', heartbeat_at = now() where id = ?1"
                + " and status = 'QUEUED'", id) == 1;
    }

    /** Progress, which is also a heartbeat; false once the run is no longer RUNNING (cancelled): stop. */
    public static boolean progress(Updates db, long id, BigDecimal progress, int bills) {
        return db.execute("update simulation set progress = ?1, bills = ?2, heartbeat_at = now() where id = ?3"
                + " and status = 'RUNNING'", progress, bills, id) == 1;
    }

    /** RUNNING → DONE with the result; false when a cancellation (or an interruption) came first: no result kept. */
    public static boolean finish(Updates db, long id, String resultJson) {
        return db.execute("update simulation set status = 'DONE', result_json = ?1, progress = 1,"
                + " finished_at = now(), heartbeat_at = now() where id = ?2 and status = 'RUNNING'", resultJson, id) == 1;
    }

    /** QUEUED or RUNNING → FAILED with the reason; false when it had ended already. */
    public static boolean fail(Updates db, long id, String reason) {
        return db.execute("update simulation set status = 'FAILED', failure = ?1, finished_at = now() where id = ?2"
                + " and " + OPEN, cut(reason), id) == 1;
    }

    /** QUEUED or RUNNING → CANCELLED; false when it had ended already (finished first: its result stands). */
    public static boolean cancel(Updates db, long id) {
        return db.execute("update simulation set status = 'CANCELLED', finished_at = now() where id = ?1 and " + OPEN,
                id) == 1;
    }

    /** The running server's heartbeat for a run it holds (queued in its executor or running). */
    public static boolean beat(Updates db, long id) {
        return db.execute("update simulation set heartbeat_at = now() where id = ?1 and " + OPEN, id) == 1;
    }

    /** Ends every open run whose server is gone (see the class); answers how many. */
    public static int interruptStale(Updates db) {
        return db.execute("update simulation set status = 'FAILED', failure = ?1, finished_at = now() where " + OPEN
                + " and " + STALE, interruptedReason());
    }

    /** As {@link #interruptStale(Updates)}, for one run about to be read. */
    public static boolean interruptIfStale(Updates db, long id) {
        return db.execute("update simulation set status = 'FAILED', failure = ?1, finished_at = now() where id = ?2"
                + " and " + OPEN + " and " + STALE, interruptedReason(), id) == 1;
    }

    /** Why an interrupted run ended, in Chinese from the message bundle (it is stored with the run). */
    public static String interruptedReason() {
        return text("simulation.interrupted", STALE_AFTER.toSeconds());
    }

    /** Why a run failed, in Chinese, with the error's own words. */
    public static String failedReason(Throwable failure) {
        return cut(text("simulation.failedReason", failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    private static String text(String key, Object... arguments) {
        ResourceBundle texts = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);
        return new MessageFormat(texts.getString(key), Locale.SIMPLIFIED_CHINESE).format(arguments);
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }
}
