package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.RuleKind;
import org.yidan.policy.entity.Segment;
import org.yidan.policy.entity.VisitType;

/** The shipped profiles, and every problem the reader finds in a configuration, naming the key to fix. */
class PolicyConfigReaderTest {

    private static final String YIYUAN = "yidan.policy.370323.2020.";
    private static final String HUINING = "yidan.policy.620422.2018.";
    private static final String LINYI = "yidan.policy.371371.2017.";

    @Test
    void readsTheThreeShippedProfiles() {
        List<Policy> policies = ShippedPolicies.read(Map.of());

        assertEquals(List.of("370323/2020", "620422/2018", "371371/2017"), policies.stream().map(Policy::id).toList());
        assertEquals(List.of("沂源县", "会宁县", "临沂高新区"), policies.stream().map(Policy::countyName).toList());
        Policy yiyuan = policies.get(0);
        assertEquals(List.of(Fund.BASIC, Fund.CRITICAL, Fund.ASSISTANCE, Fund.HOSPITAL_REDUCTION, Fund.COMMERCIAL,
                Fund.RE_ASSISTANCE), yiyuan.funds());
        assertEquals(List.of("basic", "critical", "critical-special-drug", "assistance-tekun-dibao",
                "assistance-low-income", "assistance-illness-poverty", "hospital-reduction", "commercial",
                "re-assistance"), yiyuan.rules().stream().map(Rule::id).toList());
        Rule critical = yiyuan.rule("critical").orElseThrow();
        assertEquals(RuleKind.TIERED, critical.kind());
        assertEquals(Set.of(VisitType.INPATIENT, VisitType.OUTPATIENT_CHRONIC), critical.visitTypes());
        assertEquals("0-5000:0,5000-100000:0.65,100000-300000:0.75,300000-:0.85",
                String.join(",", critical.segments().stream().map(Segment::toString).toList()));
        assertNull(critical.cap());
        Rule lowIncome = yiyuan.rule("assistance-low-income").orElseThrow();
        assertEquals(Set.of(PersonCategory.DIBAO_EDGE, PersonCategory.LOW_INCOME, PersonCategory.REGISTERED_POOR,
                PersonCategory.INSTANT_AID, PersonCategory.TEMPORARY), lowIncome.categories());
        assertEquals("assistance", lowIncome.group());
        assertEquals(0, new BigDecimal("10000").compareTo(lowIncome.cap()));

        Rule target = policies.get(1).rule("critical-chronic-85").orElseThrow();
        assertEquals(RuleKind.TARGET_RATIO, target.kind());
        assertEquals(0, new BigDecimal("0.85").compareTo(target.targetRatio()));

        Policy linyi = policies.get(2);
        Rule specialDrug = linyi.rule("critical-special-drug").orElseThrow();
        assertEquals("critical-cap", specialDrug.capKey());
        assertEquals(0, new BigDecimal("500000").compareTo(specialDrug.cap()), "inherits the shared cap");
        assertEquals(BaseSpec.items(List.of(ItemCategory.REGISTRATION, ItemCategory.CONSULTATION)),
                linyi.rule("reduction-free-fees").orElseThrow().base());
        Rule drugs = linyi.rule("basic-essential-drugs").orElseThrow();
        assertEquals(Set.of(HospitalLevel.TOWNSHIP), drugs.hospitalLevels());
        assertEquals(Set.of("HYPERTENSION", "DIABETES", "SEVERE_MENTAL_DISORDER"), drugs.chronicDiseases());
        assertEquals(BigDecimal.valueOf(500000), linyi.capOf(specialDrug.capAccumulatorKey()).orElseThrow()
                .setScale(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        segments overlap               | 370323.2020.rule.critical.segments          | 0-5000:0, 4000-100000:0.65, 100000-:0.75 | 370323.2020.rule.critical.segments | overlaps
        segment after an open one      | 370323.2020.rule.critical.segments          | 0-5000:0, 5000-:0.65, 100000-:0.75       | 370323.2020.rule.critical.segments | overlaps
        segments leave a gap           | 370323.2020.rule.critical.segments          | 0-5000:0, 6000-:0.65                     | 370323.2020.rule.critical.segments | gap from 5000 to 6000
        last segment not open          | 370323.2020.rule.critical.segments          | 0-5000:0, 5000-100000:0.65               | 370323.2020.rule.critical.segments | gap above 100000
        segments not starting at 0     | 370323.2020.rule.critical.segments          | 100-5000:0, 5000-:0.65                   | 370323.2020.rule.critical.segments | start at 0
        empty segment                  | 370323.2020.rule.critical.segments          | 0-5000:0, 5000-5000:0.5, 5000-:0.65      | 370323.2020.rule.critical.segments | is empty
        malformed segment              | 370323.2020.rule.critical.segments          | 0-5000:0, 5000:0.65                      | 370323.2020.rule.critical.segments | is not lo-hi:ratio
        segment ratio above 1          | 370323.2020.rule.re-assistance.segments     | 0-5000:0, 5000-:1.70                     | 370323.2020.rule.re-assistance.segments | outside 0..1
        target ratio above 1           | 620422.2018.rule.critical-chronic-85.target-ratio | 1.2                                | 620422.2018.rule.critical-chronic-85.target-ratio | outside 0..1
        negative cap                   | 370323.2020.rule.re-assistance.cap          | -1                                       | 370323.2020.rule.re-assistance.cap | negative
        cap finer than the fen         | 370323.2020.rule.re-assistance.cap          | 20000.001                                | 370323.2020.rule.re-assistance.cap | more than two decimals
        cap not a number               | 370323.2020.rule.re-assistance.cap          | 20,000                                   | 370323.2020.rule.re-assistance.cap | not a number
        unknown fund of a rule         | 370323.2020.rule.basic.fund                 | DENTAL                                   | 370323.2020.rule.basic.fund        | unknown fund 'DENTAL'
        unknown fund in the funds      | 620422.2018.funds                           | BASIC,CRITICAL,ASSISTANCE,LOTTERY        | 620422.2018.funds                  | unknown fund 'LOTTERY'
        fund listed twice              | 620422.2018.funds                           | BASIC,CRITICAL,ASSISTANCE,BASIC          | 620422.2018.funds                  | listed twice
        unknown category               | 370323.2020.rule.assistance-tekun-dibao.categories | TEKUN,ORPHAN                      | 370323.2020.rule.assistance-tekun-dibao.categories | unknown person category 'ORPHAN'
        unknown visit type             | 370323.2020.rule.critical.visit-types       | INPATIENT,DAYCARE                        | 370323.2020.rule.critical.visit-types | unknown visit type 'DAYCARE'
        unknown hospital level         | 371371.2017.rule.basic-essential-drugs.hospital-levels | CLINIC                        | 371371.2017.rule.basic-essential-drugs.hospital-levels | unknown hospital level 'CLINIC'
        unknown kind                   | 370323.2020.rule.commercial.kind            | MANUAL                                   | 370323.2020.rule.commercial.kind   | unknown rule kind 'MANUAL'
        unknown base                   | 370323.2020.rule.critical.base              | TOTAL                                    | 370323.2020.rule.critical.base     | Unknown base 'TOTAL'
        unknown item category in base  | 371371.2017.rule.reduction-free-fees.base   | ITEMS:REGISTRATION,FOOD                  | 371371.2017.rule.reduction-free-fees.base | 'FOOD'
        malformed disease code         | 371371.2017.rule.basic-essential-drugs.chronic-diseases | HYPERTENSION,high-blood      | 371371.2017.rule.basic-essential-drugs.chronic-diseases | not a disease code
        rule fund not among the funds  | 620422.2018.rule.assistance-backstop.fund   | RE_ASSISTANCE                            | 620422.2018.rule.assistance-backstop.fund | not among the funds
        two EXTERNAL rules for a fund  | 370323.2020.rule.commercial.fund            | HOSPITAL_REDUCTION                       | 370323.2020.rule.commercial.kind   | at most one EXTERNAL rule
        segments on an EXTERNAL rule   | 370323.2020.rule.basic.segments             | 0-:1                                     | 370323.2020.rule.basic.segments    | only TIERED rules
        cap on a TARGET_RATIO rule     | 620422.2018.rule.critical-chronic-85.cap    | 1000                                     | 620422.2018.rule.critical-chronic-85.cap | only TIERED rules
        target ratio on a TIERED rule  | 370323.2020.rule.critical.target-ratio      | 0.9                                      | 370323.2020.rule.critical.target-ratio | only TARGET_RATIO rules
        shared cap declared twice, differently | 371371.2017.rule.critical-special-drug.cap | 400000                             | 371371.2017.rule.critical-special-drug.cap | differs from the cap 500000
        later group rule is a subset of an earlier one | 370323.2020.rule.assistance-low-income.categories | DIBAO              | 370323.2020.rule.assistance-low-income.group | can never apply
        later group rule covered by two earlier ones   | 370323.2020.rule.assistance-illness-poverty.categories | TEKUN,LOW_INCOME | 370323.2020.rule.assistance-illness-poverty.group | can never apply
        rule id listed twice           | 620422.2018.rules                           | basic,critical,critical-chronic-85,assistance-backstop,basic | 620422.2018.rules | listed twice
        rule id with capitals          | 620422.2018.rules                           | basic,critical,Critical-85,assistance-backstop | 620422.2018.rules        | lowercase letters
        group name with capitals       | 370323.2020.rule.assistance-tekun-dibao.group | Assistance                             | 370323.2020.rule.assistance-tekun-dibao.group | lowercase letters
        county code not 6 digits       | counties                                    | 370323,62042X,371371                     | counties                           | not a 6-digit county code
        year not a year                | policy.620422.years                         | 2018,18                                  | policy.620422.years                | not a year
        """)
    void reportsTheKeyToFix(String name, String key, String value, String problemKey, String message) {
        PolicyConfigurationException.Problem problem = onlyProblem(Map.of(full(key), value));
        assertEquals(full(problemKey), problem.key(), problem.toString());
        assertTrue(problem.message().contains(message), problem.toString());
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource(textBlock = """
        counties
        policy.370323.name
        policy.370323.years
        policy.370323.2020.funds
        policy.370323.2020.rules
        policy.370323.2020.rule.critical.fund
        policy.370323.2020.rule.critical.kind
        policy.370323.2020.rule.critical.segments
        policy.620422.2018.rule.critical-chronic-85.target-ratio
        """)
    void reportsAMissingRequiredKey(String key) {
        PolicyConfigurationException.Problem problem = onlyProblem(Map.of(full(key), ""));
        assertEquals(full(key), problem.key());
        assertTrue(problem.message().startsWith("missing"), problem.toString());
    }

    @Test
    void aRuleListedWithoutParametersIsMissingItsRequiredKeys() {
        PolicyConfigurationException failure = assertThrows(PolicyConfigurationException.class,
                () -> ShippedPolicies.read(Map.of(HUINING + "rules", "basic,critical,critical-chronic-85,"
                        + "assistance-backstop,dental")));
        assertEquals(Set.of(HUINING + "rule.dental.fund", HUINING + "rule.dental.kind"),
                Set.copyOf(failure.problems().stream().map(PolicyConfigurationException.Problem::key).toList()));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(YIYUAN + "rule.critical.segments", "0-5000:0, 6000-:0.65");
        overrides.put(HUINING + "rule.critical-chronic-85.target-ratio", "85");
        overrides.put(LINYI + "rule.reduction-inpatient.kind", "FIXED");
        PolicyConfigurationException failure =
                assertThrows(PolicyConfigurationException.class, () -> ShippedPolicies.read(overrides));

        assertEquals(overrides.keySet(),
                Set.copyOf(failure.problems().stream().map(PolicyConfigurationException.Problem::key).toList()));
        for (String key : overrides.keySet()) {
            assertTrue(failure.getMessage().contains(key), failure.getMessage());
        }
    }

    @Test
    void aLaterGroupRuleThatCanStillApplyIsAccepted() {
        // Subset of the DIBAO rule's categories, but also for chronic outpatients, where the DIBAO rule is not.
        List<Policy> policies = ShippedPolicies.read(Map.of(
                YIYUAN + "rule.assistance-low-income.categories", "DIBAO",
                YIYUAN + "rule.assistance-low-income.visit-types", "INPATIENT,OUTPATIENT_CHRONIC"));
        assertEquals(3, policies.size());
    }

    @Test
    void anOverrideChangesTheParameterAndTheFingerprint() {
        Policy shipped = ShippedPolicies.yiyuan2020();
        Policy overridden = ShippedPolicies.read(Map.of(YIYUAN + "rule.re-assistance.cap", "25000")).get(0);

        assertEquals(0, new BigDecimal("25000").compareTo(overridden.rule("re-assistance").orElseThrow().cap()));
        assertNotEquals(shipped.fingerprint(), overridden.fingerprint());
        assertEquals(ShippedPolicies.linyi2017().fingerprint(),
                ShippedPolicies.read(Map.of(YIYUAN + "rule.re-assistance.cap", "25000")).get(2).fingerprint(),
                "other counties keep theirs");
    }

    @Test
    void theFingerprintDependsOnTheParametersOnly() {
        Policy shipped = ShippedPolicies.yiyuan2020();
        assertTrue(shipped.fingerprint().matches("[0-9a-f]{64}"), shipped.fingerprint());
        assertEquals(shipped.fingerprint(), ShippedPolicies.read(Map.of()).get(0).fingerprint());

        Policy sameParameters = ShippedPolicies.read(Map.of(
                YIYUAN + "rule.critical.segments", "0-5000.00:0,5000-100000:0.650,100000-300000:0.75,300000-:0.85",
                YIYUAN + "rule.critical.visit-types", "outpatient_chronic, INPATIENT",
                YIYUAN + "rule.assistance-low-income.categories", "TEMPORARY,INSTANT_AID,REGISTERED_POOR,LOW_INCOME,DIBAO_EDGE",
                YIYUAN + "rule.re-assistance.cap", "20000.00")).get(0);
        assertEquals(shipped.fingerprint(), sameParameters.fingerprint());

        Policy otherRatio = ShippedPolicies.read(Map.of(
                YIYUAN + "rule.critical.segments", "0-5000:0,5000-100000:0.66,100000-300000:0.75,300000-:0.85")).get(0);
        assertNotEquals(shipped.fingerprint(), otherRatio.fingerprint());
        Policy otherName = ShippedPolicies.read(Map.of("yidan.policy.370323.name", "Yiyuan")).get(0);
        assertNotEquals(shipped.fingerprint(), otherName.fingerprint());
        assertEquals(3, ShippedPolicies.all().stream().map(Policy::fingerprint).distinct().count());
    }

    @Test
    void noneAndAnyLiftALimitExplicitly() {
        Policy policy = ShippedPolicies.read(Map.of(
                YIYUAN + "rule.re-assistance.cap", "none",
                YIYUAN + "rule.assistance-illness-poverty.categories", "ANY",
                YIYUAN + "rule.critical-special-drug.cap", "")).get(0);

        assertNull(policy.rule("re-assistance").orElseThrow().cap());
        assertNull(policy.rule("critical-special-drug").orElseThrow().cap());
        assertTrue(policy.rule("assistance-illness-poverty").orElseThrow().categories().isEmpty());
    }

    @Test
    void aCountyCanBeDisabled() {
        assertEquals(List.of("620422/2018"),
                ShippedPolicies.read(Map.of("yidan.counties", "620422")).stream().map(Policy::id).toList());
    }

    private static PolicyConfigurationException.Problem onlyProblem(Map<String, String> overrides) {
        PolicyConfigurationException failure =
                assertThrows(PolicyConfigurationException.class, () -> ShippedPolicies.read(overrides));
        assertEquals(1, failure.problems().size(), failure.getMessage());
        return failure.problems().get(0);
    }

    private static String full(String key) {
        return key.startsWith("counties") ? "yidan." + key
                : key.startsWith("policy.") ? "yidan." + key : "yidan.policy." + key;
    }
}
