package org.yidan.clearing.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A statement as the REST contract and the screens show it; {@code lines} empty in lists. */
public record StatementView(long id, String county, String fund, String hospitalCode, String hospitalName,
                            String period, Statement.Status status, int lineCount, BigDecimal total,
                            BigDecimal prepaymentApplied, BigDecimal heldBack, BigDecimal payable,
                            OffsetDateTime generatedAt, OffsetDateTime confirmedAt, String confirmedBy,
                            LocalDate paidOn, String paidReference, BigDecimal paidAmount,
                            List<Line> lines) implements Serializable {

    /** One entry's amount for this statement's fund. */
    public record Line(String receiptNo, String entryType, String feeMonth, BigDecimal amount, String personName,
                       String idNumber, LocalDate dischargeDate) implements Serializable {
    }

    /**
     * What reversals took back beyond the period's settlements (its total below zero): applied as a negative
     * prepayment, so the hospital's prepayment balance grows by it and later statements deduct it; zero otherwise.
     * The statement says so in words: a negative "冲抵预拨" alone does not tell the hospital it owes that sum.
     */
    public BigDecimal creditCarriedForward() {
        return prepaymentApplied == null || prepaymentApplied.signum() >= 0 ? BigDecimal.ZERO.setScale(2)
                : prepaymentApplied.negate();
    }

    /** The status as the printed statement and its export say it. */
    public String statusName() {
        return switch (status) {
            case DRAFT -> "草稿（未确认）";
            case CONFIRMED -> "已确认";
            case PAID -> "已拨付";
        };
    }

    public static StatementView of(Statement s, String hospitalName, List<Line> lines) {
        return new StatementView(s.getId(), s.getCounty(), s.getFund(), s.getHospitalCode(), hospitalName,
                s.getPeriod(), s.getStatus(), s.getLineCount(), s.getTotal(), s.getPrepaymentApplied(),
                s.getHeldBack(), s.getPayable(), s.getGeneratedAt(), s.getConfirmedAt(), s.getConfirmedBy(),
                s.getPaidOn(), s.getPaidReference(), s.getPaidAmount(), lines);
    }
}
