package org.yidan.clearing.entity;

import java.io.Serializable;
import java.math.BigDecimal;

/** A statement's figures: {@code payable + heldBack + prepaymentApplied = total}. */
public record Figures(int lineCount, BigDecimal total, BigDecimal heldBack, BigDecimal prepaymentApplied,
                      BigDecimal payable) implements Serializable {
}
