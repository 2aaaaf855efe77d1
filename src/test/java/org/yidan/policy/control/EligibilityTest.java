package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.Bills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.StepOutcome;
import org.yidan.policy.entity.VisitType;

/** The discharge date decides the categories a person holds (沂源 2020). */
class EligibilityTest {

    private final SettlementCalculator calculator = new SettlementCalculator();
    private final List<CategoryPeriod> dibaoUntilJune = List.of(
            new CategoryPeriod(PersonCategory.DIBAO, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30)));

    @Test
    void aCategoryThatEndedBeforeTheDischargeDateIsRefused() {
        Bill bill = inpatient("2020-07-01");
        PersonSnapshot person = PersonSnapshot.asOf(bill.dischargeDate(), dibaoUntilJune, List.of());

        RefusedException refused = assertThrows(RefusedException.class,
                () -> calculator.calculate(ShippedPolicies.yiyuan2020(), person, bill, Map.of()));
        assertEquals("NOT_ELIGIBLE", refused.code());
        assertEquals(422, refused.status());
        assertEquals("idNumber", refused.errors().get(0).field());
    }

    @Test
    void theLastDayOfACategoryStillCounts() {
        Bill bill = inpatient("2020-06-30");
        PersonSnapshot person = PersonSnapshot.asOf(bill.dischargeDate(), dibaoUntilJune, List.of());

        Calculation calculation = calculator.calculate(ShippedPolicies.yiyuan2020(), person, bill, Map.of());
        // critical: 5000 below the deductible, 5000 x 65% = 3250; DIBAO assistance 6750 x 80% = 5400
        assertEquals(new BigDecimal("5400.00"), calculation.line(Fund.ASSISTANCE).amount());
    }

    @Test
    void theCategoryHeldOnTheDischargeDateDecidesTheRule() {
        List<CategoryPeriod> periods = List.of(dibaoUntilJune.get(0),
                new CategoryPeriod(PersonCategory.REGISTERED_POOR, LocalDate.of(2020, 7, 1), null));
        Bill bill = Bills.of(VisitType.INPATIENT).discharged(LocalDate.of(2020, 7, 1))
                .admitted("2020-06-20").total("20000").scope("20000").external(Fund.BASIC, "10000").build();
        PersonSnapshot person = PersonSnapshot.asOf(bill.dischargeDate(), periods, List.of());

        Calculation calculation = calculator.calculate(ShippedPolicies.yiyuan2020(), person, bill, Map.of());
        assertEquals(StepOutcome.NOT_ELIGIBLE, calculation.step("assistance-tekun-dibao").outcome());
        assertEquals(StepOutcome.APPLIED, calculation.step("assistance-low-income").outcome());
        // 6750 left after critical stays below the low-income deductible of 10000
        assertEquals(new BigDecimal("0.00"), calculation.line(Fund.ASSISTANCE).amount());
    }

    private static Bill inpatient(String discharge) {
        return Bills.of(VisitType.INPATIENT).discharged(discharge).total("20000").scope("20000")
                .external(Fund.BASIC, "10000").build();
    }
}
