package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.control.Money;
import org.yidan.policy.control.SettlementCalculator;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Policy;
import org.yidan.reports.control.Target;

/**
 * The what-if engine (测算): replays bills in discharge order, each person starting the period with empty
 * accumulators, under the current policy and under a draft, through the settlement's own
 * {@link SettlementCalculator} (no second implementation of the rules), and adds up both sides. Pure: it reads and
 * writes nothing but its arguments.
 */
public final class Replay {

    /** How many persons' changes the result lists. */
    public static final int LARGEST_CHANGES = 20;
    /** Progress is reported after every this many bills (and at the end). */
    static final int PROGRESS_EVERY = 2_000;

    /** Told how far the replay got; answering {@code false} stops it ({@link Cancelled}). */
    @FunctionalInterface
    public interface Progress {
        boolean proceed(int done, int total);
    }

    /** The replay was stopped through {@link Progress}. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("The simulation was cancelled");
        }
    }

    private final SettlementCalculator calculator;
    private final Executor secondThread;

    /** Replays the two policies one after the other, on the calling thread. */
    public Replay(SettlementCalculator calculator) {
        this(calculator, Runnable::run);
    }

    /**
     * @param secondThread runs the current policy's replay while the calling thread replays the draft: the two are
     *                     independent (each its own accumulators and sums), so a second core halves the wall time
     */
    public Replay(SettlementCalculator calculator, Executor secondThread) {
        this.calculator = calculator;
        this.secondThread = secondThread;
    }

    /** In {@link Side#selfPay}: the calculator refused the bill under this policy. */
    private static final long REFUSED = Long.MIN_VALUE;

    /** One policy's replay: every person's accumulators, the sums, and each bill's self-pay in fen. */
    private final class Side {
        final Policy policy;
        final SummaryBuilder summary;
        /** By bill, in fen ({@link #REFUSED}: refused): longs, so that 300,000 amounts are not kept as objects. */
        final long[] selfPay;

        Side(Policy policy, List<Fund> funds, List<Target> targets, int bills) {
            this.policy = policy;
            this.summary = new SummaryBuilder(policy, funds, targets);
            this.selfPay = new long[bills];
        }

        /** @return false when stopped through {@code go} */
        boolean replay(List<ReplayBill> ordered, int[] personOf, int persons, java.util.function.IntPredicate go) {
            @SuppressWarnings("unchecked")
            Map<AccumulatorKey, Accumulator>[] accumulators = new Map[persons];
            for (int i = 0; i < ordered.size(); i++) {
                if (i % PROGRESS_EVERY == 0 && !go.test(i)) {
                    return false;
                }
                ReplayBill bill = ordered.get(i);
                int person = personOf[i];
                if (accumulators[person] == null) {
                    accumulators[person] = new HashMap<>(8);
                }
                Calculation calculation = settle(policy, bill, accumulators[person]);
                if (calculation == null) {
                    summary.refused();
                    selfPay[i] = REFUSED;
                } else {
                    selfPay[i] = summary.add(bill, person, calculation);
                }
            }
            return true;
        }
    }

