package org.yidan.simulation.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.yidan.policy.control.SettlementCalculator;
import org.yidan.policy.entity.Policy;
import org.yidan.reports.control.Target;
import org.yidan.simulation.control.Replay;
import org.yidan.simulation.control.RunStates;
import org.yidan.simulation.control.SimulationJson;
import org.yidan.simulation.control.SimulationResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs simulations in the background on the server's managed executor, one task per simulation, and knows which
 * runs this server holds (queued or running), for their heartbeat ({@link SimulationHeartbeat}).
 */
@ApplicationScoped
public class SimulationRunner {

    private static final Logger LOG = Logger.getLogger(SimulationRunner.class.getName());

    /** Plans are cached per policy fingerprint inside; sharing one calculator shares them across simulations. */
    private static final SettlementCalculator CALCULATOR = new SettlementCalculator();

    /** One thread per policy, so that the two replay side by side while the run's own thread reads the bills. */
    private static final int SIDES = 2;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The two policies' replays run here (plain Java: no container context needed). Not this server's managed
     * executor: a run waits for its replays, and there they could wait behind other runs doing the same. Not the
     * common pool either: it has one thread on a two-core server.
     */
    private ForkJoinPool sides;

    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    @Resource
    ManagedExecutorService executor;

    @Inject
    SimulationWork work;

    @PostConstruct
    void start() {
        sides = new ForkJoinPool(SIDES, threads, null, false);
    }

    /**
     * Lets the parts queued finish rather than dropping them ({@code shutdownNow} would leave their runs waiting
     * forever); a run the server interrupts stops its sides, whose parts then return at once.
     */
    @PreDestroy
    void stop() {
        sides.shutdown();
        try {
            if (!sides.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("What-if replays still running as the application stops");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called after the simulation row is committed, so the task always finds it. */
    public void submit(long id, String county, LocalDate from, LocalDate to, Policy baseline, Policy draft,
                       List<Target> targets) {
        held.add(id);
        try {
            executor.submit(() -> run(id, county, from, to, baseline, draft, targets));
        } catch (RejectedExecutionException rejected) {
            held.remove(id);
            work.fail(id, RunStates.failedReason(rejected));
        }
    }

    /** The runs this server holds: queued in its executor or running. */
    public Set<Long> held() {
        return Set.copyOf(held);
    }

    private void run(long id, String county, LocalDate from, LocalDate to, Policy baseline, Policy draft,
                     List<Target> targets) {
        try {
            if (!work.begin(id)) {
                return;
            }
            SimulationResult result = work.replay(county, from, to, bills -> new Replay(CALCULATOR, sides)
                    .run(baseline, draft, bills, targets, (done, total) -> work.progress(id, done, total)));
            if (!work.finish(id, SimulationJson.toJson(result).toString())) {
                LOG.info(() -> "Simulation " + id + " was cancelled as it finished; its result is not kept");
            }
        } catch (Replay.Cancelled cancelled) {
            LOG.info(() -> "Simulation " + id + " stopped: cancelled");
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Simulation " + id + " failed", failed);
            work.fail(id, RunStates.failedReason(failed));
        } finally {
            held.remove(id);
        }
    }
}
