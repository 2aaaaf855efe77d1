package org.yidan.settlement.control;

import java.math.BigDecimal;

/**
 * One rule's annual accumulator as the counter and the API show it: base and paid this year, and
 * what the cap still allows ({@code null} cap: no cap).
 */
public record AccumulatorView(String rule, String fund, String fundName, BigDecimal base, BigDecimal paid,
                              BigDecimal cap, String capKey, BigDecimal capLeft) {
}
