package org.yidan.simulation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.Bills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.control.PolicyConfigReader;
import org.yidan.policy.control.SettlementCalculator;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.VisitType;
import org.yidan.reports.control.Target;
import org.yidan.reports.control.TargetCatalog;

/** The what-if replay over 沂源 2020 with figures worked by hand (policy.md, "Worked examples"). */
class ReplayTest {

    private static final String A = "370323195803120215";
    private static final String B = "370323196001010011";
    private static final String C = "370323197002020022";
    private static final String LOWER_DEDUCTIBLE = "0-4000:0, 4000-100000:0.65, 100000-300000:0.75, 300000-:0.85";

    private final Replay replay = new Replay(new SettlementCalculator());
    private final Policy yiyuan = ShippedPolicies.yiyuan2020();

    /**
     * A (DIBAO): the two worked examples. B (registered poor): a general outpatient bill no critical-illness rule
     * covers, and a small stay under both deductibles. C (registered poor): a stay whose scope left after basic
     * insurance is 4,500: under 5,000 but above 4,000.
     */
    private static List<ReplayBill> bills() {
        PersonSnapshot dibao = PersonSnapshot.of(EnumSet.of(PersonCategory.DIBAO), Set.of());
        PersonSnapshot poor = PersonSnapshot.of(EnumSet.of(PersonCategory.REGISTERED_POOR), Set.of());
        List<ReplayBill> bills = new ArrayList<>();
        // listed out of discharge order on purpose: the replay orders them
        bills.add(new ReplayBill("R2", A, dibao, Bills.of(VisitType.INPATIENT).discharged("2020-09-10")
                .total("20000").scope("18000").external(Fund.BASIC, "9000").build()));
        bills.add(new ReplayBill("R1", A, dibao, Bills.of(VisitType.INPATIENT).discharged("2020-05-10")
                .total("60000").scope("50000").external(Fund.BASIC, "30000").build()));
        bills.add(new ReplayBill("R3", B, poor, Bills.of(VisitType.OUTPATIENT_GENERAL).discharged("2020-03-01")
                .total("800").scope("600").external(Fund.BASIC, "300").build()));
        bills.add(new ReplayBill("R4", B, poor, Bills.of(VisitType.INPATIENT).discharged("2020-06-01")
                .total("3500").scope("3000").external(Fund.BASIC, "1500").build()));
        bills.add(new ReplayBill("R5", C, poor, Bills.of(VisitType.INPATIENT).discharged("2020-07-01")
                .total("10000").scope("9000").external(Fund.BASIC, "4500").build()));
        return bills;
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    private DraftPolicy draft(Map<String, String> overrides) {
        return DraftPolicy.read(ShippedPolicies.config(Map.of()), "370323", 2020, overrides);
    }

    @Test
    void noOverrideReproducesTheBaselineAndTheWorkedExamples() {
        DraftPolicy unchanged = draft(Map.of());
        assertEquals(yiyuan.fingerprint(), unchanged.policy().fingerprint());
        List<Integer> seen = new ArrayList<>();
        SimulationResult result = replay.run(yiyuan, unchanged.policy(), bills(), List.of(),
                (done, total) -> seen.add(done));
        assertEquals(result.baseline(), result.draft());
        assertEquals(List.of(), result.largestChanges());
        assertTrue(result.difference().funds().values().stream().allMatch(amount -> amount.signum() == 0));

        Summary baseline = result.baseline();
        assertEquals(5, baseline.settlements());
        assertEquals(3, baseline.persons());
        // A: 47,950.00 + 17,370.00 (worked examples 1 and 2); B: 300 + 1,500; C: 4,500 basic only
        assertEquals(yuan("30000.00").add(yuan("9000.00")).add(yuan("300.00")).add(yuan("1500.00"))
                .add(yuan("4500.00")), baseline.funds().get("BASIC"));
        assertEquals(yuan("15600.00"), baseline.funds().get("CRITICAL"));
        assertEquals(yuan("10720.00"), baseline.funds().get("ASSISTANCE"));
        assertEquals(yuan("0.00"), baseline.funds().get("RE_ASSISTANCE"));
        assertEquals(yuan("71620.00"), baseline.fundTotal());
        // 12,050 + 2,630 + 500 + 2,000 + 5,500
        assertEquals(yuan("22680.00"), baseline.selfPay());
        assertEquals(yuan("94300.00"), baseline.totalAmount());
        assertEquals(yuan("0.7595"), baseline.actualRatio());
        assertEquals(List.of(0, 5), seen);
    }

    @Test
    void loweringTheCriticalIllnessDeductibleChangesOnlyWhatItShould() {
        DraftPolicy lower = draft(Map.of("rule.critical.segments", LOWER_DEDUCTIBLE));
        SimulationResult result = replay.run(yiyuan, lower.policy(), bills(), List.of(), (done, total) -> true);

        // A, bill 1: critical 16,000 × 0.65 = 10,400 (was 9,750); assistance (20,000 − 10,400) × 0.80 = 7,680 (was
        // 8,200); self-pay 60,000 − 30,000 − 10,400 − 7,680 = 11,920 (was 12,050). Bill 2 unchanged: critical
        // 9,000 × 0.65 = 5,850, assistance 3,150 × 0.80 = 2,520. C: critical 500 × 0.65 = 325 (was 0); assistance
        // and re-assistance stay under their deductibles. B: unchanged.
        SimulationResult.Difference difference = result.difference();
        assertEquals(yuan("975.00"), difference.funds().get("CRITICAL"));
        assertEquals(yuan("-520.00"), difference.funds().get("ASSISTANCE"));
        for (String unchanged : List.of("BASIC", "HOSPITAL_REDUCTION", "COMMERCIAL", "RE_ASSISTANCE")) {
            assertEquals(0, difference.funds().get(unchanged).signum(), unchanged);
        }
        assertEquals(yuan("455.00"), difference.fundTotal());
        assertEquals(yuan("-455.00"), difference.selfPay());
        assertEquals(yuan("16575.00"), result.draft().funds().get("CRITICAL"));
        assertEquals(yuan("22225.00"), result.draft().selfPay());
        assertEquals(2, result.draft().betterOff());
        assertEquals(0, result.draft().worseOff());

        List<SimulationResult.Change> changes = result.largestChanges();
        assertEquals(2, changes.size());
        assertEquals("370323********0022", changes.get(0).idNumber());
        assertEquals(yuan("5500.00"), changes.get(0).baselineSelfPay());
        assertEquals(yuan("5175.00"), changes.get(0).draftSelfPay());
        assertEquals(yuan("-325.00"), changes.get(0).change());
        assertEquals("370323********0215", changes.get(1).idNumber());
        assertEquals(yuan("-130.00"), changes.get(1).change());

        // C's 5,500 → 5,175 stays in [5,000, 10,000), A's 12,050 → 11,920 in [10,000, 20,000): same counts
        assertEquals(result.baseline().selfPayDistribution(), result.draft().selfPayDistribution());
    }

    /** The current policy on a second thread beside the draft gives the very result of one thread. */
    @Test
    void bothPoliciesOnTwoThreadsGiveTheSameResultAsOnOne() {
        DraftPolicy lower = draft(Map.of("rule.critical.segments", LOWER_DEDUCTIBLE));
        java.util.concurrent.ExecutorService second = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            SimulationResult twoThreads = new Replay(new SettlementCalculator(), second).run(yiyuan, lower.policy(),
                    bills(), List.of(), (done, total) -> true);
            assertEquals(replay.run(yiyuan, lower.policy(), bills(), List.of(), (done, total) -> true), twoThreads);
            assertEquals(yuan("975.00"), twoThreads.difference().funds().get("CRITICAL"));
            assertThrows(Replay.Cancelled.class, () -> new Replay(new SettlementCalculator(), second).run(yiyuan,
                    yiyuan, bills(), List.of(), (done, total) -> false));
        } finally {
            second.shutdownNow();
        }
    }

