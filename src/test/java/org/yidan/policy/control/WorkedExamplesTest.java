package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yidan.policy.Bills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.Tables;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.FundLine;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.VisitType;

/** The worked examples of policy.md (沂源 2020, a DIBAO inpatient at a county hospital) and reversal. */
class WorkedExamplesTest {

    private final SettlementCalculator calculator = new SettlementCalculator();
    private final Policy policy = ShippedPolicies.yiyuan2020();
    private final PersonSnapshot dibao = PersonSnapshot.of(EnumSet.of(PersonCategory.DIBAO), Set.of());
    private final Map<AccumulatorKey, Accumulator> accumulators = new HashMap<>();

    private static final Bill FIRST = Bills.of(VisitType.INPATIENT).discharged("2020-05-10")
            .total("60000.00").scope("50000.00").external(Fund.BASIC, "30000.00").build();
    private static final Bill SECOND = Bills.of(VisitType.INPATIENT).discharged("2020-09-10")
            .total("20000.00").scope("18000.00").external(Fund.BASIC, "9000.00").build();

    @Test
    void firstSettlement() {
        Calculation first = settle(FIRST);

        assertLines(first, "30000.00", "9750.00", "8200.00", "0.00", "0.00", "0.00");
        assertEquals(new BigDecimal("47950.00"), first.fundTotal());
        assertEquals(new BigDecimal("12050.00"), first.selfPay());
        assertEquals(new BigDecimal("20000.00"), first.step("critical").base());
        assertEquals(new BigDecimal("10250.00"), first.step("assistance-tekun-dibao").base());
        assertEquals(new BigDecimal("2050.00"), first.step("re-assistance").base());
        assertEquals("rule:assistance-tekun-dibao=10250.00/8200.00 rule:critical=20000.00/9750.00 "
                + "rule:re-assistance=2050.00/0.00", Tables.describe(first.accumulatorDeltas()));
        assertEquals(policy.fingerprint(), first.policyFingerprint());
        assertEquals("370323/2020", first.policyId());
    }

    @Test
    void secondSettlementContinuesTheYear() {
        settle(FIRST);
        Calculation second = settle(SECOND);

        assertLines(second, "9000.00", "5850.00", "2520.00", "0.00", "0.00", "0.00");
        assertEquals(new BigDecimal("2630.00"), second.selfPay());
        assertEquals("大病保险：本年累计合规自付 29,000.00 元（起付线 5,000.00 元），5,000–100,000 元段按 65%，"
                + "本次 9,000.00 × 65% = 5,850.00 元", second.step("critical").explanation());
        assertEquals("医疗救助：本年累计合规自付 13,400.00 元，全部按 80%，本次 3,150.00 × 80% = 2,520.00 元；"
                + "年度封顶 20,000.00 元，本次前尚余 11,800.00 元", second.step("assistance-tekun-dibao").explanation());
        assertEquals(new AccumulatorKey("rule:re-assistance"), second.accumulatorDeltas().get(2).key());
        assertEquals(new BigDecimal("630.00"), second.accumulatorDeltas().get(2).baseDelta());
        assertEquals(new Accumulator(new BigDecimal("2680.00"), new BigDecimal("0.00")),
                accumulators.get(AccumulatorKey.rule("re-assistance")));
    }

    @Test
    void reversalRestoresTheAccumulatorsAndTheNextBillIsComputedAsIfNothingHappened() {
        Calculation first = settle(FIRST);
        Tables.apply(accumulators, first.accumulatorDeltas(), -1);

        for (Accumulator accumulator : accumulators.values()) {
            assertEquals(0, accumulator.base().signum(), "base restored: " + accumulators);
            assertEquals(0, accumulator.paid().signum(), "paid restored: " + accumulators);
        }
        // The second bill alone: critical 4000 x 65% = 2600 (its deductible again), assistance 6400 x 80% = 5120.
        Calculation third = settle(SECOND);
        assertLines(third, "9000.00", "2600.00", "5120.00", "0.00", "0.00", "0.00");
        assertEquals(new BigDecimal("3280.00"), third.selfPay());
    }

    @Test
    void reversingTheFirstOfTwoSettlementsLeavesExactlyTheSecond() {
        Calculation first = settle(FIRST);
        Calculation second = settle(SECOND);
        Tables.apply(accumulators, first.accumulatorDeltas(), -1);

        Map<AccumulatorKey, Accumulator> onlySecond = new HashMap<>();
        Tables.apply(onlySecond, second.accumulatorDeltas(), 1);
        assertEquals(onlySecond, accumulators);

        // Critical from 9000: 20000 x 65% = 13000; assistance 7000 x 80% = 5600 (17480 of the cap left);
        // re-assistance 630 + 1400 stays below 5000.
        Calculation third = settle(FIRST);
        assertLines(third, "30000.00", "13000.00", "5600.00", "0.00", "0.00", "0.00");
        assertEquals(new BigDecimal("11400.00"), third.selfPay());
    }

    @Test
    void locksTheAccumulatorsAnInpatientBillMayMoveInSortedOrder() {
        assertEquals(List.of("rule:assistance-illness-poverty", "rule:assistance-low-income",
                        "rule:assistance-tekun-dibao", "rule:critical", "rule:critical-special-drug",
                        "rule:re-assistance"),
                policy.accumulatorKeysFor(FIRST).stream().map(AccumulatorKey::value).toList());
        Bill general = Bills.of(VisitType.OUTPATIENT_GENERAL).discharged("2020-05-10").total("10").scope("10").build();
        assertEquals(List.of(AccumulatorKey.rule("critical-special-drug")), policy.accumulatorKeysFor(general));
    }

    private Calculation settle(Bill bill) {
        Calculation calculation = calculator.calculate(policy, dibao, bill, Map.copyOf(accumulators));
        Tables.assertBalanced(calculation);
        Tables.apply(accumulators, calculation.accumulatorDeltas(), 1);
        return calculation;
    }

    private static void assertLines(Calculation calculation, String... amounts) {
        assertEquals(List.of(Fund.BASIC, Fund.CRITICAL, Fund.ASSISTANCE, Fund.HOSPITAL_REDUCTION, Fund.COMMERCIAL,
                Fund.RE_ASSISTANCE), calculation.lines().stream().map(FundLine::fund).toList());
        assertEquals(List.of(amounts), calculation.lines().stream().map(line -> line.amount().toPlainString()).toList());
    }
}
