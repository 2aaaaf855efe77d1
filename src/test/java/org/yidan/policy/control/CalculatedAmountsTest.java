package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.CalculatorBenchmark;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.FundLine;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Step;

/**
 * {@link SettlementCalculator#calculateAmounts} (the what-if's) gives what {@link SettlementCalculator#calculate}
 * gives but the explanations, each empty: amounts, outcomes, cap marks, lines, deltas and refusals, bill after bill
 * of the calculator benchmark's synthetic county against accumulators that grow, under each shipped policy (the
 * bills moved to its year).
 */
class CalculatedAmountsTest {

    private static final int BILLS = 15_000;

    private final SettlementCalculator calculator = new SettlementCalculator();

    @Test
    void theSameCalculationWithoutItsExplanations() {
        CalculatorBenchmark.County county = CalculatorBenchmark.syntheticCounty();
        for (Policy policy : ShippedPolicies.all()) {
            Map<Integer, Map<AccumulatorKey, Accumulator>> accumulators = new HashMap<>();
            int settled = 0;
            int refused = 0;
            for (int i = 0; i < BILLS; i++) {
                Bill bill = inYear(county.bills()[i], policy.year());
                int person = county.billPerson()[i];
                Map<AccumulatorKey, Accumulator> held = accumulators.computeIfAbsent(person, p -> new HashMap<>());
                Calculation explained;
                try {
                    explained = calculator.calculate(policy, county.persons()[person], bill, held);
                } catch (RefusedException refusal) {
                    RefusedException same = org.junit.jupiter.api.Assertions.assertThrows(RefusedException.class,
                            () -> calculator.calculateAmounts(policy, county.persons()[person], bill, held));
                    assertEquals(refusal.code(), same.code());
                    assertEquals(refusal.getMessage(), same.getMessage());
                    refused++;
                    continue;
                }
                Calculation amounts = calculator.calculateAmounts(policy, county.persons()[person], bill, held);
                assertTrue(amounts.steps().stream().allMatch(step -> step.explanation().isEmpty()), policy.id());
                assertEquals(withoutExplanations(explained), amounts, policy.id() + " bill " + i);
                for (AccumulatorDelta delta : explained.accumulatorDeltas()) {
                    held.put(delta.key(), held.getOrDefault(delta.key(), Accumulator.ZERO).plus(delta));
                }
                settled++;
            }
            assertTrue(settled > BILLS / 2, policy.id() + " settled " + settled + ", refused " + refused);
        }
    }

    private static Bill inYear(Bill bill, int year) {
        return new Bill(bill.visitType(), bill.hospital(), bill.admissionDate().withYear(year),
                bill.dischargeDate().withYear(year), bill.totalAmount(), bill.policyScopeAmount(),
                bill.specialDrugAmount(), bill.items(), bill.externalPayments());
    }

    private static Calculation withoutExplanations(Calculation calculation) {
        List<FundLine> lines = new ArrayList<>();
        for (FundLine line : calculation.lines()) {
            lines.add(new FundLine(line.fund(), line.amount(), line.steps().stream()
                    .map(CalculatedAmountsTest::withoutExplanation).toList()));
        }
        return new Calculation(calculation.policyId(), calculation.policyFingerprint(), calculation.totalAmount(),
                lines, calculation.steps().stream().map(CalculatedAmountsTest::withoutExplanation).toList(),
                calculation.fundTotal(), calculation.selfPay(), calculation.accumulatorDeltas());
    }

    private static Step withoutExplanation(Step step) {
        return new Step(step.ruleId(), step.fund(), step.base(), step.amount(), "", step.outcome(), step.capBound());
    }
}
