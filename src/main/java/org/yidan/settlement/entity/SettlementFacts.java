package org.yidan.settlement.entity;

import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.VisitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stored settlement is, for the components above settlement (ledger, clearing, reports) that observe
 * {@link SettlementSettled} and {@link SettlementReversed}: a copy, not the entity, so that nothing outside
 * settlement changes a settlement. Holds the full ID number: never shown as it is.
 *
 * @param personName       the person's name as stored with the settlement
 * @param personCategories the codes of the categories the person held on the discharge date, as stored
 * @param fundLines        each fund's amount, in the policy's order
 * @param township         the person's township as the registry knows it at settling (for the journal, which
 *                         would otherwise read the person again); null in a reversal's facts
 * @param standardTags     the person's standard tags at settling, sorted and comma-separated; null in a reversal's
 *                         facts (the reversal's entry copies the settlement's)
 */
public record SettlementFacts(String receiptNo, String county, int policyYear, String idNumber, String personName,
                              List<String> personCategories, String hospitalCode, HospitalLevel hospitalLevel,
                              boolean hospitalInCounty, VisitType visitType, LocalDate admissionDate,
                              LocalDate dischargeDate, BigDecimal totalAmount, BigDecimal policyScopeAmount,
                              BigDecimal specialDrugAmount, BigDecimal fundTotal, BigDecimal selfPay,
                              Map<String, BigDecimal> fundLines, OffsetDateTime settledAt, String settledBy,
                              String township, String standardTags) {

    public SettlementFacts {
        personCategories = List.copyOf(personCategories);
        fundLines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fundLines));
    }

    public static SettlementFacts of(Settlement settlement, String township, String standardTags) {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        settlement.getLines().forEach(line -> lines.put(line.getFund(), line.getAmount()));
        return new SettlementFacts(settlement.getReceiptNo(), settlement.getCounty(), settlement.getPolicyYear(),
                settlement.getIdNumber(), settlement.getPersonName(), settlement.getPersonCategories(),
                settlement.getHospitalCode(), settlement.getHospitalLevel(), settlement.isHospitalInCounty(),
                settlement.getVisitType(), settlement.getAdmissionDate(), settlement.getDischargeDate(),
                settlement.getTotalAmount(), settlement.getPolicyScopeAmount(), settlement.getSpecialDrugAmount(),
                settlement.getFundTotal(), settlement.getSelfPay(), lines, settlement.getSettledAt(),
                settlement.getSettledBy(), township, standardTags);
    }
}
