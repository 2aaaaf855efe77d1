package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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
    /** Bills handed to the two policies' replays at a time; progress is reported after each such part. */
    static final int PROGRESS_EVERY = 2_000;
    /**
     * Parts the bills handed over may be ahead of the slower policy's replay: the bills are let go once both policies
     * replayed them, so that a county-year's 300,000 are never all held at once (40,000 at most).
     */
    static final int PARTS_AHEAD = 20;

    /** The bills to replay, in discharge order (a stable sort by discharge date keeps their order within a day). */
    public interface Source {
        /** How many bills there are likely to be: for progress only. */
        int expected();

        /** Hands each bill to {@code bill}, in order, on the calling thread. */
        void each(Consumer<ReplayBill> bill);

        /** Bills already in memory, sorted by discharge date (stably: the given order within a day). */
        static Source of(List<ReplayBill> bills) {
            List<ReplayBill> ordered = new ArrayList<>(bills);
            ordered.sort(Comparator.comparing(bill -> bill.bill().dischargeDate()));
            return new Source() {
                @Override
                public int expected() {
                    return ordered.size();
                }

                @Override
                public void each(Consumer<ReplayBill> bill) {
                    ordered.forEach(bill);
                }
            };
        }
    }

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
    private final Executor sides;

    /** Replays the two policies one after the other, on the calling thread. */
    public Replay(SettlementCalculator calculator) {
        this(calculator, Runnable::run);
    }

    /**
     * @param sides runs the two policies' replays while the calling thread hands the bills over (reading them, for a
     *              {@link Source} that reads): the two are independent (each its own accumulators and sums), each
     *              replays its parts in order, and no task waits for another, so any executor will do that does not
     *              also run the calling thread's own task (the caller waits for the sides); with two threads or more
     *              the two policies replay side by side
     */
    public Replay(SettlementCalculator calculator, Executor sides) {
        this.calculator = calculator;
        this.sides = sides;
    }

    /** In {@link Side#selfPay}: the calculator refused the bill under this policy. */
    private static final long REFUSED = Long.MIN_VALUE;

    /** Consecutive bills handed to both policies' replays; {@code first} is the first one's place in the period. */
    private record Part(int first, ReplayBill[] bills, int[] persons, int size) {
    }

    /** One policy's replay: every person's accumulators, the sums, and each bill's self-pay in fen. */
    private final class Side {
        final Policy policy;
        final SummaryBuilder summary;
        /** By bill, in fen ({@link #REFUSED}: refused): longs, so that 300,000 amounts are not kept as objects. */
        long[] selfPay = new long[PROGRESS_EVERY];
        /** By person: only this side's tasks touch it, one part after the other. */
        @SuppressWarnings("unchecked")
        Map<AccumulatorKey, Accumulator>[] accumulators = new Map[1024];

        Side(Policy policy, List<Fund> funds, List<Target> targets) {
            this.policy = policy;
            this.summary = new SummaryBuilder(policy, funds, targets);
        }

        void replay(Part part) {
            int end = part.first() + part.size();
            if (selfPay.length < end) {
                selfPay = Arrays.copyOf(selfPay, Math.max(end, 2 * selfPay.length));
            }
            for (int j = 0; j < part.size(); j++) {
                ReplayBill bill = part.bills()[j];
                int person = part.persons()[j];
                if (person >= accumulators.length) {
                    accumulators = Arrays.copyOf(accumulators, Math.max(person + 1, 2 * accumulators.length));
                }
                if (accumulators[person] == null) {
                    accumulators[person] = new HashMap<>(8);
                }
                Calculation calculation = settle(policy, bill, accumulators[person]);
                if (calculation == null) {
                    summary.refused();
                    selfPay[part.first() + j] = REFUSED;
                } else {
                    selfPay[part.first() + j] = summary.add(bill, person, calculation);
                }
            }
        }
    }

    /**
     * Hands the bills to both sides in parts, on {@link #sides}: each side's parts are chained, so that they replay
     * in order, one after the other; the calling thread waits only when it is {@link #PARTS_AHEAD} parts ahead, and
     * reports progress as parts are done.
     */
    private final class Feed {
        final Side before;
        final Side after;
        final Progress progress;
        final int expected;
        final AtomicBoolean stopped = new AtomicBoolean();
        final ArrayDeque<Handed> handed = new ArrayDeque<>();
        CompletableFuture<Void> beforeDone = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> afterDone = CompletableFuture.completedFuture(null);
        ReplayBill[] bills = new ReplayBill[PROGRESS_EVERY];
        int[] persons = new int[PROGRESS_EVERY];
        int size;
        /** Bills handed over so far. */
        int count;
        /** By bill: the person's index. */
        int[] personOf = new int[PROGRESS_EVERY];

        Feed(Side before, Side after, Progress progress, int expected) {
            this.before = before;
            this.after = after;
            this.progress = progress;
            this.expected = expected;
        }

        void add(ReplayBill bill, int person) {
            if (count == personOf.length) {
                personOf = Arrays.copyOf(personOf, 2 * personOf.length);
            }
            personOf[count++] = person;
            bills[size] = bill;
            persons[size++] = person;
            if (size == PROGRESS_EVERY) {
                hand();
            }
        }

        private void hand() {
            if (size == 0) {
                return;
            }
            Part part = new Part(count - size, bills, persons, size);
            bills = new ReplayBill[PROGRESS_EVERY];
            persons = new int[PROGRESS_EVERY];
            size = 0;
            beforeDone = beforeDone.thenRunAsync(() -> {
                if (!stopped.get()) {
                    before.replay(part);
                }
            }, sides);
            afterDone = afterDone.thenRunAsync(() -> {
                if (!stopped.get()) {
                    after.replay(part);
                }
            }, sides);
            handed.add(new Handed(count, CompletableFuture.allOf(beforeDone, afterDone)));
            while (handed.size() > PARTS_AHEAD) {
                done(handed.remove());
            }
        }

        /** Waits for a part both sides replayed; reports how far the replay got. */
        private void done(Handed part) {
            await(part.replayed());
            if (!progress.proceed(part.end(), Math.max(expected, count))) {
                throw new Cancelled();
            }
        }

        /** After the last bill: waits for every part. */
        void finish() {
            hand();
            while (!handed.isEmpty()) {
                done(handed.remove());
            }
        }

        /**
         * Stops both sides at their next part and waits until neither runs any more; interrupted (the server
         * stopping), it stops waiting: the parts left see {@link #stopped} and return at once.
         */
        void abandon() {
            stopped.set(true);
            for (CompletableFuture<Void> side : List.of(beforeDone, afterDone)) {
                try {
                    side.get();
                } catch (ExecutionException | CancellationException ignored) {
                    // the failure that made us stop is thrown by the caller
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record Handed(int end, CompletableFuture<Void> replayed) {
    }

    /**
     * @param bills   in discharge order (a stable sort by discharge date keeps the given order within a day)
     * @param targets the county-year's targets as the reports read them ({@code TargetCatalog}); empty: none
     * @throws Cancelled when {@code progress} says stop
     */
    public SimulationResult run(Policy baseline, Policy draft, List<ReplayBill> bills, List<Target> targets,
                                Progress progress) {
        return run(baseline, draft, Source.of(bills), targets, progress);
    }

    /**
     * @param bills   handed over in discharge order, e.g. as they are read: each is let go once both policies replayed
     *                it
     * @param targets the county-year's targets as the reports read them ({@code TargetCatalog}); empty: none
     * @throws Cancelled when {@code progress} says stop
     */
    public SimulationResult run(Policy baseline, Policy draft, Source bills, List<Target> targets,
                                Progress progress) {
        int expected = bills.expected();
        int[] reported = new int[2];
        Progress reporting = (done, all) -> {
            reported[0] = done;
            reported[1] = all;
            return progress.proceed(done, all);
        };
        if (!reporting.proceed(0, expected)) {
            throw new Cancelled();
        }
        Set<Fund> funds = new LinkedHashSet<>(baseline.funds());
        funds.addAll(draft.funds());
        Side before = new Side(baseline, List.copyOf(funds), targets);
        Side after = new Side(draft, List.copyOf(funds), targets);
        // each person once: an index, so that neither side hashes an ID number per bill
        Map<String, Integer> index = new HashMap<>();
        List<String> idNumbers = new ArrayList<>();
        Feed feed = new Feed(before, after, reporting, expected);
        try {
            bills.each(bill -> feed.add(bill, index.computeIfAbsent(bill.idNumber(), id -> {
                idNumbers.add(id);
                return idNumbers.size() - 1;
            })));
            feed.finish();
        } catch (RuntimeException | Error failed) {
            feed.abandon();
            throw failed;
        }
        int total = feed.count;
        int[] personOf = feed.personOf;
        int persons = idNumbers.size();
        if (reported[0] != total || reported[1] != total) {
            // fewer bills than expected (reversed meanwhile): the end is the end
            progress.proceed(total, total);
        }

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

    private static void await(CompletableFuture<Void> side) {
        try {
            side.get();
        } catch (ExecutionException failed) {
            // a side's own failure, as if it had happened here
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            // the server is stopping this run: stop (the caller abandons the sides)
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The simulation was interrupted", interrupted);
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
