package org.yidan.policy.control;

import org.junit.jupiter.api.Test;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code yidan.policy.<county>.<year>.inherit}: a year that reads another year's parameters, with overrides. */
class PolicyInheritanceTest {

    private static final String YIYUAN = "yidan.policy.370323.";

    private static PolicyConfigReader.Result read(Map<String, String> overrides) {
        return PolicyConfigReader.readWithInheritance(ShippedPolicies.config(overrides));
    }

    private static Policy find(PolicyConfigReader.Result result, String id) {
        return result.policies().stream().filter(policy -> policy.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aYearInheritsEveryParameterItDoesNotSet() {
        PolicyConfigReader.Result result = read(Map.of(YIYUAN + "years", "2020,2026", YIYUAN + "2026.inherit", "2020"));
        Policy inherited = find(result, "370323/2026");
        Policy parent = ShippedPolicies.yiyuan2020();

        assertEquals(parent.funds(), inherited.funds());
        assertEquals(parent.rules(), inherited.rules(), "the same rules, parameters and order");
        assertEquals(2026, inherited.year());
        assertEquals(Map.of("370323/2026", 2020), result.inheritedFrom());
        assertNotEquals(parent.fingerprint(), inherited.fingerprint(), "the year is part of what a receipt traces");
    }

    @Test
    void anOverrideChangesOnlyTheInheritingYear() {
        PolicyConfigReader.Result result = read(Map.of(YIYUAN + "years", "2020,2026", YIYUAN + "2026.inherit", "2020",
                YIYUAN + "2026.rule.re-assistance.cap", "25000",
                YIYUAN + "2026.rule.critical.segments", "0-6000:0,6000-100000:0.65,100000-:0.75"));
        Rule reAssistance = find(result, "370323/2026").rule("re-assistance").orElseThrow();
        assertEquals(0, new BigDecimal("25000").compareTo(reAssistance.cap()));
        assertEquals(0, new BigDecimal("6000").compareTo(
                find(result, "370323/2026").rule("critical").orElseThrow().segments().get(0).hi()));
        assertEquals(0, new BigDecimal("20000").compareTo(
                find(result, "370323/2020").rule("re-assistance").orElseThrow().cap()), "the parent keeps its own");
    }

    @Test
    void aYearCanInheritAYearThatInheritsAndAddARule() {
        PolicyConfigReader.Result result = read(Map.of(YIYUAN + "years", "2020,2025,2026",
                YIYUAN + "2025.inherit", "2020", YIYUAN + "2025.rule.re-assistance.cap", "30000",
                YIYUAN + "2026.inherit", "2025"));
        assertEquals(0, new BigDecimal("30000").compareTo(
                find(result, "370323/2026").rule("re-assistance").orElseThrow().cap()), "nearest ancestor first");
        assertEquals(2025, result.inheritedFrom().get("370323/2026"));
    }

    @Test
    void anOverrideIsValidatedLikeAnyPolicy() {
        PolicyConfigurationException failure = assertThrows(PolicyConfigurationException.class, () -> read(Map.of(
                YIYUAN + "years", "2020,2026", YIYUAN + "2026.inherit", "2020",
                YIYUAN + "2026.rule.critical.segments", "0-5000:0,6000-:0.65")));
        assertEquals(List.of(YIYUAN + "2026.rule.critical.segments"),
                failure.problems().stream().map(PolicyConfigurationException.Problem::key).toList());
        assertTrue(failure.getMessage().contains("gap"), failure.getMessage());
    }

    @Test
    void aMissingParentIsAClearConfigurationError() {
        PolicyConfigurationException failure = assertThrows(PolicyConfigurationException.class, () -> read(Map.of(
                YIYUAN + "years", "2020,2026", YIYUAN + "2026.inherit", "2019")));
        assertEquals(1, failure.problems().size(), failure.getMessage());
        assertEquals(YIYUAN + "2026.inherit", failure.problems().get(0).key());
        assertTrue(failure.getMessage().contains("no parameters for 2019"), failure.getMessage());
    }

    @Test
    void aCycleIsAClearConfigurationError() {
        PolicyConfigurationException failure = assertThrows(PolicyConfigurationException.class, () -> read(Map.of(
                YIYUAN + "years", "2020,2025,2026", YIYUAN + "2025.inherit", "2026", YIYUAN + "2026.inherit", "2025",
                YIYUAN + "2025.rules", "basic", YIYUAN + "2026.rules", "basic")));
        assertTrue(failure.getMessage().contains("cycle: 2025 -> 2026 -> 2025"), failure.getMessage());
        assertTrue(failure.getMessage().contains("cycle: 2026 -> 2025 -> 2026"), failure.getMessage());
    }

    @Test
    void inheritingItselfOrNotAYearIsRefused() {
        PolicyConfigurationException self = assertThrows(PolicyConfigurationException.class, () -> read(Map.of(
                YIYUAN + "2020.inherit", "2020")));
        assertTrue(self.getMessage().contains("cycle: 2020 -> 2020"), self.getMessage());
        PolicyConfigurationException notAYear = assertThrows(PolicyConfigurationException.class, () -> read(Map.of(
                YIYUAN + "years", "2020,2026", YIYUAN + "2026.inherit", "last year")));
        assertTrue(notAYear.getMessage().contains("'last year' is not a year"), notAYear.getMessage());
    }
}
