package org.yidan.ledger.control;

import org.yidan.platform.control.RefusedException;

import java.time.YearMonth;
import java.util.regex.Pattern;

/** The ledger's fee months, written {@code YYYY-MM} (api.md), which sort as text in time order. */
public final class Periods {

    public static final String PERIOD_INVALID = "PERIOD_INVALID";

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    private Periods() {
    }

    /** @throws RefusedException 422 {@code PERIOD_INVALID} unless {@code text} is a month {@code YYYY-MM} */
    public static YearMonth parse(String field, String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            throw RefusedException.unprocessable(PERIOD_INVALID, field,
                    "A month is written YYYY-MM, not '" + text + "'.");
        }
        return YearMonth.parse(text);
    }
}
