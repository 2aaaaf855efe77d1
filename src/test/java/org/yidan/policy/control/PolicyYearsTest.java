package org.yidan.policy.control;

import org.junit.jupiter.api.Test;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.RuleKind;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decisions the counter asks the policy for: which years a county has, which one a bill is shown under, external funds. */
class PolicyYearsTest {

    private static final Policy Y2020 = ShippedPolicies.yiyuan2020();
    private static final Policy Y2021 = Policy.of("370323", 2021, "沂源县", Y2020.funds(), Y2020.rules());
    private static final PolicyCatalog CATALOG = new PolicyCatalog(List.of(Y2020, Y2021, ShippedPolicies.huining2018()));

    @Test
    void yearsAreTheCountysLatestFirst() {
        assertEquals(List.of(2021, 2020), CATALOG.years("370323"));
        assertEquals(List.of(2018), CATALOG.years("620422"));
        assertEquals(List.of(), CATALOG.years("110101"));
    }

    @Test
    void theDischargeDateDecidesTheYearElseThisYearElseTheLatest() {
        LocalDate today = LocalDate.of(2021, 6, 1);
        assertEquals(2020, CATALOG.settlementYear("370323", LocalDate.of(2020, 5, 10), today));
        assertEquals(2021, CATALOG.settlementYear("370323", null, today), "this year's policy");
        assertEquals(2021, CATALOG.settlementYear("370323", LocalDate.of(2019, 5, 10), today),
                "a discharge year without a policy falls back to this year's");
        assertEquals(2021, CATALOG.settlementYear("370323", null, LocalDate.of(2030, 1, 1)), "else the latest");
        assertEquals(2030, CATALOG.settlementYear("110101", null, LocalDate.of(2030, 1, 1)),
                "a county without any policy: this year");
    }

    @Test
    void theExternalFundsAreThoseOfTheExternalRules() {
        assertEquals(List.of(Fund.BASIC, Fund.HOSPITAL_REDUCTION, Fund.COMMERCIAL), Y2020.externalFunds(),
                "amounts other systems decide, in the chain's order");
        assertTrue(Policy.of("370323", 2022, "沂源县", Y2020.funds(), Y2020.rules().stream()
                .filter(rule -> rule.kind() != RuleKind.EXTERNAL).toList()).externalFunds().isEmpty());
    }
}
