package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.Bills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.RuleKind;
import org.yidan.policy.entity.VisitType;

/** Every way a bill is refused, with its stable code and the field it names. */
class BillValidationTest {

    private final SettlementCalculator calculator = new SettlementCalculator();
    private final PersonSnapshot dibao = PersonSnapshot.of(EnumSet.of(PersonCategory.DIBAO), Set.of());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        negative total                        | -1       | 0      | 0     |                            |                  | 2020-05-10 | AMOUNT_INVALID          | totalAmount
        scope finer than the fen              | 100      | 10.005 | 0     |                            |                  | 2020-05-10 | AMOUNT_INVALID          | policyScopeAmount
        negative special drugs                | 100      | 10     | -0.01 |                            |                  | 2020-05-10 | AMOUNT_INVALID          | specialDrugAmount
        item finer than the fen               | 100      | 10     | 0     | OTHER=1 REGISTRATION=0.001 |                  | 2020-05-10 | AMOUNT_INVALID          | items[1].amount
        negative external amount              | 100      | 10     | 0     |                            | BASIC=-5         | 2020-05-10 | AMOUNT_INVALID          | externalPayments.BASIC
        scope and special drugs above total   | 1000     | 900    | 200   |                            |                  | 2020-05-10 | SCOPE_EXCEEDS_TOTAL     | policyScopeAmount
        items above the scope                 | 1000     | 100    | 0     | OTHER=60 REGISTRATION=41   |                  | 2020-05-10 | ITEMS_EXCEED_SCOPE      | items
        basic above the scope                 | 60000    | 50000  | 0     |                            | BASIC=50000.01   | 2020-05-10 | EXTERNAL_EXCEEDS_BASE   | externalPayments.BASIC
        reduction above what is left for it  | 60000    | 50000  | 0     |                            | BASIC=30000 HOSPITAL_REDUCTION=10250.01 | 2020-05-10 | EXTERNAL_EXCEEDS_BASE | externalPayments.HOSPITAL_REDUCTION
        external amount for a fund without EXTERNAL rule | 100 | 100 | 0 |                            | CRITICAL=10      | 2020-05-10 | EXTERNAL_NOT_APPLICABLE | externalPayments.CRITICAL
        discharge outside the policy year     | 100      | 100    | 0     |                            |                  | 2021-01-02 | NO_POLICY               | dischargeDate
        """)
    void refuses(String name, String total, String scope, String drug, String items, String external,
                 String discharge, String code, String field) {
        Bill bill = Bills.of(VisitType.INPATIENT).discharged(discharge).total(total).scope(scope).drug(drug)
                .items(items).externals(external).build();

        assertRefused(code, field, () -> calculator.calculate(ShippedPolicies.yiyuan2020(), dibao, bill, Map.of()));
    }

    @Test
    void refusesADischargeBeforeTheAdmission() {
        Bill bill = Bills.of(VisitType.INPATIENT).discharged("2020-05-10").admitted("2020-05-11")
                .total("100").scope("100").build();
        assertRefused("DATES_INVALID", "dischargeDate",
                () -> calculator.calculate(ShippedPolicies.yiyuan2020(), dibao, bill, Map.of()));
    }

    @Test
    void refusesADischargeAfterTodayAndTakesToday() {
        Bill bill = Bills.of(VisitType.INPATIENT).discharged("2020-05-10").total("100").scope("100").build();
        assertRefused("DATES_INVALID", "dischargeDate",
                () -> SettlementCalculator.requireDischargedBy(bill, LocalDate.of(2020, 5, 9)));
        SettlementCalculator.requireDischargedBy(bill, LocalDate.of(2020, 5, 10));
        SettlementCalculator.requireDischargedBy(bill, LocalDate.of(2026, 11, 28));
    }

    @Test
    void refusesAMissingAmount() {
        Bill bill = new Bill(VisitType.INPATIENT, new Hospital("H", HospitalLevel.COUNTY, true),
                LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 2), null, BigDecimal.ONE, null, null, null);
        assertRefused("AMOUNT_INVALID", "totalAmount", () -> SettlementCalculator.validate(bill));
    }

    @Test
    void refusesAPersonWithoutCategoryOnTheDischargeDate() {
        Bill bill = Bills.of(VisitType.INPATIENT).discharged("2020-05-10").total("100").scope("100").build();
        assertRefused("NOT_ELIGIBLE", "idNumber", () -> calculator.calculate(ShippedPolicies.yiyuan2020(),
                PersonSnapshot.of(Set.of(), Set.of("HYPERTENSION")), bill, Map.of()));
    }

    @Test
    void refusesAMissingVisitTypeOrHospitalLevel() {
        Bill noVisitType = new Bill(null, new Hospital("H", HospitalLevel.COUNTY, true), LocalDate.of(2020, 5, 1),
                LocalDate.of(2020, 5, 2), BigDecimal.TEN, BigDecimal.ONE, null, List.of(), Map.of());
        assertRefused("UNKNOWN_VALUE", "visitType", () -> SettlementCalculator.validate(noVisitType));
        Bill noLevel = new Bill(VisitType.INPATIENT, new Hospital("H", null, true), LocalDate.of(2020, 5, 1),
                LocalDate.of(2020, 5, 2), BigDecimal.TEN, BigDecimal.ONE, null, List.of(), Map.of());
        assertRefused("UNKNOWN_VALUE", "hospital.level", () -> SettlementCalculator.validate(noLevel));
        Bill noCategory = new Bill(VisitType.INPATIENT, new Hospital("H", HospitalLevel.COUNTY, true),
                LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 2), BigDecimal.TEN, BigDecimal.ONE, null,
                List.of(new BillItem(null, BigDecimal.ONE)), Map.of());
        assertRefused("UNKNOWN_VALUE", "items[0].category", () -> SettlementCalculator.validate(noCategory));
    }

    @Test
    void acceptsTrailingZerosBeyondTheFen() {
        Bill bill = Bills.of(VisitType.INPATIENT).discharged("2020-05-10").total("100.500").scope("100.500")
                .external(Fund.BASIC, "50.250").build();
        assertEquals(new BigDecimal("50.25"),
                calculator.calculate(ShippedPolicies.yiyuan2020(), dibao, bill, Map.of()).line(Fund.BASIC).amount());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        visitType          | DAYCARE
        hospital.level     | CLINIC
        externalPayments   | LOTTERY
        items[0].category  | FOOD
        kind               | MANUAL
        fund               |
        """)
    void everyEnumRefusesAnUnknownValueNamingTheField(String field, String value) {
        List<BiFunction<String, String, ?>> parsers = List.of(VisitType::parse, HospitalLevel::parse, Fund::parse,
                ItemCategory::parse, RuleKind::parse, PersonCategory::parse, BaseSpec::parse);
        for (BiFunction<String, String, ?> parser : parsers) {
            assertRefused("UNKNOWN_VALUE", field, () -> parser.apply(field, value));
        }
    }

    @Test
    void enumsParseTheirNames() {
        assertEquals(VisitType.OUTPATIENT_CHRONIC, VisitType.parse("visitType", " outpatient_chronic "));
        assertEquals(HospitalLevel.TOWNSHIP, HospitalLevel.parse("hospital.level", "TOWNSHIP"));
        assertEquals(Fund.RE_ASSISTANCE, Fund.parse("externalPayments", "RE_ASSISTANCE"));
        assertEquals(ItemCategory.LARGE_EQUIPMENT_EXAM, ItemCategory.parse("items[0].category", "LARGE_EQUIPMENT_EXAM"));
        assertEquals("ITEMS:REGISTRATION,CONSULTATION", BaseSpec.parse("base", "items:registration,consultation").toString());
        assertEquals("再救助", Fund.RE_ASSISTANCE.displayName());
        assertEquals("因病致贫家庭重病患者", PersonCategory.ILLNESS_POVERTY.displayName());
    }

    @Test
    void aCountyOrYearWithoutPolicyIsRefused() {
        PolicyCatalog catalog = new PolicyCatalog(ShippedPolicies.all());
        assertRefused("NO_POLICY", "dischargeDate", () -> catalog.require("370323", LocalDate.of(2019, 12, 31)));
        assertRefused("NO_POLICY", "dischargeDate", () -> catalog.require("110101", LocalDate.of(2020, 1, 1)));
        assertEquals("620422/2018", catalog.require("620422", LocalDate.of(2018, 1, 1)).id());
    }

    private static void assertRefused(String code, String field, Executable action) {
        RefusedException refused = assertThrows(RefusedException.class, action);
        assertEquals(code, refused.code(), refused.getMessage());
        assertEquals(422, refused.status());
        assertEquals(field, refused.errors().get(0).field(), refused.getMessage());
    }
}
