package org.yidan.ledger.control;

import org.yidan.platform.control.RefusedException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.regex.Pattern;

/** Clearing periods: months written {@code YYYY-MM}, which sort as text in time order. */
public final class Periods {

    public static final String PERIOD_INVALID = "PERIOD_INVALID";
    public static final String PERIOD_NOT_ENDED = "PERIOD_NOT_ENDED";

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    private Periods() {
    }

    /** @throws RefusedException 422 {@code PERIOD_INVALID} unless {@code text} is a month {@code YYYY-MM} */
    public static YearMonth parse(String field, String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            throw RefusedException.unprocessable(PERIOD_INVALID, field,
                    "A period is a month written YYYY-MM, not '" + text + "'.");
        }
        return YearMonth.parse(text);
    }

    /** @throws RefusedException 422 {@code PERIOD_NOT_ENDED} unless the month ended before {@code today} */
    public static void requireEnded(YearMonth period, LocalDate today) {
        if (!period.atEndOfMonth().isBefore(today)) {
            throw RefusedException.unprocessable(PERIOD_NOT_ENDED, "period",
                    "The period " + period + " has not ended yet; its statements can be generated from "
                            + period.plusMonths(1).atDay(1) + ".");
        }
    }

    /**
     * The period an entry goes to: its fee month, or when that month's statement was already confirmed, the first
     * later month whose statement is not.
     *
     * @param closed the months whose statement (same county, fund and hospital) is confirmed or paid
     */
    public static String assign(String feeMonth, Set<String> closed) {
        YearMonth month = YearMonth.parse(feeMonth);
        while (closed.contains(month.toString())) {
            month = month.plusMonths(1);
        }
        return month.toString();
    }
}
