package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yidan.policy.Bills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.Tables;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.RuleKind;
import org.yidan.policy.entity.Segment;
import org.yidan.policy.entity.Step;
import org.yidan.policy.entity.StepOutcome;
import org.yidan.policy.entity.VisitType;

/** Properties that hold for every bill and every year of bills, over bills generated from a fixed seed. */
class CalculatorInvariantsTest {

    private static final long SEED = 20_201_122L;
    private static final int PERSONS = 150;
    private static final int BILLS_PER_PERSON = 12;
    private static final List<String> DISEASES = List.of("HYPERTENSION", "DIABETES", "SEVERE_MENTAL_DISORDER",
            "ARTHRITIS");
    private static final BigDecimal FEN = new BigDecimal("0.01");

    private final SettlementCalculator calculator = new SettlementCalculator();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"370323/2020", "620422/2018", "371371/2017"})
    void yearsOfBillsBalanceStayWithinCapsAndReverseExactly(String policyId) {
        Policy policy = ShippedPolicies.all().stream().filter(p -> p.id().equals(policyId)).findFirst().orElseThrow();
        Random random = new Random(SEED + policyId.hashCode());
        int settled = 0;
        for (int person = 0; person < PERSONS; person++) {
            PersonSnapshot snapshot = randomPerson(random);
            Map<AccumulatorKey, Accumulator> accumulators = new HashMap<>();
            List<Calculation> year = new ArrayList<>();
            Map<String, BigDecimal> paidByRule = new HashMap<>();
            for (int i = 0; i < BILLS_PER_PERSON; i++) {
                Bill bill = randomBill(random, policy, snapshot, accumulators);
                Calculation calculation = calculator.calculate(policy, snapshot, bill, Map.copyOf(accumulators));
                Tables.assertBalanced(calculation);
                assertEquals(policy.funds().size(), calculation.lines().size(), "one line per fund");
                Set<AccumulatorKey> lockable = new TreeSet<>(policy.accumulatorKeysFor(bill));
                for (AccumulatorDelta delta : calculation.accumulatorDeltas()) {
                    assertTrue(lockable.contains(delta.key()), delta.key() + " was not locked");
                }
                for (Step step : calculation.steps()) {
                    paidByRule.merge(step.ruleId(), step.amount(), BigDecimal::add);
                    if (step.outcome() != StepOutcome.APPLIED) {
                        assertEquals(0, step.amount().signum(), step.toString());
                    }
                }
                Tables.apply(accumulators, calculation.accumulatorDeltas(), 1);
                year.add(calculation);
                settled++;
                assertWithinCaps(policy, accumulators);
            }
            assertUncappedRulesPayTheirAnnualFormula(policy, accumulators, paidByRule, year.size());

            // Reverse a random half: what is left is exactly the sum of the settlements kept.
            Map<AccumulatorKey, Accumulator> kept = new HashMap<>();
            for (Calculation calculation : year) {
                if (random.nextBoolean()) {
                    Tables.apply(accumulators, calculation.accumulatorDeltas(), -1);
                } else {
                    Tables.apply(kept, calculation.accumulatorDeltas(), 1);
                }
            }
            for (Map.Entry<AccumulatorKey, Accumulator> entry : accumulators.entrySet()) {
                Accumulator expected = kept.getOrDefault(entry.getKey(), Accumulator.ZERO);
                assertEquals(0, expected.base().compareTo(entry.getValue().base()), entry.toString());
                assertEquals(0, expected.paid().compareTo(entry.getValue().paid()), entry.toString());
            }
        }
        assertEquals(PERSONS * BILLS_PER_PERSON, settled);
    }

    @Test
    void splittingABillDoesNotChangeWhatAnUncappedRulePaysToWithinAFenPerBill() {
        Policy policy = ShippedPolicies.yiyuan2020();
        PersonSnapshot person = PersonSnapshot.of(EnumSet.of(PersonCategory.REGISTERED_POOR), Set.of());
        Random random = new Random(SEED);
        for (int trial = 0; trial < 200; trial++) {
            long scopeFen = random.nextLong(50_000_000L);
            int parts = 1 + random.nextInt(8);
            BigDecimal whole = criticalPaid(policy, person, List.of(scopeFen));
            List<Long> split = new ArrayList<>();
            long left = scopeFen;
            for (int i = 1; i < parts; i++) {
                long part = left == 0 ? 0 : random.nextLong(left + 1);
                split.add(part);
                left -= part;
            }
            split.add(left);
            BigDecimal inParts = criticalPaid(policy, person, split);
            assertTrue(whole.subtract(inParts).abs().compareTo(FEN.multiply(BigDecimal.valueOf(parts))) <= 0,
                    "whole " + whole + " vs " + split + " → " + inParts);
        }
    }

    private BigDecimal criticalPaid(Policy policy, PersonSnapshot person, List<Long> scopesInFen) {
        Map<AccumulatorKey, Accumulator> accumulators = new HashMap<>();
        BigDecimal paid = BigDecimal.ZERO;
        for (long scopeFen : scopesInFen) {
            BigDecimal scope = BigDecimal.valueOf(scopeFen, 2);
            Bill bill = Bills.of(VisitType.OUTPATIENT_CHRONIC).discharged("2020-06-15").total(scope.toPlainString())
                    .scope(scope.toPlainString()).build();
            Calculation calculation = calculator.calculate(policy, person, bill, Map.copyOf(accumulators));
            paid = paid.add(calculation.step("critical").amount());
            Tables.apply(accumulators, calculation.accumulatorDeltas(), 1);
        }
        return paid;
    }

    /** Σ payments of the year = f(annual base), to within a fen per bill, for every TIERED rule without a cap. */
    private static void assertUncappedRulesPayTheirAnnualFormula(Policy policy,
                                                                 Map<AccumulatorKey, Accumulator> accumulators,
                                                                 Map<String, BigDecimal> paidByRule, int bills) {
        for (Rule rule : policy.rules()) {
            if (rule.kind() != RuleKind.TIERED || rule.cap() != null) {
                continue;
            }
            BigDecimal annualBase = accumulators.getOrDefault(rule.accumulatorKey(), Accumulator.ZERO).base();
            BigDecimal expected = annual(rule.segments(), annualBase);
            BigDecimal paid = paidByRule.getOrDefault(rule.id(), BigDecimal.ZERO);
            assertTrue(expected.subtract(paid).abs().compareTo(FEN.multiply(BigDecimal.valueOf(bills))) <= 0,
                    rule.id() + ": paid " + paid + " over the year, f(" + annualBase + ") = " + expected);
        }
    }

    /** The annual formula, computed independently: Σ ratio × |[lo, hi) ∩ [0, base)|. */
    private static BigDecimal annual(List<Segment> segments, BigDecimal base) {
        BigDecimal total = BigDecimal.ZERO;
        for (Segment segment : segments) {
            BigDecimal hi = segment.hi() == null ? base : segment.hi().min(base);
            if (hi.compareTo(segment.lo()) > 0) {
                total = total.add(hi.subtract(segment.lo()).multiply(segment.ratio()));
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static void assertWithinCaps(Policy policy, Map<AccumulatorKey, Accumulator> accumulators) {
        for (Map.Entry<AccumulatorKey, Accumulator> entry : accumulators.entrySet()) {
            assertTrue(entry.getValue().paid().signum() >= 0 && entry.getValue().base().signum() >= 0,
                    entry.toString());
            policy.capOf(entry.getKey()).ifPresent(cap -> assertTrue(entry.getValue().paid().compareTo(cap) <= 0,
                    entry + " exceeds its cap " + cap));
        }
        // A rule's own paid amount never exceeds the cap it counts against either.
        for (Rule rule : policy.rules()) {
            if (rule.cap() != null) {
                BigDecimal paid = accumulators.getOrDefault(rule.accumulatorKey(), Accumulator.ZERO).paid();
                assertTrue(paid.compareTo(rule.cap()) <= 0, rule.id() + " paid " + paid);
            }
        }
    }

    private static PersonSnapshot randomPerson(Random random) {
        PersonCategory[] all = PersonCategory.values();
        EnumSet<PersonCategory> categories = EnumSet.of(all[random.nextInt(all.length)]);
        if (random.nextInt(4) == 0) {
            categories.add(all[random.nextInt(all.length)]);
        }
        Set<String> diseases = new TreeSet<>();
        if (random.nextBoolean()) {
            diseases.add(DISEASES.get(random.nextInt(DISEASES.size())));
        }
        return PersonSnapshot.of(categories, diseases);
    }

    /**
     * A valid bill: amounts up to a few hundred thousand yuan, skewed to small ones; external amounts chosen
     * within what is left of their base, rule by rule, since a rule's base does not depend on later rules.
     */
    private Bill randomBill(Random random, Policy policy, PersonSnapshot person,
                            Map<AccumulatorKey, Accumulator> accumulators) {
        VisitType visitType = VisitType.values()[random.nextInt(VisitType.values().length)];
        HospitalLevel level = HospitalLevel.values()[random.nextInt(HospitalLevel.values().length)];
        LocalDate discharge = LocalDate.of(policy.year(), 1, 1).plusDays(random.nextInt(365));
        long scope = amount(random);
        long drug = random.nextInt(5) == 0 ? amount(random) : 0;
        long total = scope + drug + (random.nextBoolean() ? amount(random) / 4 : 0);
        Bills bills = Bills.of(visitType).at(level).discharged(discharge).total(yuan(total)).scope(yuan(scope))
                .drug(yuan(drug));
        long itemsLeft = scope;
        for (ItemCategory category : ItemCategory.values()) {
            if (itemsLeft > 0 && random.nextInt(3) == 0) {
                long item = random.nextLong(itemsLeft + 1);
                bills.item(category, yuan(item));
                itemsLeft -= item;
            }
        }
        Map<Fund, BigDecimal> external = new HashMap<>();
        for (Rule rule : policy.rules()) {
            if (rule.kind() != RuleKind.EXTERNAL || random.nextInt(4) == 0) {
                continue;
            }
            Bill sofar = withExternal(bills, external);
            Step step = calculator.calculate(policy, person, sofar, Map.copyOf(accumulators)).step(rule.id());
            if (step.outcome() == StepOutcome.APPLIED) {
                long baseFen = step.base().movePointRight(2).longValueExact();
                external.put(rule.fund(), BigDecimal.valueOf(random.nextLong(baseFen + 1), 2));
            }
        }
        return withExternal(bills, external);
    }

    private static Bill withExternal(Bills bills, Map<Fund, BigDecimal> external) {
        external.forEach((fund, amount) -> bills.external(fund, amount.toPlainString()));
        return bills.build();
    }

    /** In fen, below 10^k fen for a random k of 2..8 (up to a million yuan): most bills are small. */
    private static long amount(Random random) {
        long magnitude = 1;
        for (int k = 2 + random.nextInt(7); k > 0; k--) {
            magnitude *= 10;
        }
        return random.nextLong(magnitude);
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
