package org.yidan.receipts.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the one-receipt (一单制结算单) prints, already in the words and figures the counter reads out: the
 * settlement service fills it from a stored settlement, the receipt renderers only lay it out.
 *
 * <p>The figures must add up — the fund total is the sum of the lines and the self-pay is the total less the fund
 * total — because a receipt that contradicts itself must never reach a beneficiary.
 *
 * @param countyCode              administrative division code of the county, e.g. 370323
 * @param countyName              e.g. 沂源县; the title reads 「沂源县医疗保障一站式结算单」
 * @param receiptNo               e.g. 370323-20200510-000001
 * @param status                  settled, or reversed (冲销) later
 * @param reversal                when and why it was reversed; present exactly when {@code status} is REVERSED
 * @param personName              the beneficiary's name
 * @param maskedIdNumber          the ID number as it may be printed, e.g. 370323********0215
 * @param categories              the person's categories as one text, e.g. 低保对象、脱贫人口
 * @param hospital                the institution's name, or its code when the name is unknown
 * @param hospitalLevel           Chinese label, e.g. 县级医疗机构
 * @param visitType               Chinese label, e.g. 住院
 * @param admissionDate           admission date, or the visit date of an outpatient bill
 * @param dischargeDate           discharge date; {@code null} for an outpatient bill
 * @param totalAmount             医疗总费用
 * @param policyScopeAmount       政策范围内费用
 * @param specialDrugAmount       特药费用
 * @param lines                   one line per fund, in the order the county settles them
 * @param fundTotal               各项基金支付合计
 * @param selfPay                 个人自付
 * @param clerk                   who settled it at the counter (经办人)
 * @param settledAt               when it was settled; printed in China Standard Time
 * @param verificationCode        short code that lets anyone check the receipt against the system (校验码)
 * @param policyLabel             the policy the amounts were computed with, e.g. 370323/2020
 * @param policyFingerprintPrefix the first characters of that policy's fingerprint
 */
public record ReceiptDocument(
        String countyCode,
        String countyName,
        String receiptNo,
        Status status,
        Reversal reversal,
        String personName,
        String maskedIdNumber,
        String categories,
        String hospital,
        String hospitalLevel,
        String visitType,
        LocalDate admissionDate,
        LocalDate dischargeDate,
        BigDecimal totalAmount,
        BigDecimal policyScopeAmount,
        BigDecimal specialDrugAmount,
        List<Line> lines,
        BigDecimal fundTotal,
        BigDecimal selfPay,
        Clerk clerk,
        OffsetDateTime settledAt,
        String verificationCode,
        String policyLabel,
        String policyFingerprintPrefix) implements Serializable {

    /** Whether the settlement still stands. */
    public enum Status {
        SETTLED,
        /** 已冲销: the settlement was reversed; the receipt is void and says so. */
        REVERSED
    }

    /** The reversal of a settlement (冲销). */
    public record Reversal(OffsetDateTime reversedAt, String reason) implements Serializable {
        public Reversal {
            Objects.requireNonNull(reversedAt, "reversedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What one fund pays.
     *
     * @param fundCode     e.g. CRITICAL
     * @param fundName     e.g. 大病保险
     * @param amount       what it pays, 0.00 included: the beneficiary sees that it was considered
     * @param explanations the rule steps in chain order, one Chinese sentence each
     */
    public record Line(String fundCode, String fundName, BigDecimal amount, List<String> explanations) implements Serializable {
        public Line {
            Objects.requireNonNull(fundCode, "fundCode");
            Objects.requireNonNull(fundName, "fundName");
            Objects.requireNonNull(amount, "amount");
            explanations = List.copyOf(explanations);
        }
    }

    /** The clerk (经办人) as printed: display name and user name. */
    public record Clerk(String displayName, String userName) implements Serializable {
        public Clerk {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(userName, "userName");
        }
    }

    public ReceiptDocument {
        Objects.requireNonNull(countyName, "countyName");
        Objects.requireNonNull(receiptNo, "receiptNo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(maskedIdNumber, "maskedIdNumber");
        Objects.requireNonNull(admissionDate, "admissionDate");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(policyScopeAmount, "policyScopeAmount");
        Objects.requireNonNull(specialDrugAmount, "specialDrugAmount");
        Objects.requireNonNull(fundTotal, "fundTotal");
        Objects.requireNonNull(selfPay, "selfPay");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(settledAt, "settledAt");
        lines = List.copyOf(lines);
        if ((status == Status.REVERSED) != (reversal != null)) {
            throw new IllegalArgumentException("a reversal is given exactly for a REVERSED receipt: " + receiptNo);
        }
        BigDecimal sumOfLines = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sumOfLines.compareTo(fundTotal) != 0) {
            throw new IllegalArgumentException("receipt " + receiptNo + ": the fund lines add up to " + sumOfLines
                    + ", not to the fund total " + fundTotal);
        }
        if (totalAmount.subtract(fundTotal).compareTo(selfPay) != 0) {
            throw new IllegalArgumentException("receipt " + receiptNo + ": total " + totalAmount + " less funds "
                    + fundTotal + " is not the self-pay " + selfPay);
        }
    }

    public boolean reversed() {
        return status == Status.REVERSED;
    }
}
