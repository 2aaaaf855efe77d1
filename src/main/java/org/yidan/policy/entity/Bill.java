package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * One bill to settle, as the hospital sends it. Amounts in yuan; the calculator refuses bad values
 * ({@code SettlementCalculator.validate}) rather than this constructor, so that every problem gets its code.
 *
 * @param totalAmount       医疗总费用, everything billed
 * @param policyScopeAmount 政策范围内(合规)费用, the part the funds may cover
 * @param specialDrugAmount 大病保险特药, part of the total but outside the policy scope; {@code null} reads as 0
 * @param items             itemisation inside the policy scope; {@code null} reads as none
 * @param externalPayments  amounts adjudicated by outside systems for the fund's {@code EXTERNAL} rule;
 *                          {@code null} reads as none
 */
public record Bill(VisitType visitType, Hospital hospital, LocalDate admissionDate, LocalDate dischargeDate,
                   BigDecimal totalAmount, BigDecimal policyScopeAmount, BigDecimal specialDrugAmount,
                   List<BillItem> items, Map<Fund, BigDecimal> externalPayments) {

    public Bill {
        specialDrugAmount = specialDrugAmount == null ? BigDecimal.ZERO : specialDrugAmount;
        items = items == null ? List.of() : List.copyOf(items);
        TreeMap<Fund, BigDecimal> external = new TreeMap<>();
        if (externalPayments != null) {
            external.putAll(externalPayments);
        }
        externalPayments = Collections.unmodifiableMap(external);
    }

    /** The level of the treating hospital, {@code null} when the bill names no hospital. */
    public HospitalLevel hospitalLevel() {
        return hospital == null ? null : hospital.level();
    }
}
