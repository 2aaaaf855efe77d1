package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.control.RefusedException;
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

    public Replay(SettlementCalculator calculator) {
        this.calculator = calculator;
    }

    /** One person's accumulators and self-pay under both policies. */
    private static final class Person {
        final int index;
        final Map<AccumulatorKey, Accumulator> baseline = new HashMap<>(8);
        final Map<AccumulatorKey, Accumulator> draft = new HashMap<>(8);
        BigDecimal baselineSelfPay = BigDecimal.ZERO;
        BigDecimal draftSelfPay = BigDecimal.ZERO;
        int settlements;

        Person(int index) {
            this.index = index;
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
        Set<Fund> funds = new LinkedHashSet<>(baseline.funds());
        funds.addAll(draft.funds());
        SummaryBuilder baselineSide = new SummaryBuilder(baseline, List.copyOf(funds), targets);
        SummaryBuilder draftSide = new SummaryBuilder(draft, List.copyOf(funds), targets);
        Map<String, Person> persons = new HashMap<>();
        int total = ordered.size();
        for (int i = 0; i < total; i++) {
            if (i % PROGRESS_EVERY == 0 && !progress.proceed(i, total)) {
                throw new Cancelled();
            }
            ReplayBill bill = ordered.get(i);
            Person person = persons.computeIfAbsent(bill.idNumber(), id -> new Person(persons.size()));
            Calculation before = settle(baseline, bill, person.baseline);
            Calculation after = settle(draft, bill, person.draft);
            if (before != null) {
                baselineSide.add(bill, person.index, before);
            } else {
                baselineSide.refused();
            }
            if (after != null) {
                draftSide.add(bill, person.index, after);
            } else {
                draftSide.refused();
            }
            if (before != null && after != null) {
                // compare a person on the bills both policies settled, so a refusal does not look like a saving
                person.baselineSelfPay = person.baselineSelfPay.add(before.selfPay());
                person.draftSelfPay = person.draftSelfPay.add(after.selfPay());
                person.settlements++;
            }
        }
        progress.proceed(total, total);

        int betterOff = 0;
        int worseOff = 0;
        List<SimulationResult.Change> changes = new ArrayList<>();
        for (Map.Entry<String, Person> entry : persons.entrySet()) {
            Person person = entry.getValue();
            int compared = person.draftSelfPay.compareTo(person.baselineSelfPay);
            if (compared == 0) {
                continue;
            }
            if (compared < 0) {
                betterOff++;
            } else {
                worseOff++;
            }
            changes.add(new SimulationResult.Change(entry.getKey(), person.settlements, person.baselineSelfPay,
                    person.draftSelfPay, person.draftSelfPay.subtract(person.baselineSelfPay)));
        }
        changes.sort(Comparator.comparing((SimulationResult.Change change) -> change.change().abs()).reversed()
                .thenComparing(SimulationResult.Change::idNumber));
        List<SimulationResult.Change> largest = changes.stream().limit(LARGEST_CHANGES)
                .map(change -> new SimulationResult.Change(IdNumbers.mask(change.idNumber()), change.settlements(),
                        change.baselineSelfPay(), change.draftSelfPay(), change.change()))
                .toList();

        Summary before = baselineSide.build(0, 0);
        Summary after = draftSide.build(betterOff, worseOff);
        return new SimulationResult(before, after, difference(before, after), largest, !targets.isEmpty());
    }

    private Calculation settle(Policy policy, ReplayBill bill, Map<AccumulatorKey, Accumulator> accumulators) {
        Calculation calculation;
        try {
            calculation = calculator.calculate(policy, bill.person(), bill.bill(), accumulators);
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
