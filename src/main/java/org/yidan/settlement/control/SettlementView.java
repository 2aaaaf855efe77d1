package org.yidan.settlement.control;

import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.FundLine;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Step;
import org.yidan.policy.entity.StepOutcome;
import org.yidan.settlement.entity.LineEntry;
import org.yidan.settlement.entity.Settlement;
import org.yidan.settlement.entity.StepEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A settlement as the REST API, the counter screens and the printed receipt show it: a preview (not
 * stored, no receipt number) or a stored settlement. The facade returns it with the ID number as the caller may
 * see it ({@link #withIdNumber}); nobody masks it again.
 */
public record SettlementView(String receiptNo, String status, String county, String countyName, String policyId,
                             String policyFingerprint, String idNumber, String personName,
                             String hospitalCode, String hospitalLevel, boolean hospitalInCounty, String visitType,
                             LocalDate admissionDate, LocalDate dischargeDate, BigDecimal totalAmount,
                             BigDecimal policyScopeAmount, BigDecimal specialDrugAmount, List<Line> lines,
                             BigDecimal fundTotal, BigDecimal selfPay, OffsetDateTime settledAt, String settledBy,
                             String verificationCode, OffsetDateTime reversedAt, String reversedBy,
                             String reversalReason, List<String> personCategories, boolean uninsured) {

    public static final String PREVIEW = "PREVIEW";

    public record Line(String fund, String name, BigDecimal amount, List<StepLine> steps) {
    }

    /** One rule's step; {@code applied} false when the rule did not concern the patient (another category…). */
    public record StepLine(String rule, BigDecimal base, BigDecimal amount, String explanation, boolean applied) {
    }

    /** @param personCategories the codes of the categories the person holds on the discharge date */
    public static SettlementView preview(Policy policy, SettlementRequest request, String personName,
                                         List<String> personCategories, Calculation calculation) {
        List<Line> lines = calculation.lines().stream().map(SettlementView::line).toList();
        var bill = request.bill();
        return new SettlementView(null, PREVIEW, policy.county(), policy.countyName(), policy.id(),
                policy.fingerprint(), request.idNumber(), personName, bill.hospital().code(),
                bill.hospital().level().name(), bill.hospital().inCounty(), bill.visitType().name(),
                bill.admissionDate(), bill.dischargeDate(), bill.totalAmount(), bill.policyScopeAmount(),
                bill.specialDrugAmount(), lines, calculation.fundTotal(), calculation.selfPay(), null, null, null,
                null, null, null, personCategories, false);
    }

    public static SettlementView of(Settlement settlement, String countyName) {
        List<Line> lines = settlement.getLines().stream().map(line -> line(line, settlement.getSteps())).toList();
        return new SettlementView(settlement.getReceiptNo(), settlement.getStatus().name(), settlement.getCounty(),
                countyName, settlement.getCounty() + "/" + settlement.getPolicyYear(),
                settlement.getPolicyFingerprint(), settlement.getIdNumber(), settlement.getPersonName(),
                settlement.getHospitalCode(), settlement.getHospitalLevel().name(), settlement.isHospitalInCounty(),
                settlement.getVisitType().name(), settlement.getAdmissionDate(), settlement.getDischargeDate(),
                settlement.getTotalAmount(), settlement.getPolicyScopeAmount(), settlement.getSpecialDrugAmount(),
                lines, settlement.getFundTotal(), settlement.getSelfPay(), settlement.getSettledAt(),
                settlement.getSettledBy(), settlement.getVerificationCode(), settlement.getReversedAt(),
                settlement.getReversedBy(), settlement.getReversalReason(), settlement.getPersonCategories(),
                settlement.isUninsured());
    }

    private static Line line(FundLine line) {
        return new Line(line.fund().name(), line.name(), line.amount(), line.steps().stream()
                .map(SettlementView::step).toList());
    }

    private static StepLine step(Step step) {
        return new StepLine(step.ruleId(), step.base(), step.amount(), step.explanation(),
                step.outcome() == StepOutcome.APPLIED);
    }

    private static Line line(LineEntry line, List<StepEntry> steps) {
        return new Line(line.getFund(), DeclaredFunds.current().displayName(line.getFund()), line.getAmount(),
                steps.stream().filter(step -> step.getFund().equals(line.getFund()))
                        .map(step -> new StepLine(step.getRuleId(), step.getBaseAmount(), step.getAmount(),
                                step.getExplanation(), step.applied()))
                        .toList());
    }

    public boolean isReversed() {
        return "REVERSED".equals(status);
    }

    /** The same view with the ID number in another form, e.g. masked for a role that may not read it in full. */
    public SettlementView withIdNumber(String shownIdNumber) {
        return new SettlementView(receiptNo, status, county, countyName, policyId, policyFingerprint, shownIdNumber,
                personName, hospitalCode, hospitalLevel, hospitalInCounty, visitType, admissionDate, dischargeDate,
                totalAmount, policyScopeAmount, specialDrugAmount, lines, fundTotal, selfPay, settledAt, settledBy,
                verificationCode, reversedAt, reversedBy, reversalReason, personCategories, uninsured);
    }

    /** The same view with only one fund's line, for a fund officer (FUND_VIEWER). */
    public SettlementView onlyFund(String fund) {
        return new SettlementView(receiptNo, status, county, countyName, policyId, policyFingerprint, idNumber,
                personName, hospitalCode, hospitalLevel, hospitalInCounty, visitType, admissionDate, dischargeDate,
                totalAmount, policyScopeAmount, specialDrugAmount,
                lines.stream().filter(line -> line.fund().equals(fund)).toList(),
                fundTotal, selfPay, settledAt, settledBy, verificationCode, reversedAt, reversedBy, reversalReason,
                personCategories, uninsured);
    }
}
