package org.yidan.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.yidan.policy.control.SettlementCalculator;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.FundLine;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Step;
import org.yidan.policy.entity.StepOutcome;
import org.yidan.policy.entity.VisitType;

/**
 * One row of a hand-computed settlement table. Columns (blank = none):
 * case | visit type | hospital level | categories | approved diseases | accumulators before
 * ({@code rule:x=base/paid ...}) | total | scope | special drugs | items ({@code CATEGORY=amount ...}) |
 * external ({@code FUND=amount ...}) | expected lines in fund order | expected self-pay |
 * expected deltas ({@code key=base/paid ...}, sorted) | expected flags ({@code rule:CAP|EXCLUDED|NOT_ELIGIBLE ...}).
 */
public final class Tables {

    private static final SettlementCalculator CALCULATOR = new SettlementCalculator();

    private Tables() {
    }

    public static Calculation check(Policy policy, LocalDate discharge, String visit, String level,
                                    String categories, String diseases, String before, String total, String scope,
                                    String drug, String items, String external, String lines, String selfPay,
                                    String deltas, String flags) {
        Bill bill = Bills.of(VisitType.valueOf(visit)).at(HospitalLevel.valueOf(level)).discharged(discharge)
                .total(total).scope(scope).drug(blank(drug) ? "0" : drug).items(items).externals(external).build();
        PersonSnapshot person = PersonSnapshot.of(categories(categories), words(diseases));
        Calculation calculation = CALCULATOR.calculate(policy, person, bill, accumulators(before));

        assertEquals(blank(lines) ? List.of() : Arrays.asList(lines.trim().split("\\s+")),
                calculation.lines().stream().map(line -> line.amount().toPlainString()).toList(),
                "lines " + calculation.lines().stream().map(FundLine::fund).toList());
        assertEquals(new BigDecimal(selfPay), calculation.selfPay(), "self-pay");
        assertEquals(blank(deltas) ? "" : deltas.trim().replaceAll("\\s+", " "), describe(calculation.accumulatorDeltas()),
                "accumulator deltas");
        for (Map.Entry<String, String> flag : pairs(flags, ":").entrySet()) {
            Step step = calculation.step(flag.getKey());
            switch (flag.getValue()) {
                case "CAP" -> assertTrue(step.capBound(), flag.getKey() + " should be bound by its cap: " + step);
                case "EXCLUDED" -> assertEquals(StepOutcome.EXCLUDED_BY_GROUP, step.outcome(), step.toString());
                case "NOT_ELIGIBLE" -> assertEquals(StepOutcome.NOT_ELIGIBLE, step.outcome(), step.toString());
                default -> fail("unknown flag " + flag);
            }
        }
        assertBalanced(calculation);
        return calculation;
    }

    /** Lines + self-pay = total; lines are the sums of their steps; no step above its base or negative. */
    public static void assertBalanced(Calculation calculation) {
        BigDecimal lines = BigDecimal.ZERO;
        for (FundLine line : calculation.lines()) {
            BigDecimal steps = line.steps().stream().map(Step::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, steps.compareTo(line.amount()), "line " + line.fund() + " is the sum of its steps");
            assertTrue(line.amount().signum() >= 0, "no negative line: " + line);
            assertEquals(2, line.amount().scale(), "scale 2: " + line);
            lines = lines.add(line.amount());
        }
        for (Step step : calculation.steps()) {
            assertTrue(step.amount().signum() >= 0 && step.amount().compareTo(step.base()) <= 0,
                    "0 <= amount <= base: " + step);
        }
        assertEquals(0, lines.compareTo(calculation.fundTotal()), "fund total");
        assertEquals(0, lines.add(calculation.selfPay()).compareTo(calculation.totalAmount()),
                "lines + self-pay = total");
        assertTrue(calculation.selfPay().signum() >= 0, "self-pay not negative");
    }

    public static String describe(List<AccumulatorDelta> deltas) {
        return deltas.stream().map(delta -> delta.key() + "=" + delta.baseDelta().toPlainString() + "/"
                + delta.paidDelta().toPlainString()).collect(Collectors.joining(" "));
    }

    /** {@code rule:critical=95000/61750 cap:critical-cap=0/100}. */
    public static Map<AccumulatorKey, Accumulator> accumulators(String spec) {
        Map<AccumulatorKey, Accumulator> accumulators = new HashMap<>();
        for (Map.Entry<String, String> entry : pairs(spec).entrySet()) {
            String[] values = entry.getValue().split("/");
            accumulators.put(AccumulatorKey.parse(entry.getKey()),
                    new Accumulator(new BigDecimal(values[0]), new BigDecimal(values[1])));
        }
        return accumulators;
    }

    /** Adds each delta to the accumulators (a settlement) or, with {@code sign = -1}, takes it back (a reversal). */
    public static void apply(Map<AccumulatorKey, Accumulator> accumulators, List<AccumulatorDelta> deltas, int sign) {
        for (AccumulatorDelta delta : deltas) {
            AccumulatorDelta signed = sign < 0 ? delta.negate() : delta;
            accumulators.merge(delta.key(), Accumulator.ZERO.plus(signed), (old, added) -> old.plus(signed));
        }
    }

    public static Set<PersonCategory> categories(String spec) {
        Set<PersonCategory> categories = EnumSet.noneOf(PersonCategory.class);
        words(spec).forEach(word -> categories.add(PersonCategory.valueOf(word)));
        return categories;
    }

    public static Set<String> words(String spec) {
        return blank(spec) ? Set.of() : new TreeSet<>(Arrays.asList(spec.trim().split("\\s+")));
    }

    public static Map<String, String> pairs(String spec) {
        return pairs(spec, "=");
    }

    static Map<String, String> pairs(String spec, String separator) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (blank(spec)) {
            return pairs;
        }
        List<String> malformed = new ArrayList<>();
        for (String word : spec.trim().split("\\s+")) {
            int at = word.lastIndexOf(separator);
            if (at <= 0) {
                malformed.add(word);
            } else {
                pairs.put(word.substring(0, at), word.substring(at + 1));
            }
        }
        if (!malformed.isEmpty()) {
            throw new IllegalArgumentException("not key" + separator + "value: " + malformed);
        }
        return pairs;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