    @Test
    void aReplayCanBeCancelled() {
        assertThrows(Replay.Cancelled.class, () -> replay.run(yiyuan, yiyuan, bills(), List.of(),
                (done, total) -> false));
    }

    /**
     * The targets are the reports': read by {@link TargetCatalog} from the reports' keys and measured with the
     * reports' ratio definitions (scope ratio = fund total ÷ policy scope), on each target's slice.
     */
    @Test
    void theReportsTargetsAreMeasuredPerSliceAsTheReportMeasuresThem() {
        Map<String, String> keys = new HashMap<>();
        String p = "yidan.report.370323.2020.";
        keys.put(p + "targets", "inpatient, dibao-scope, poor-inpatient, county-level");
        keys.put(p + "target.inpatient.ratio", "actualRatio");
        keys.put(p + "target.inpatient.slice", "visitType:INPATIENT");
        keys.put(p + "target.inpatient.bound", "FLOOR");
        keys.put(p + "target.inpatient.value", "0.80");
        keys.put(p + "target.dibao-scope.ratio", "scopeRatio");
        keys.put(p + "target.dibao-scope.slice", "category:DIBAO");
        keys.put(p + "target.dibao-scope.bound", "FLOOR");
        keys.put(p + "target.dibao-scope.value", "0.90");
        keys.put(p + "target.poor-inpatient.ratio", "actualRatio");
        keys.put(p + "target.poor-inpatient.slice", "category:REGISTERED_POOR/visitType:INPATIENT");
        keys.put(p + "target.poor-inpatient.bound", "CEILING");
        keys.put(p + "target.poor-inpatient.value", "0.40");
        keys.put(p + "target.county-level.ratio", "inCountyShare");
        keys.put(p + "target.county-level.slice", "hospitalLevel:COUNTY");
        keys.put(p + "target.county-level.bound", "FLOOR");
        keys.put(p + "target.county-level.value", "0.9");
        keys.put(TargetCatalog.DEFAULT_CEILING_KEY, "0.90");
        List<Target> targets = TargetCatalog.load(key -> Optional.ofNullable(keys.get(key)), "370323", 2020);
        SimulationResult result = replay.run(yiyuan, yiyuan, bills(), targets, (done, total) -> true);
        assertTrue(result.targetsConfigured());
        List<Summary.TargetResult> attained = result.baseline().targets();
        assertEquals(targets, attained.stream().map(Summary.TargetResult::target).toList(), "the report's targets");
        assertEquals("住院实际补偿比", attained.get(0).target().name());
        // inpatient: funds 71,620 − 300 (B's outpatient bill) over 94,300 − 800
        assertEquals(yuan("0.7628"), attained.get(0).actual());
        assertFalse(attained.get(0).met());
        // DIBAO (A): funds 47,950 + 17,370 over the policy scope 50,000 + 18,000, the report's scope ratio
        assertEquals(yuan("0.9606"), attained.get(1).actual());
        assertTrue(attained.get(1).met());
        // registered poor in hospital (B's stay, C's stay): funds 1,500 + 4,500 over 3,500 + 10,000
        assertEquals(yuan("0.4444"), attained.get(2).actual());
        assertFalse(attained.get(2).met());
        // every bill at an in-county county hospital
        assertEquals(yuan("1.0000"), attained.get(3).actual());
        // the product default ceiling on all settlements: 71,620 over 94,300
        assertEquals("actual-ratio-ceiling", attained.get(4).target().id());
        assertEquals(yuan("0.7595"), attained.get(4).actual());
        assertTrue(attained.get(4).met());

        // the draft is measured against the same targets: C's stay gets 325 more from the critical-illness fund
        SimulationResult lower = replay.run(yiyuan, draft(Map.of("rule.critical.segments", LOWER_DEDUCTIBLE)).policy(),
                bills(), targets, (done, total) -> true);
        assertEquals(yuan("0.4685"), lower.draft().targets().get(2).actual());
        assertEquals(yuan("0.4444"), lower.baseline().targets().get(2).actual());

        Map<String, String> none = Map.of(p + "targets", "", "yidan.report.370323.actual-ratio-ceiling", "none");
        assertFalse(replay.run(yiyuan, yiyuan, bills(), TargetCatalog.load(key -> Optional.ofNullable(none.get(key)),
                "370323", 2020), (done, total) -> true).targetsConfigured());
    }

