package org.yidan.policy.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule of the product: amounts in yuan at scale 2, rounded half-up to the fen (分).
 */
public final class Money {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final int SCALE = 2;
    public static final BigDecimal ZERO = new BigDecimal("0.00");
    /** The largest amount the database keeps ({@code numeric(14,2)}): input above it is refused, not overflowed. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private Money() {
    }

    /** Rounds half-up to the fen. */
    public static BigDecimal toFen(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }

    /**
     * An amount of at most two decimals in whole fen ({@code 12.3} → {@code 1230}), for sums kept as {@code long}s;
     * one with a digit beyond the fen (never valid, {@link #isValidAmount}) is refused with an ArithmeticException.
     */
    public static long inFen(BigDecimal amount) {
        return amount.movePointRight(SCALE).longValueExact();
    }

    /** Whole fen as yuan at scale 2: {@code 1230} → {@code 12.30}. */
    public static BigDecimal ofFen(long fen) {
        return BigDecimal.valueOf(fen, SCALE);
    }

    /** A valid input amount: present, not negative, no digit beyond the fen ({@code 1.50} and {@code 1.5} are fine). */
    public static boolean isValidAmount(BigDecimal amount) {
        return amount != null && amount.signum() >= 0
                && (amount.scale() <= SCALE || amount.stripTrailingZeros().scale() <= SCALE);
    }

    /** {@code 29000} → {@code 29,000.00}: how amounts are written on the receipt. */
    public static String format(BigDecimal amount) {
        BigDecimal fen = toFen(amount);
        if (fen.precision() > 17) {
            return group(fen.toPlainString());
        }
        // Every receipt line and explanation goes through here: digits straight from the long, one allocation.
        long value = fen.movePointRight(SCALE).longValue();
        long rest = Math.abs(value);
        char[] text = new char[32];
        int at = text.length;
        text[--at] = (char) ('0' + rest % 10);
        rest /= 10;
        text[--at] = (char) ('0' + rest % 10);
        rest /= 10;
        text[--at] = '.';
        int digits = 0;
        do {
            if (digits++ == 3) {
                text[--at] = ',';
                digits = 1;
            }
            text[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (value < 0) {
            text[--at] = '-';
        }
        return new String(text, at, text.length - at);
    }

    /** {@code 5000} → {@code 5,000}; {@code 1234.5} → {@code 1,234.5}: bounds of segments, without padding. */
    public static String formatBound(BigDecimal amount) {
        return group(amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString());
    }

    /** {@code 0.77482} → {@code 77.48%}: how reports and the what-if write a ratio of two sums. */
    public static String formatPercent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, ROUNDING) + "%";
    }

    /** {@code 0.65} → {@code 65%}. */
    public static String formatRatio(BigDecimal ratio) {
        BigDecimal percent = ratio.movePointRight(2);
        return (percent.signum() == 0 ? "0" : percent.stripTrailingZeros().toPlainString()) + "%";
    }

    private static String group(String plain) {
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        int digits = end - start;
        if (digits <= 3) {
            return plain;
        }
        StringBuilder grouped = new StringBuilder(plain.length() + digits / 3);
        grouped.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(plain.charAt(i));
        }
        grouped.append(plain, end, plain.length());
        return grouped.toString();
    }
}
