package org.yidan.clearing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A clearing statement (清算单): what one fund owes one hospital for one period of one county. Its lines are
 * the clearing lines assigned to that county, fund, hospital and period. DRAFT (may be regenerated) →
 * CONFIRMED (closed: never changes again) → PAID.
 * <p>
 * Always {@code payable + heldBack + prepaymentApplied = total}; a negative prepayment applied is an
 * overpayment the hospital carries forward as a credit.
 */
@Entity
@Table(name = "clearing_statement")
// ClearingAssignment's call for each booked entry (V25: locks, lookup and lines in one round trip), named so that
// EclipseLink reads its SQL text for parameters once, not on every settlement
@NamedNativeQuery(name = Statement.BOOK_LINES, query = "select clearing_book_lines(?1, ?2, ?3, ?4::jsonb, ?5, ?6, ?7)")
public class Statement {

    /**
     * An entry's clearing lines, each in the first of its candidate periods not confirmed: ?1 entry id, ?2 county,
     * ?3 hospital, ?4 the lock keys as a JSON array, ?5 funds, ?6 per fund its candidates joined by ' ', ?7 amounts.
     */
    public static final String BOOK_LINES = "Statement.bookLines";

    public enum Status { DRAFT, CONFIRMED, PAID }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String county;

    @Column(nullable = false, updatable = false)
    private String fund;

    @Column(name = "hospital_code", nullable = false, updatable = false)
    private String hospitalCode;

    @Column(nullable = false, updatable = false)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.DRAFT;

    @Column(name = "line_count", nullable = false)
    private int lineCount;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(name = "prepayment_applied", nullable = false)
    private BigDecimal prepaymentApplied;

    @Column(name = "held_back", nullable = false)
    private BigDecimal heldBack;

    @Column(nullable = false)
    private BigDecimal payable;

    @Column(name = "generated_at", nullable = false)
    private OffsetDateTime generatedAt;

    @Column(name = "generated_by", nullable = false)
    private String generatedBy;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "paid_reference")
    private String paidReference;

    @Column(name = "paid_amount")
    private BigDecimal paidAmount;

    @Column(name = "paid_by")
    private String paidBy;

    protected Statement() {
    }

    public Statement(String county, String fund, String hospitalCode, String period) {
        this.county = county;
        this.fund = fund;
        this.hospitalCode = hospitalCode;
        this.period = period;
    }

    public void refresh(Figures figures, OffsetDateTime at, String by) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("a confirmed statement never changes");
        }
        lineCount = figures.lineCount();
        total = figures.total();
        prepaymentApplied = figures.prepaymentApplied();
        heldBack = figures.heldBack();
        payable = figures.payable();
        generatedAt = at;
        generatedBy = by;
    }

    public Figures figures() {
        return new Figures(lineCount, total, heldBack, prepaymentApplied, payable);
    }

    public void confirm(OffsetDateTime at, String by) {
        status = Status.CONFIRMED;
        confirmedAt = at;
        confirmedBy = by;
    }

    public void pay(LocalDate on, String reference, BigDecimal amount, String by) {
        status = Status.PAID;
        paidOn = on;
        paidReference = reference;
        paidAmount = amount;
        paidBy = by;
    }

    public Long getId() {
        return id;
    }

    public String getCounty() {
        return county;
    }

    public String getFund() {
        return fund;
    }

    public String getHospitalCode() {
        return hospitalCode;
    }

    public String getPeriod() {
        return period.trim();
    }

    public Status getStatus() {
        return status;
    }

    public int getLineCount() {
        return lineCount;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getPrepaymentApplied() {
        return prepaymentApplied;
    }

    public BigDecimal getHeldBack() {
        return heldBack;
    }

    public BigDecimal getPayable() {
        return payable;
    }

    public OffsetDateTime getGeneratedAt() {
        return generatedAt;
    }

    public String getGeneratedBy() {
        return generatedBy;
    }

    public OffsetDateTime getConfirmedAt() {
        return confirmedAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getPaidReference() {
        return paidReference;
    }

    public BigDecimal getPaidAmount() {
        return paidAmount;
    }
}
