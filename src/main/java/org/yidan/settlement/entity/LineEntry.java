package org.yidan.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** One fund's line of a stored settlement. */
@Embeddable
public class LineEntry {

    @Column(nullable = false, length = 32)
    private String fund;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    protected LineEntry() {
    }

    public LineEntry(String fund, BigDecimal amount) {
        this.fund = fund;
        this.amount = amount;
    }

    public String getFund() {
        return fund;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