    @Test
    void anInvalidDraftNamesEveryOffendingKey() {
        RefusedException refused = assertThrows(RefusedException.class, () -> draft(Map.of(
                "rule.critical.segments", "0-4000:0, 5000-:0.65",
                "rule.critical.capp", "1000",
                "rule.re-assistance.cap", "-5")));
        assertEquals(422, refused.status());
        assertEquals(DraftPolicy.INVALID_POLICY, refused.code());
        List<String> fields = refused.errors().stream().map(RefusedException.FieldError::field).toList();
        assertTrue(fields.contains("yidan.policy.370323.2020.rule.critical.segments"), fields.toString());
        assertTrue(fields.contains("yidan.policy.370323.2020.rule.critical.capp"), fields.toString());
        assertTrue(fields.contains("yidan.policy.370323.2020.rule.re-assistance.cap"), fields.toString());
    }

    @Test
    void rulesAreAddedAndRemovedThroughTheRuleList() {
        DraftPolicy without = draft(Map.of("rules", "basic,critical,critical-special-drug,assistance-tekun-dibao,"
                + "assistance-low-income,assistance-illness-poverty,hospital-reduction,commercial"));
        assertTrue(without.policy().rule("re-assistance").isEmpty());
        DraftPolicy added = draft(Map.of("rules", "basic,critical,critical-special-drug,assistance-tekun-dibao,"
                + "assistance-low-income,assistance-illness-poverty,hospital-reduction,commercial,re-assistance,extra",
                "rule.extra.fund", "RE_ASSISTANCE", "rule.extra.kind", "TARGET_RATIO", "rule.extra.target-ratio",
                "0.9"));
        assertTrue(added.policy().rule("extra").isPresent());
    }

    @Test
    void theDraftDeploysAsANewYearsPolicy() throws Exception {
        DraftPolicy lower = draft(Map.of("rule.critical.segments", LOWER_DEDUCTIBLE));
        Properties file = new Properties();
        file.load(new StringReader(lower.toProperties(2021, "测算 1")));
        Map<String, String> deployed = new HashMap<>();
        file.stringPropertyNames().forEach(key -> deployed.put(key, file.getProperty(key)));
        assertEquals(LOWER_DEDUCTIBLE, deployed.get("yidan.policy.370323.2021.rule.critical.segments"));
        deployed.put("yidan.policy.370323.years", "2020,2021");
        List<Policy> policies = ShippedPolicies.read(deployed);
        Policy next = policies.stream().filter(policy -> policy.id().equals("370323/2021")).findFirst().orElseThrow();
        assertEquals(lower.policy().rules(), next.rules());
        assertEquals(lower.policy().funds(), next.funds());
        assertTrue(PolicyConfigReader.read(ShippedPolicies.config(deployed)).size() > 1);
    }
}
