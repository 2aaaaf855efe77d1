package org.yidan.watch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Each rule finds its planted case, and the near misses next to it are left alone. */
class ComplianceRulesTest {

    private static final LocalDate FROM = LocalDate.parse("2020-03-01");
    private static final LocalDate TO = LocalDate.parse("2020-03-31");
    private static final WatchSettings SETTINGS = new WatchSettings(null, null, new BigDecimal("0.90"), 15,
            new BigDecimal("1.5"));

    private static SettledBill bill(String receipt, String person, String hospital, String visitType, String admitted,
                                    String discharged, String total, String funds) {
        BigDecimal totalAmount = new BigDecimal(total);
        BigDecimal fundTotal = new BigDecimal(funds);
        return new SettledBill(receipt, person, hospital, visitType, LocalDate.parse(admitted),
                LocalDate.parse(discharged), totalAmount, fundTotal, totalAmount.subtract(fundTotal));
    }

    private static List<SettledBill> county() {
        return List.of(
                // before the period: only there to make B1 a re-admission 14 days (2020 is a leap year) after its discharge
                bill("B0", "X", "H1", "INPATIENT", "2020-02-10", "2020-02-20", "10000", "8000"),
                bill("B1", "X", "H1", "INPATIENT", "2020-03-05", "2020-03-10", "10000", "8000"),
                // 16 days between: not within 15
                bill("B2", "Y", "H1", "INPATIENT", "2020-03-01", "2020-03-05", "10000", "8000"),
                bill("B3", "Y", "H1", "INPATIENT", "2020-03-21", "2020-03-25", "10000", "8000"),
                // two days between, but another hospital
                bill("B4", "W", "H1", "INPATIENT", "2020-03-02", "2020-03-06", "10000", "8000"),
                bill("B5", "W", "H3", "INPATIENT", "2020-03-08", "2020-03-12", "10000", "8000"),
                // nothing to pay: zero self-pay, and so a ratio of 1 above the ceiling
                bill("Z", "V", "H1", "OUTPATIENT_GENERAL", "2020-03-03", "2020-03-03", "500", "500"),
                bill("R", "U", "H1", "OUTPATIENT_CHRONIC", "2020-03-04", "2020-03-04", "1000", "950"),
                // exactly at the ceiling
                bill("C", "T", "H1", "OUTPATIENT_CHRONIC", "2020-03-04", "2020-03-04", "1000", "900"),
                // H2's average 40,000 against the county's (5 × 10,000 + 40,000) / 6 = 15,000 × 1.5 = 22,500
                bill("H", "S", "H2", "INPATIENT", "2020-03-10", "2020-03-20", "40000", "30000"),
                // after the period
                bill("A", "V", "H1", "OUTPATIENT_GENERAL", "2020-04-01", "2020-04-01", "500", "500"));
    }

    private static Set<String> found(WatchSettings settings) {
        return ComplianceRules.check(county(), FROM, TO, settings).stream()
                .map(finding -> finding.receiptNo() + ":" + finding.rule()).collect(Collectors.toSet());
    }

    @Test
    void eachRuleFindsItsPlantedCaseAndNothingElse() {
        assertEquals(Set.of("B1:READMISSION", "Z:ZERO_SELF_PAY", "Z:RATIO_ABOVE_CEILING", "R:RATIO_ABOVE_CEILING",
                "H:HOSPITAL_COST"), found(SETTINGS));
    }

    @Test
    void theReasonCarriesTheFigures() {
        Finding readmission = ComplianceRules.check(county(), FROM, TO, SETTINGS).stream()
                .filter(finding -> finding.rule() == Finding.Rule.READMISSION).findFirst().orElseThrow();
        assertEquals(List.of(14L, "B0", LocalDate.parse("2020-02-20"), 15), readmission.args());
        Finding cost = ComplianceRules.check(county(), FROM, TO, SETTINGS).stream()
                .filter(finding -> finding.rule() == Finding.Rule.HOSPITAL_COST).findFirst().orElseThrow();
        assertEquals(List.of("H2", new BigDecimal("40000.00"), new BigDecimal("15000.00"), new BigDecimal("1.5")),
                cost.args());
    }

    @Test
    void unconfiguredRulesAreOff() {
        assertEquals(Set.of("Z:ZERO_SELF_PAY"), found(new WatchSettings(null, null, null, null, null)));
        // a window of 16 days catches Y's second stay too
        assertEquals(Set.of("Z:ZERO_SELF_PAY", "B1:READMISSION", "B3:READMISSION"),
                found(new WatchSettings(null, null, null, 16, null)));
    }

    @Test
    void settingsFallBackToTheProductDefaultsAndTheThresholdTakesTheLowerOfAmountAndIncomeShare() {
        Map<String, String> keys = Map.of("yidan.watch.readmission-days", "15",
                "yidan.watch.370323.self-pay-threshold", "20000", "yidan.watch.370323.income-share", "0.4");
        WatchSettings settings = WatchSettings.read(key -> Optional.ofNullable(keys.get(key)), "370323");
        assertEquals(15, settings.readmissionDays());
        assertEquals(new BigDecimal("20000"), settings.thresholdFor(null).orElseThrow());
        assertEquals(new BigDecimal("12000.00"), settings.thresholdFor(new BigDecimal("30000")).orElseThrow());
        assertEquals(new BigDecimal("20000"), settings.thresholdFor(new BigDecimal("60000")).orElseThrow());
        assertEquals(Optional.empty(), WatchSettings.read(key -> Optional.empty(), "370323").thresholdFor(null));
    }
}
