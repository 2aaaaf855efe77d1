package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yidan.policy.Bills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.Tables;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.VisitType;

/** The sentences a counter clerk reads aloud. */
class ExplanationTest {

    private final SettlementCalculator calculator = new SettlementCalculator();

    @Test
    void segmentsCrossedInOneBillAreEachExplainedAndAdded() {
        Calculation calculation = calculator.calculate(ShippedPolicies.yiyuan2020(), person(PersonCategory.DIBAO_EDGE),
                Bills.of(VisitType.INPATIENT).discharged("2020-06-15").total("260000").scope("250000")
                        .external(Fund.BASIC, "30000").build(),
                Tables.accumulators("rule:critical=90000.00/55250.00"));

        assertEquals("大病保险：本年累计合规自付 310,000.00 元（起付线 5,000.00 元），"
                        + "5,000–100,000 元段按 65%，本次 10,000.00 × 65% = 6,500.00 元；"
                        + "100,000–300,000 元段按 75%，本次 200,000.00 × 75% = 150,000.00 元；"
                        + "300,000 元以上部分按 85%，本次 10,000.00 × 85% = 8,500.00 元，合计 165,000.00 元",
                calculation.step("critical").explanation());
        assertEquals("医疗救助：本年累计合规自付 55,000.00 元（起付线 10,000.00 元），本次 10,000.00 元在起付线以下，"
                        + "不予支付；10,000 元以上部分按 40%，本次 45,000.00 × 40% = 18,000.00 元；"
                        + "年度封顶 10,000.00 元，本次前仅余 10,000.00 元，按余额支付 10,000.00 元",
                calculation.step("assistance-low-income").explanation());
        assertEquals("医疗救助：仅适用于特困人员、低保对象，参保人不属于上述人员，不予支付",
                calculation.step("assistance-tekun-dibao").explanation());
    }

    @Test
    void aCapAlreadyReachedIsSaid() {
        Calculation calculation = calculator.calculate(ShippedPolicies.yiyuan2020(), person(PersonCategory.DIBAO),
                Bills.of(VisitType.OUTPATIENT_GENERAL).at(HospitalLevel.VILLAGE).discharged("2020-06-15")
                        .total("5000").drug("5000").build(),
                Tables.accumulators("rule:critical-special-drug=340000.00/200000.00"));

        assertEquals("大病保险：本年累计特药费用 345,000.00 元，全部按 60%，本次 5,000.00 × 60% = 3,000.00 元；"
                + "已达年度封顶 200,000.00 元，本次不予支付", calculation.step("critical-special-drug").explanation());
        assertEquals("大病保险：仅适用于住院、门诊慢特病，本次为普通门诊，不予支付",
                calculation.step("critical").explanation());
    }

    @Test
    void aGroupExclusionNamesTheRuleThatApplied() {
        Calculation calculation = calculator.calculate(ShippedPolicies.yiyuan2020(),
                PersonSnapshot.of(EnumSet.of(PersonCategory.DIBAO, PersonCategory.REGISTERED_POOR), Set.of()),
                Bills.of(VisitType.INPATIENT).discharged("2020-06-15").total("100").scope("100").build(), Map.of());

        assertEquals("医疗救助：已按特困人员、低保对象标准支付，低保边缘家庭、低收入家庭、建档立卡/脱贫享受政策人员、"
                + "即时帮扶人员、临时纳入人员标准不再重复享受", calculation.step("assistance-low-income").explanation());
        assertEquals("基本医保：经办系统未报送结算金额，支付 0.00 元", calculation.step("basic").explanation());
    }

    @Test
    void theTargetRatioShowsTheArithmetic() {
        Bill bill = Bills.of(VisitType.OUTPATIENT_CHRONIC).discharged("2018-06-30").total("1200").scope("1000")
                .external(Fund.BASIC, "500").external(Fund.CRITICAL, "100").build();
        Calculation calculation = calculator.calculate(ShippedPolicies.huining2018(),
                person(PersonCategory.REGISTERED_POOR), bill, Map.of());

        assertEquals(new BigDecimal("250.00"), calculation.step("critical-chronic-85").amount());
        assertEquals("大病保险：实际补偿比应达到 85%，政策范围内费用 1,000.00 × 85% = 850.00 元，前面已支付 600.00 元，"
                + "本次补足 250.00 元", calculation.step("critical-chronic-85").explanation());
        assertEquals("大病保险：按经办系统结算结果支付 100.00 元", calculation.step("critical").explanation());
    }

    @Test
    void aChronicDiseaseRequirementIsNamedInChinese() {
        Calculation calculation = calculator.calculate(ShippedPolicies.linyi2017(),
                person(PersonCategory.REGISTERED_POOR),
                Bills.of(VisitType.OUTPATIENT_CHRONIC).at(HospitalLevel.TOWNSHIP).discharged("2017-06-30")
                        .total("100").scope("100").build(), Map.of());

        assertEquals("基本医保：仅适用于已办理糖尿病、高血压、重性精神病门诊慢性病待遇（办结后次日起享受）的人员，不予支付",
                calculation.step("basic-essential-drugs").explanation());
    }

    private static PersonSnapshot person(PersonCategory category) {
        return PersonSnapshot.of(EnumSet.of(category), Set.of());
    }
}
