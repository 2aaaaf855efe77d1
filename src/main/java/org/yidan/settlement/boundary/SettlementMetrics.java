package org.yidan.settlement.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.control.Money;
import org.yidan.settlement.control.SettlementView;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The business figures a data center watches on {@code /metrics} (MicroProfile Metrics, application scope):
 * <ul>
 * <li>{@code yidan_settlements_total{county}} and {@code yidan_reversals_total{county}}: stored, replays not counted;</li>
 * <li>{@code yidan_fund_settlements_total{county,fund}} and {@code yidan_fund_reversals_total{county,fund}}: those
 *     with a payment from the fund, {@code yidan_fund_paid_fen_total{county,fund}} the money (in fen; reversals
 *     subtract nothing, see {@code yidan_fund_reversed_fen_total});</li>
 * <li>{@code yidan_refusals_total{code}}: settle, preview and reverse refused by the rules, by problem code;</li>
 * <li>{@code yidan_settlement_duration_seconds}: time to settle, as a histogram (buckets in
 *     microprofile-config.properties).</li>
 * </ul>
 * Counted only when the transaction commits: a settlement rolled back by an outage is not one.
 */
public class SettlementMetrics {

    private static final Logger LOG = Logger.getLogger(SettlementMetrics.class.getName());
    private static final String DURATION = "yidan.settlement.duration";
    private static final ConcurrentHashMap<String, Counter> COUNTERS = new ConcurrentHashMap<>();
    /**
     * Held while a metric is registered. Payara's registry is not safe for two first registrations at once: the first
     * settlements after a start, counted by eight threads, lost their counts to a ConcurrentModificationException in
     * its timer's set-up (TimerImpl.validateMetricsConfiguration, a HashMap; six lost in one benchmark start).
     */
    private static final Object REGISTERING = new Object();

    @Inject
    MetricRegistry registry;

    /** The registry's timer, looked up on first use (see {@link #counter}). */
    private volatile Timer duration;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object measure(InvocationContext invocation) throws Exception {
        String method = invocation.getMethod().getName();
        long started = System.nanoTime();
        Object result;
        try {
            result = invocation.proceed();
        } catch (RefusedException refused) {
            String code = refused.code();
            registered("yidan.refusals|" + code, () -> registry.counter("yidan.refusals", new Tag("code", code))).inc();
            throw refused;
        }
        if ("settle".equals(method) && result instanceof SettlementService.Outcome outcome && !outcome.replayed()) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            afterCommit(() -> {
                duration().update(took);
                count("settlements", outcome.settlement());
            });
        } else if ("reverse".equals(method) && result instanceof SettlementView reversed) {
            afterCommit(() -> count("reversals", reversed));
        }
        return result;
    }

    private void count(String what, SettlementView settlement) {
        String county = settlement.county();
        counter("yidan." + what, county, null).inc();
        for (SettlementView.Line line : settlement.lines()) {
            if (line.amount().signum() > 0) {
                counter("yidan.fund." + what, county, line.fund()).inc();
                counter("settlements".equals(what) ? "yidan.fund.paid.fen" : "yidan.fund.reversed.fen", county,
                        line.fund()).inc(Money.inFen(line.amount()));
            }
        }
    }

    /**
     * The registry's counter, looked up once per name, county and fund: each lookup builds, validates and hashes
     * its tags and metric id (with the timer's lookup, 1.6 % of Payara's CPU per settlement in the 2026-11-28
     * profile). A counter, once registered, stays for the application's life. Registered one at a time: see
     * {@link #REGISTERING}.
     */
    private Counter counter(String name, String county, String fund) {
        return registered(name + '|' + county + '|' + fund, () -> fund == null
                ? registry.counter(name, new Tag("county", county))
                : registry.counter(name, new Tag("county", county), new Tag("fund", fund)));
    }

    /** The counter kept under {@code key}, registered by {@code register} the first time (see {@link #REGISTERING}). */
    private static Counter registered(String key, Supplier<Counter> register) {
        Counter counter = COUNTERS.get(key);
        if (counter != null) {
            return counter;
        }
        synchronized (REGISTERING) {
            return COUNTERS.computeIfAbsent(key, absent -> register.get());
        }
    }

    private Timer duration() {
        Timer timer = duration;
        if (timer == null) {
            synchronized (REGISTERING) {
                timer = registry.timer(DURATION);
            }
            duration = timer;
        }
        return timer;
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        action.run();
                    } catch (RuntimeException failed) {
                        // the settlement is committed whatever happens here; say what went wrong with its counting
                        LOG.log(Level.WARNING, "A committed settlement was not counted on the metrics page", failed);
                    }
                }
            }
        });
    }

}
