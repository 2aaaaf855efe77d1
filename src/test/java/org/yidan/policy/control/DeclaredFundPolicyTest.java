package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.Tables;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Policy;

/**
 * A fund a county declares in its configuration ({@code yidan.funds.FAMILY_PLANNING.name=计生补助}) in the rule
 * chain of the test county 999003 ({@code family-planning-county.properties}, test figures): read, settled, named.
 */
class DeclaredFundPolicyTest {

    static final Map<String, String> TEST_COUNTY = ShippedPolicies.load("family-planning-county.properties");
    private static final LocalDate DISCHARGE = LocalDate.of(2020, 6, 15);

    private static Policy testCounty(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(TEST_COUNTY);
        config.putAll(overrides);
        return ShippedPolicies.read(config).stream().filter(policy -> policy.id().equals("999003/2020"))
                .findFirst().orElseThrow();
    }

    @Test
    void theDeclaredFundIsInTheChainWithItsName() {
        Policy policy = testCounty(Map.of());
        assertEquals(List.of("BASIC", "CRITICAL", "ASSISTANCE", "FAMILY_PLANNING"),
                policy.funds().stream().map(Fund::code).toList());
        Fund familyPlanning = policy.funds().get(3);
        assertEquals("计生补助", familyPlanning.displayName());
        assertEquals(familyPlanning, policy.rules().get(3).fund());
    }

    /** Lines: BASIC, CRITICAL, ASSISTANCE, FAMILY_PLANNING. Column layout: see {@link Tables}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # critical 6000: 5000 below the deductible, 1000 x 50% = 500; family planning (10000 - 4000 - 500) x 50% = 2750
        计生两户 get the declared fund | INPATIENT | COUNTY | FAMILY_PLANNING | | | 12000 | 10000 | | | BASIC=4000 | 4000.00 500.00 0.00 2750.00 | 4750.00 | rule:critical=6000.00/500.00 rule:family-planning=5500.00/2750.00 | assistance:NOT_ELIGIBLE
        # DIBAO: assistance (10000 - 4000 - 500) x 70% = 3850; the declared fund is for 计生两户 only
        DIBAO gets assistance, not the declared fund | INPATIENT | COUNTY | DIBAO | | | 12000 | 10000 | | | BASIC=4000 | 4000.00 500.00 3850.00 0.00 | 3650.00 | rule:assistance=5500.00/3850.00 rule:critical=6000.00/500.00 | family-planning:NOT_ELIGIBLE
        # family planning's cap 10000: 9000 already paid, 1000 left of 30000 x 50%
        the declared fund's cap | INPATIENT | COUNTY | FAMILY_PLANNING | | rule:family-planning=18000.00/9000.00 | 40000 | 40000 | | | BASIC=5000 | 5000.00 15000.00 0.00 1000.00 | 19000.00 | rule:critical=35000.00/15000.00 rule:family-planning=20000.00/1000.00 | family-planning:CAP
        """)
    void settlesIntoTheDeclaredFund(String name, String visit, String level, String categories, String diseases,
                                    String before, String total, String scope, String drug, String items,
                                    String external, String lines, String selfPay, String deltas, String flags) {
        Calculation calculation = Tables.check(testCounty(Map.of()), DISCHARGE, visit, level, categories, diseases,
                before, total, scope, drug, items, external, lines, selfPay, deltas, flags);
        assertEquals("计生补助", calculation.lines().get(3).fund().displayName());
        assertTrue(calculation.step("family-planning").explanation().contains("计生补助"),
                calculation.step("family-planning").explanation());
    }

    @Test
    void aFundNoOneDeclaredIsRefusedInTheChainAndInARule() {
        Map<String, String> config = new HashMap<>(TEST_COUNTY);
        config.put("yidan.funds.FAMILY_PLANNING.name", "");
        PolicyConfigurationException failure =
                assertThrows(PolicyConfigurationException.class, () -> ShippedPolicies.read(config));
        List<String> keys = failure.problems().stream().map(PolicyConfigurationException.Problem::key).toList();
        assertTrue(keys.contains("yidan.policy.999003.2020.funds"), failure.getMessage());
        assertTrue(keys.contains("yidan.policy.999003.2020.rule.family-planning.fund"), failure.getMessage());
        assertTrue(failure.getMessage().contains("yidan.funds.<CODE>.name"), failure.getMessage());
    }

    @Test
    void aBadlyWrittenFundCodeIsRefused() {
        PolicyConfigurationException failure = assertThrows(PolicyConfigurationException.class,
                () -> testCounty(Map.of("yidan.policy.999003.2020.rule.family-planning.fund", "JI-SHENG",
                        "yidan.funds.JI-SHENG.name", "计生补助")));
        assertEquals("yidan.policy.999003.2020.rule.family-planning.fund", failure.problems().get(0).key());
    }
}
