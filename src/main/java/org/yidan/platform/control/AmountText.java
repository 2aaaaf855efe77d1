package org.yidan.platform.control;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a clerk typed into an amount field, read strictly: a non-negative number of yuan with at most two
 * decimals, optionally grouped with commas ({@code 60,000.00}). Anything else is refused, never "repaired":
 * a field that turned {@code -5000} into 5,000.00 or {@code 12a34} into 1,234.00 settled a figure nobody typed.
 */
public final class AmountText {

    /** Up to ten digits of yuan (the columns are numeric(12,2)), commas only as thousands separators. */
    private static final Pattern AMOUNT = Pattern.compile("(?:\\d{1,10}|\\d{1,3}(?:,\\d{3}){1,3})(?:\\.\\d{1,2})?");

    private AmountText() {
    }

    /** Empty for a blank field; the amount at scale 2; or {@link IllegalArgumentException} when not an amount. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!AMOUNT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Not an amount: " + text);
        }
        BigDecimal amount = new BigDecimal(trimmed.replace(",", "")).setScale(2);
        if (amount.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw new IllegalArgumentException("Amount too large: " + text);
        }
        return Optional.of(amount);
    }

    /** How a field shows an amount it holds: plain digits with two decimals, which {@link #parse} reads back. */
    public static String format(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
