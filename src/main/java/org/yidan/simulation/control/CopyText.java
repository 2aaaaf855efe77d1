package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;

/**
 * Decodes one row of PostgreSQL's {@code COPY … TO STDOUT} in its text format (the default: fields separated by a tab,
 * {@code \N} for NULL, a backslash before a backslash, tab, newline, carriage return and the other control characters
 * PostgreSQL escapes as {@code \b \f \v}) into the values the JDBC driver would hand over for each column's
 * {@link Types type}: a {@link LocalDate}, a {@link BigDecimal}, a {@link Boolean}, a {@link Long} or {@link Integer},
 * otherwise the text. PostgreSQL sends it in UTF-8 (the JDBC driver sets {@code client_encoding}), in which no byte of
 * a multi-byte character is a tab or a backslash, so the row is split on bytes.
 *
 * <p>Written here rather than read through Commons CSV (the CSV format of COPY): measured on the what-if's 300,000
 * bills, Commons CSV's character-by-character lexer took more of the JVM's time than PostgreSQL saved by sending the
 * rows in one stream (issue 11).
 */
final class CopyText {

    private static final byte TAB = '\t';
    private static final byte NEWLINE = '\n';
    private static final byte BACKSLASH = '\\';
    /** Digits a {@code long} always holds. */
    private static final int LONG_DIGITS = 18;

    private final int[] types;

    /** @param types each column's {@link Types} code, in order */
    CopyText(int[] types) {
        this.types = types.clone();
    }

    /** @param row one row as COPY sends it, with or without its newline */
    Object[] decode(byte[] row) {
        int end = row.length > 0 && row[row.length - 1] == NEWLINE ? row.length - 1 : row.length;
        Object[] values = new Object[types.length];
        int start = 0;
        for (int column = 0; column < types.length; column++) {
            int stop = start;
            boolean escaped = false;
            while (stop < end && row[stop] != TAB) {
                if (row[stop] == BACKSLASH) {
                    escaped = true;
                    stop++; // the escaped byte is never the delimiter
                }
                stop++;
            }
            if (stop > end || (stop == end && column < types.length - 1)) {
                throw new IllegalStateException("A row of COPY has fewer than " + types.length + " columns: "
                        + new String(row, StandardCharsets.UTF_8));
            }
            values[column] = value(types[column], row, start, stop, escaped);
            start = stop + 1;
        }
        if (start <= end) {
            throw new IllegalStateException("A row of COPY has more than " + types.length + " columns: "
                    + new String(row, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Object value(int type, byte[] row, int from, int to, boolean escaped) {
        if (to - from == 2 && row[from] == BACKSLASH && row[from + 1] == 'N') {
            return null;
        }
        if (escaped) {
            return converted(type, unescaped(row, from, to));
        }
        return switch (type) {
            case Types.DATE -> date(row, from, to);
            case Types.NUMERIC, Types.DECIMAL -> decimal(row, from, to);
            case Types.BIT, Types.BOOLEAN -> to - from == 1 && row[from] == 't';
            default -> converted(type, new String(row, from, to - from, StandardCharsets.UTF_8));
        };
    }

    private static Object converted(int type, String text) {
        return switch (type) {
            case Types.DATE -> LocalDate.parse(text);
            case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(text);
            case Types.BIT, Types.BOOLEAN -> "t".equals(text);
            case Types.BIGINT -> Long.valueOf(text);
            case Types.INTEGER, Types.SMALLINT -> Integer.valueOf(text);
            default -> text;
        };
    }

    private static String unescaped(byte[] row, int from, int to) {
        byte[] bytes = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = row[i];
            if (b == BACKSLASH && i + 1 < to) {
                b = switch (row[++i]) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'v' -> 0x0B;
                    default -> row[i];
                };
            }
            bytes[length++] = b;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** {@code YYYY-MM-DD} (PostgreSQL's ISO date style, which the JDBC driver sets) read digit by digit. */
    private static LocalDate date(byte[] row, int from, int to) {
        if (to - from == 10 && row[from + 4] == '-' && row[from + 7] == '-') {
            int year = digits(row, from, from + 4);
            int month = digits(row, from + 5, from + 7);
            int day = digits(row, from + 8, to);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(new String(row, from, to - from, StandardCharsets.UTF_8));
    }

    /** -1 unless every byte is a digit. */
    private static int digits(byte[] row, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = row[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * A numeric as {@code [-]digits[.digits]} with at most {@link #LONG_DIGITS} digits, built from its unscaled
     * value (what the driver's own fast path does with the binary form); anything else through {@link BigDecimal}'s
     * parser.
     */
    private static BigDecimal decimal(byte[] row, int from, int to) {
        int i = from;
        boolean negative = i < to && row[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < to; i++) {
            byte b = row[i];
            if (b == '.' && scale < 0) {
                scale = 0;
            } else if (b >= '0' && b <= '9' && digits < LONG_DIGITS) {
                unscaled = unscaled * 10 + (b - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else {
                return new BigDecimal(new String(row, from, to - from, StandardCharsets.US_ASCII));
            }
        }
        if (digits == 0) {
            return new BigDecimal(new String(row, from, to - from, StandardCharsets.US_ASCII));
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }
}
