package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.policy.Bills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.Tables;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.DiseaseApproval;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.StepOutcome;
import org.yidan.policy.entity.VisitType;

/**
 * 临沂高新区 2017 (seed 002) as shipped. Lines in fund order: BASIC, CRITICAL, HOSPITAL_REDUCTION, COMMERCIAL,
 * ASSISTANCE. Column layout: see {@link Tables}.
 */
class LinyiPolicyTest {

    private static final LocalDate DISCHARGE = LocalDate.of(2017, 8, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # essential drugs 150 in full; basic 100 of the remaining 250; critical 150 below its deductible
        essential drugs 100% for hypertension at a township centre | OUTPATIENT_CHRONIC | TOWNSHIP | REGISTERED_POOR | HYPERTENSION | | 500 | 400 | | ESSENTIAL_DRUG=150 OTHER=250 | BASIC=100 | 250.00 0.00 0.00 0.00 0.00 | 250.00 | rule:basic-essential-drugs=150.00/150.00 rule:critical=150.00/0.00 |
        essential drugs not at a county hospital | OUTPATIENT_CHRONIC | COUNTY | REGISTERED_POOR | HYPERTENSION | | 500 | 400 | | ESSENTIAL_DRUG=150 OTHER=250 | BASIC=100 | 100.00 0.00 0.00 0.00 0.00 | 400.00 | rule:critical=300.00/0.00 | basic-essential-drugs:NOT_ELIGIBLE
        essential drugs not without an approved disease | OUTPATIENT_CHRONIC | TOWNSHIP | REGISTERED_POOR | ARTHRITIS | | 500 | 400 | | ESSENTIAL_DRUG=150 OTHER=250 | BASIC=100 | 100.00 0.00 0.00 0.00 0.00 | 400.00 | rule:critical=300.00/0.00 | basic-essential-drugs:NOT_ELIGIBLE
        # critical 210000: 6000 below the deductible, 94000 x 55% + 100000 x 65% + 10000 x 70% = 123700; reduction 86300 x 10% = 8630
        critical segments 6000, 100000, 200000 crossed | INPATIENT | CITY | REGISTERED_POOR | | | 260000 | 250000 | | | BASIC=40000 | 40000.00 123700.00 8630.00 0.00 0.00 | 87670.00 | cap:critical-cap=0.00/123700.00 rule:critical=210000.00/123700.00 rule:reduction-inpatient=86300.00/8630.00 |
        critical reaching its deductible exactly | OUTPATIENT_CHRONIC | COUNTY | DIBAO | | | 6000 | 6000 | | | | 0.00 0.00 0.00 0.00 0.00 | 6000.00 | rule:critical=6000.00/0.00 |
        # shared cap 500000 with 480000 paid: critical 10000 x 70% = 7000; special drugs 40000 x 55% = 22000 but 13000 left
        critical and special drugs share one cap | INPATIENT | COUNTY | REGISTERED_POOR | | rule:critical=719000.00/480000.00 cap:critical-cap=0.00/480000.00 | 60000 | 20000 | 40000 | | BASIC=10000 | 10000.00 20000.00 300.00 0.00 0.00 | 29700.00 | cap:critical-cap=0.00/20000.00 rule:critical=10000.00/7000.00 rule:critical-special-drug=40000.00/13000.00 rule:reduction-inpatient=3000.00/300.00 | critical-special-drug:CAP
        # critical 40000 x 70% = 28000, 20000 left of the shared cap; reduction 20000 x 10%
        critical cap reached inside the bill | INPATIENT | COUNTY | REGISTERED_POOR | | rule:critical=719000.00/480000.00 cap:critical-cap=0.00/480000.00 | 50000 | 50000 | | | BASIC=10000 | 10000.00 20000.00 2000.00 0.00 0.00 | 18000.00 | cap:critical-cap=0.00/20000.00 rule:critical=40000.00/20000.00 rule:reduction-inpatient=20000.00/2000.00 | critical:CAP
        shared cap already used up | INPATIENT | COUNTY | REGISTERED_POOR | | rule:critical=800000.00/500000.00 cap:critical-cap=0.00/500000.00 | 20000 | 20000 | | | | 0.00 0.00 2000.00 0.00 0.00 | 18000.00 | rule:critical=20000.00/0.00 rule:reduction-inpatient=20000.00/2000.00 | critical:CAP
        # special drugs 90000..110000: 10000 x 55% + 10000 x 65%
        special drugs cross 100000 | OUTPATIENT_SPECIAL | CITY | REGISTERED_POOR | | rule:critical-special-drug=90000.00/49500.00 cap:critical-cap=0.00/49500.00 | 20000 | 0 | 20000 | | | 0.00 12000.00 0.00 0.00 0.00 | 8000.00 | cap:critical-cap=0.00/12000.00 rule:critical-special-drug=20000.00/12000.00 |
        # 两免两减半: registration 5 and consultation 10 free; expert 20 and large equipment 200 halved
        two free two halved | OUTPATIENT_GENERAL | TOWNSHIP | REGISTERED_POOR | | | 300 | 260 | | REGISTRATION=5 CONSULTATION=10 EXPERT_CONSULTATION=20 LARGE_EQUIPMENT_EXAM=200 OTHER=25 | | 0.00 0.00 125.00 0.00 0.00 | 175.00 | rule:reduction-free-fees=15.00/15.00 rule:reduction-half-fees=220.00/110.00 |
        # basic leaves 20 of the scope: free fees 20 (of 30 items), then nothing left for the halved ones
        item bases never exceed the scope left | OUTPATIENT_GENERAL | TOWNSHIP | REGISTERED_POOR | | | 100 | 100 | | REGISTRATION=10 CONSULTATION=20 EXPERT_CONSULTATION=30 LARGE_EQUIPMENT_EXAM=40 | BASIC=80 | 80.00 0.00 20.00 0.00 0.00 | 0.00 | rule:reduction-free-fees=20.00/20.00 |
        # 0.15 x 50% = 0.075, half-up to 0.08
        halved fee rounded half-up | OUTPATIENT_GENERAL | TOWNSHIP | REGISTERED_POOR | | | 0.15 | 0.15 | | EXPERT_CONSULTATION=0.15 | | 0.00 0.00 0.08 0.00 0.00 | 0.07 | rule:reduction-half-fees=0.15/0.08 |
        # reduction 5000 x 10% = 500, then commercial and civil-affairs assistance as sent
        external commercial and assistance after the reduction | INPATIENT | COUNTY | DIBAO | | | 10000 | 10000 | | | BASIC=5000 COMMERCIAL=1000 ASSISTANCE=500 | 5000.00 0.00 500.00 1000.00 500.00 | 3000.00 | rule:critical=5000.00/0.00 rule:reduction-inpatient=5000.00/500.00 |
        """)
    void settles(String name, String visit, String level, String categories, String diseases, String before,
                 String total, String scope, String drug, String items, String external, String lines,
                 String selfPay, String deltas, String flags) {
        Tables.check(ShippedPolicies.linyi2017(), DISCHARGE, visit, level, categories, diseases, before, total,
                scope, drug, items, external, lines, selfPay, deltas, flags);
    }

    @Test
    void chronicDiseaseApprovalCountsFromTheNextDay() {
        SettlementCalculator calculator = new SettlementCalculator();
        List<CategoryPeriod> categories =
                List.of(new CategoryPeriod(PersonCategory.REGISTERED_POOR, LocalDate.of(2017, 1, 1), null));
        List<DiseaseApproval> approvals = List.of(new DiseaseApproval("DIABETES", LocalDate.of(2017, 3, 1)));

        Bill onApprovalDay = essentialDrugs("2017-03-01");
        PersonSnapshot sameDay = PersonSnapshot.asOf(onApprovalDay.dischargeDate(), categories, approvals);
        var refused = calculator.calculate(ShippedPolicies.linyi2017(), sameDay, onApprovalDay, Map.of());
        assertEquals(StepOutcome.NOT_ELIGIBLE, refused.step("basic-essential-drugs").outcome());
        assertEquals(new BigDecimal("0.00"), refused.line(Fund.BASIC).amount());

        Bill nextDay = essentialDrugs("2017-03-02");
        PersonSnapshot dayAfter = PersonSnapshot.asOf(nextDay.dischargeDate(), categories, approvals);
        var paid = calculator.calculate(ShippedPolicies.linyi2017(), dayAfter, nextDay, Map.of());
        assertEquals(StepOutcome.APPLIED, paid.step("basic-essential-drugs").outcome());
        assertEquals(new BigDecimal("80.00"), paid.line(Fund.BASIC).amount());
        assertEquals(new BigDecimal("40.00"), paid.selfPay());
    }

    private static Bill essentialDrugs(String discharge) {
        return Bills.of(VisitType.OUTPATIENT_CHRONIC).at(HospitalLevel.TOWNSHIP).discharged(discharge)
                .total("120").scope("100").item(ItemCategory.ESSENTIAL_DRUG, "80").build();
    }
}