    /**
     * @param bills    in discharge order (a stable sort by discharge date keeps the given order within a day)
     * @param targets  the county-year's targets as the reports read them ({@code TargetCatalog}); empty: none
     * @throws Cancelled when {@code progress} says stop
     */
    public SimulationResult run(Policy baseline, Policy draft, List<ReplayBill> bills, List<Target> targets,
                                Progress progress) {
        List<ReplayBill> ordered = new ArrayList<>(bills);
        ordered.sort(Comparator.comparing(bill -> bill.bill().dischargeDate()));
        int total = ordered.size();
        // each person once: an index, so that neither side hashes an ID number per bill
        Map<String, Integer> index = new HashMap<>();
        List<String> idNumbers = new ArrayList<>();
        int[] personOf = new int[total];
        for (int i = 0; i < total; i++) {
            personOf[i] = index.computeIfAbsent(ordered.get(i).idNumber(), id -> {
                idNumbers.add(id);
                return idNumbers.size() - 1;
            });
        }
        int persons = idNumbers.size();
        Set<Fund> funds = new LinkedHashSet<>(baseline.funds());
        funds.addAll(draft.funds());
        Side before = new Side(baseline, List.copyOf(funds), targets, total);
        Side after = new Side(draft, List.copyOf(funds), targets, total);

        // the draft on this thread, which reports progress (and hears a cancellation); the current policy beside it
        AtomicBoolean stopped = new AtomicBoolean();
        CompletableFuture<Boolean> baselineDone = CompletableFuture.supplyAsync(
                () -> before.replay(ordered, personOf, persons, i -> !stopped.get()), secondThread);
        boolean finished;
        try {
            finished = after.replay(ordered, personOf, persons, i -> progress.proceed(i, total));
        } catch (RuntimeException failed) {
            stopped.set(true);
            throw failed;
        }
        if (!finished) {
            stopped.set(true);
            await(baselineDone);
            throw new Cancelled();
        }
        await(baselineDone);
        progress.proceed(total, total);

        // compare a person on the bills both policies settled, so that a refusal does not look like a saving
        long[] baselineSelfPay = new long[persons];
        long[] draftSelfPay = new long[persons];
        int[] settlements = new int[persons];
        for (int i = 0; i < total; i++) {
            if (before.selfPay[i] != REFUSED && after.selfPay[i] != REFUSED) {
                int person = personOf[i];
                baselineSelfPay[person] += before.selfPay[i];
                draftSelfPay[person] += after.selfPay[i];
                settlements[person]++;
            }
        }
        int betterOff = 0;
        int worseOff = 0;
        // the largest changes, by size (then ID number), chosen as they come: the others are only counted
        int[] largest = new int[LARGEST_CHANGES + 1];
        int kept = 0;
        for (int person = 0; person < persons; person++) {
            if (settlements[person] == 0 || draftSelfPay[person] == baselineSelfPay[person]) {
                continue;
            }
            if (draftSelfPay[person] < baselineSelfPay[person]) {
                betterOff++;
            } else {
                worseOff++;
            }
            int at = kept;
            while (at > 0 && larger(person, largest[at - 1], baselineSelfPay, draftSelfPay, idNumbers)) {
                largest[at] = largest[at - 1];
                at--;
            }
            if (at < LARGEST_CHANGES) {
                largest[at] = person;
                kept = Math.min(kept + 1, LARGEST_CHANGES);
            }
        }
        List<SimulationResult.Change> changes = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            int person = largest[i];
            changes.add(new SimulationResult.Change(IdNumbers.mask(idNumbers.get(person)), settlements[person],
                    Money.ofFen(baselineSelfPay[person]), Money.ofFen(draftSelfPay[person]),
                    Money.ofFen(draftSelfPay[person] - baselineSelfPay[person])));
        }

        Summary baselineSummary = before.summary.build(0, 0);
        Summary draftSummary = after.summary.build(betterOff, worseOff);
        return new SimulationResult(baselineSummary, draftSummary, difference(baselineSummary, draftSummary), changes,
                !targets.isEmpty());
    }

    /** Whether person {@code a}'s change is listed before {@code b}'s: larger in size, or as large and a lower ID. */
    private static boolean larger(int a, int b, long[] baseline, long[] draft, List<String> idNumbers) {
        long sizeA = Math.abs(draft[a] - baseline[a]);
        long sizeB = Math.abs(draft[b] - baseline[b]);
        return sizeA != sizeB ? sizeA > sizeB : idNumbers.get(a).compareTo(idNumbers.get(b)) < 0;
    }

    private static void await(CompletableFuture<Boolean> side) {
        try {
            side.join();
        } catch (CompletionException failed) {
            // the other thread's own failure, as if it had happened here
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private Calculation settle(Policy policy, ReplayBill bill, Map<AccumulatorKey, Accumulator> accumulators) {
        Calculation calculation;
        try {
            // the amounts alone: the what-if shows no step's explanation
            calculation = calculator.calculateAmounts(policy, bill.person(), bill.bill(), accumulators);
        } catch (RefusedException refused) {
            return null;
        }
        for (AccumulatorDelta delta : calculation.accumulatorDeltas()) {
            Accumulator value = accumulators.get(delta.key());
            accumulators.put(delta.key(), (value == null ? Accumulator.ZERO : value).plus(delta));
        }
        return calculation;
    }

    static SimulationResult.Difference difference(Summary before, Summary after) {
        Map<String, BigDecimal> funds = new java.util.LinkedHashMap<>();
        before.funds().forEach((fund, amount) -> funds.put(fund, after.funds().getOrDefault(fund, BigDecimal.ZERO)
                .subtract(amount)));
        return new SimulationResult.Difference(after.settlements() - before.settlements(),
                java.util.Collections.unmodifiableMap(funds), after.fundTotal().subtract(before.fundTotal()),
                after.selfPay().subtract(before.selfPay()), after.actualRatio().subtract(before.actualRatio()),
                after.scopeRatio().subtract(before.scopeRatio()), after.betterOff(), after.worseOff());
    }
}
