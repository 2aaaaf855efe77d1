package org.yidan.watch.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-inspection rules (自查自纠, seed 004): settlements with no self-pay, an actual ratio above the county's
 * ceiling, a re-admission to the same hospital soon after a discharge (分解住院), and the stays of hospitals whose
 * average inpatient total is far above the county's. Pure: the boundary supplies the settlements.
 */
public final class ComplianceRules {

    private ComplianceRules() {
    }

    /**
     * @param bills settled bills discharged from {@code from − readmission days} to {@code to}: the earlier ones
     *              only serve to find re-admissions at the start of the period
     */
    public static List<Finding> check(List<SettledBill> bills, LocalDate from, LocalDate to, WatchSettings settings) {
        List<SettledBill> inPeriod = bills.stream()
                .filter(bill -> !bill.dischargeDate().isBefore(from) && !bill.dischargeDate().isAfter(to))
                .sorted(Comparator.comparing(SettledBill::dischargeDate).thenComparing(SettledBill::receiptNo))
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (SettledBill bill : inPeriod) {
            if (bill.selfPay().signum() == 0) {
                findings.add(finding(bill, Finding.Rule.ZERO_SELF_PAY, bill.totalAmount()));
            }
            if (settings.actualRatioCeiling() != null && bill.totalAmount().signum() > 0) {
                BigDecimal ratio = bill.fundTotal().divide(bill.totalAmount(), 4, RoundingMode.HALF_UP);
                if (ratio.compareTo(settings.actualRatioCeiling()) > 0) {
                    findings.add(finding(bill, Finding.Rule.RATIO_ABOVE_CEILING, ratio, settings.actualRatioCeiling()));
                }
            }
        }
        if (settings.readmissionDays() != null) {
            readmissions(bills, inPeriod, settings.readmissionDays(), findings);
        }
        if (settings.hospitalCostFactor() != null) {
            hospitalCost(inPeriod, settings.hospitalCostFactor(), findings);
        }
        findings.sort(Comparator.comparing(Finding::dischargeDate).thenComparing(Finding::receiptNo)
                .thenComparing(Finding::rule));
        return findings;
    }

    private static void readmissions(List<SettledBill> all, List<SettledBill> inPeriod, int days,
                                     List<Finding> findings) {
        Map<String, List<SettledBill>> stays = new HashMap<>();
        for (SettledBill bill : all) {
            if (bill.isInpatient()) {
                stays.computeIfAbsent(bill.idNumber() + "|" + bill.hospitalCode(), key -> new ArrayList<>()).add(bill);
            }
        }
        for (SettledBill bill : inPeriod) {
            if (!bill.isInpatient()) {
                continue;
            }
            SettledBill previous = null;
            for (SettledBill other : stays.get(bill.idNumber() + "|" + bill.hospitalCode())) {
                if (other != bill && !other.dischargeDate().isAfter(bill.admissionDate())
                        && (previous == null || other.dischargeDate().isAfter(previous.dischargeDate()))) {
                    previous = other;
                }
            }
            if (previous != null) {
                long gap = ChronoUnit.DAYS.between(previous.dischargeDate(), bill.admissionDate());
                if (gap <= days) {
                    findings.add(finding(bill, Finding.Rule.READMISSION, gap, previous.receiptNo(),
                            previous.dischargeDate(), days));
                }
            }
        }
    }

    private static void hospitalCost(List<SettledBill> inPeriod, BigDecimal factor, List<Finding> findings) {
        List<SettledBill> stays = inPeriod.stream().filter(SettledBill::isInpatient).toList();
        if (stays.isEmpty()) {
            return;
        }
        BigDecimal countyTotal = BigDecimal.ZERO;
        Map<String, List<SettledBill>> byHospital = new HashMap<>();
        for (SettledBill stay : stays) {
            countyTotal = countyTotal.add(stay.totalAmount());
            byHospital.computeIfAbsent(stay.hospitalCode(), code -> new ArrayList<>()).add(stay);
        }
        BigDecimal countyAverage = countyTotal.divide(BigDecimal.valueOf(stays.size()), 2, RoundingMode.HALF_UP);
        BigDecimal limit = countyAverage.multiply(factor);
        byHospital.forEach((hospital, own) -> {
            BigDecimal total = own.stream().map(SettledBill::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal average = total.divide(BigDecimal.valueOf(own.size()), 2, RoundingMode.HALF_UP);
            if (average.compareTo(limit) > 0) {
                for (SettledBill stay : own) {
                    findings.add(finding(stay, Finding.Rule.HOSPITAL_COST, hospital, average, countyAverage, factor));
                }
            }
        });
    }

    private static Finding finding(SettledBill bill, Finding.Rule rule, Object... args) {
        return new Finding(bill.receiptNo(), rule, bill.hospitalCode(), bill.dischargeDate(), List.of(args));
    }
}
