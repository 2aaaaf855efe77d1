package org.yidan.simulation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yidan.policy.CalculatorBenchmark;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.control.SettlementCalculator;
import org.yidan.reports.control.Target;
import org.yidan.simulation.SimulationBenchmark;

/**
 * The what-if's whole result over many bills, kept as it was: the first 100,000 bills of the calculator benchmark's
 * synthetic 沂源 2020 (the what-if benchmark's county), with the benchmark's targets, under a draft that only helps
 * (the benchmark's) and one that helps some and costs others, on two threads. Every figure of the result (funds,
 * slices, targets, distribution, better and worse off, the 20 largest changes) is compared, as text, with the result
 * the replay gave before it was made faster ({@code src/test/resources/simulation/*.txt}): the record's text keeps
 * each amount's scale, the JSON the API answers is compared as well. A change to the replay's bookkeeping that moves
 * any figure fails here; a deliberate change of the figures writes the files anew with {@code -DwriteExpected=<dir>}.
 */
class ReplayOfASyntheticCountyTest {

    private static final int BILLS = 100_000;

    private static List<ReplayBill> bills;
    private static List<Target> targets;
    private static ThreadPoolExecutor sides;

    @BeforeAll
    static void county() {
        bills = new ArrayList<>(SimulationBenchmark.replayBills(CalculatorBenchmark.syntheticCounty(), BILLS));
        targets = SimulationBenchmark.countyTargets();
        // two threads, one per policy, as the server replays: the parts of each policy chained, the reader ahead
        sides = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        sides.shutdown();
    }

    private static void check(String name, Map<String, String> overrides) throws IOException {
        DraftPolicy draft = DraftPolicy.read(ShippedPolicies.config(Map.of()), "370323", 2020, overrides);
        SimulationResult result = new Replay(new SettlementCalculator(), sides).run(
                ShippedPolicies.yiyuan2020(), draft.policy(), bills, targets, (done, total) -> true);
        String text = result + "\n" + SimulationJson.toJson(result) + "\n";
        String directory = System.getProperty("writeExpected");
        if (directory != null) {
            Files.writeString(Path.of(directory, name + ".txt"), text);
        }
        try (InputStream expected = ReplayOfASyntheticCountyTest.class.getResourceAsStream(
                "/simulation/" + name + ".txt")) {
            assertEquals(new String(expected.readAllBytes(), StandardCharsets.UTF_8), text);
        }
    }

    @Test
    void aLowerCriticalIllnessDeductible() throws IOException {
        check("lower-critical-deductible", Map.of("rule.critical.segments",
                "0-4000:0, 4000-100000:0.65, 100000-300000:0.75, 300000-:0.85"));
    }

    @Test
    void aHigherCriticalIllnessDeductibleAndMoreAssistance() throws IOException {
        check("higher-critical-deductible-more-assistance", Map.of(
                "rule.critical.segments", "0-8000:0, 8000-100000:0.60, 100000-300000:0.75, 300000-:0.85",
                "rule.assistance-tekun-dibao.segments", "0-:0.85"));
    }

    @Test
    void noOverride() throws IOException {
        check("no-override", Map.of());
    }

    /** Cancelled half-way, neither policy's replay goes on: no task of theirs runs after the run returns. */
    @Test
    void cancelledHalfWayBothPoliciesStop() throws Exception {
        DraftPolicy draft = DraftPolicy.read(ShippedPolicies.config(Map.of()), "370323", 2020, Map.of());
        int[] lastReported = new int[1];
        java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger startedAfter = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor watched = task -> sides.execute(() -> {
            if (returned.get()) {
                startedAfter.incrementAndGet();
            }
            task.run();
        });
        assertThrows(Replay.Cancelled.class, () -> new Replay(new SettlementCalculator(), watched).run(
                ShippedPolicies.yiyuan2020(), draft.policy(), bills, targets, (done, total) -> {
                    lastReported[0] = done;
                    return done < total / 2;
                }));
        returned.set(true);
        assertTrue(lastReported[0] >= bills.size() / 2 && lastReported[0] < bills.size(), "stopped half-way");
        sides.submit(() -> { }).get(); // anything submitted before this has started by now
        assertEquals(0, startedAfter.get());
    }

    /**
     * The application stopping shuts the replays' pool down ({@code SimulationRunner}): a run in progress ends (its
     * parts already queued still replay; a part handed over afterwards is refused) instead of waiting for ever.
     */
    @Test
    void aPoolShutDownMidwayDoesNotLeaveTheRunWaiting() {
        DraftPolicy draft = DraftPolicy.read(ShippedPolicies.config(Map.of()), "370323", 2020, Map.of());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            try {
                new Replay(new SettlementCalculator(), pool).run(ShippedPolicies.yiyuan2020(), draft.policy(), bills,
                        targets, (done, total) -> {
                            if (done > 0) {
                                pool.shutdown();
                            }
                            return true;
                        });
            } catch (java.util.concurrent.RejectedExecutionException refused) {
                // a part handed over after the shutdown
            }
        });
        assertTrue(pool.isShutdown());
    }
}
