package org.yidan.clearing.control;

import org.yidan.platform.control.RefusedException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clearing period (清算期): a month written {@code YYYY-MM} (api.md "Months are YYYY-MM") or, for a fund a county
 * clears quarterly (back-office.md "a county may configure quarters per fund"), a quarter written {@code YYYY-Qn}.
 * Both forms are seven characters; within one form the text sorts in time order.
 */
public record ClearingPeriod(int year, int index, Length length) {

    public static final String PERIOD_INVALID = "PERIOD_INVALID";
    public static final String PERIOD_NOT_ENDED = "PERIOD_NOT_ENDED";

    private static final Pattern FORM = Pattern.compile("([0-9]{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    /** How long a fund's clearing period is in a county. */
    public enum Length {
        MONTH(1), QUARTER(3);

        private final int months;

        Length(int months) {
            this.months = months;
        }

        /**
         * Reads the configured value of {@code key} ({@code MONTH} or {@code QUARTER}, any case).
         *
         * @throws IllegalArgumentException naming the key and the values allowed
         */
        public static Length parse(String key, String text) {
            String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
            for (Length length : values()) {
                if (length.name().equals(value)) {
                    return length;
                }
            }
            throw new IllegalArgumentException(key + " must be MONTH or QUARTER, not '" + text + "'");
        }
    }

    public ClearingPeriod {
        int last = length == Length.MONTH ? 12 : 4;
        if (index < 1 || index > last) {
            throw new IllegalArgumentException(length + " " + index + " of " + year);
        }
    }

    /** @throws RefusedException 422 {@code PERIOD_INVALID} unless {@code text} is {@code YYYY-MM} or {@code YYYY-Qn} */
    public static ClearingPeriod parse(String field, String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw RefusedException.unprocessable(PERIOD_INVALID, field,
                    "A clearing period is a month written YYYY-MM or a quarter written YYYY-Qn (e.g. 2018-Q1),"
                            + " not '" + text + "'.");
        }
        int year = Integer.parseInt(matcher.group(1));
        return matcher.group(2) != null ? new ClearingPeriod(year, Integer.parseInt(matcher.group(2)), Length.MONTH)
                : new ClearingPeriod(year, Integer.parseInt(matcher.group(3)), Length.QUARTER);
    }

    /** The period of this length that contains {@code month}. */
    public static ClearingPeriod containing(YearMonth month, Length length) {
        return new ClearingPeriod(month.getYear(), (month.getMonthValue() - 1) / length.months + 1, length);
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (index - 1) * length.months + 1);
    }

    public YearMonth lastMonth() {
        return firstMonth().plusMonths(length.months - 1);
    }

    public ClearingPeriod next() {
        return containing(lastMonth().plusMonths(1), length);
    }

    /** The latest period of this length that has ended before {@code today}: what a screen offers first. */
    public static ClearingPeriod lastEnded(LocalDate today, Length length) {
        return containing(YearMonth.from(today), length).previous();
    }

    private ClearingPeriod previous() {
        return containing(firstMonth().minusMonths(1), length);
    }

    /** @throws RefusedException 422 {@code PERIOD_NOT_ENDED} unless the period's last day is before {@code today} */
    public void requireEnded(LocalDate today) {
        if (!lastMonth().atEndOfMonth().isBefore(today)) {
            throw RefusedException.unprocessable(PERIOD_NOT_ENDED, "period",
                    "The period " + this + " has not ended yet; its statements can be generated from "
                            + lastMonth().plusMonths(1).atDay(1) + ".");
        }
    }

    /**
     * @throws RefusedException 422 {@code PERIOD_INVALID} when the county clears the fund by the other length: a
     *                          fund's statements are all months or all quarters, never both for the same entries
     */
    public void requireLength(Length configured, String county, String fund) {
        if (length != configured) {
            ClearingPeriod example = containing(firstMonth(), configured);
            throw RefusedException.unprocessable(PERIOD_INVALID, "period", "County " + county + " clears " + fund
                    + " by " + configured.name().toLowerCase(Locale.ROOT) + ": write the period as " + example
                    + ", not " + this + ".");
        }
    }

    /**
     * The periods an entry may go to, in the order the rule tries them (back-office.md "Clearing"): the period of
     * its fee month, then each later one. The entry goes to the first whose statement is not confirmed or paid;
     * the booking's database call picks it (V25 {@code clearing_book_lines}), after taking clearing's lock, so
     * that it sees every confirmation that committed before. The list ends at the period after the one holding
     * {@code today}: statements are generated only for periods that have ended ({@link #requireEnded}), so the
     * period holding today and every later one are still open and the list always holds an open period.
     */
    public static List<String> candidates(String feeMonth, Length length, LocalDate today) {
        ClearingPeriod period = containing(YearMonth.parse(feeMonth), length);
        ClearingPeriod last = containing(YearMonth.from(today), length).next();
        List<String> candidates = new ArrayList<>();
        candidates.add(period.toString());
        while (period.firstMonth().isBefore(last.firstMonth())) {
            period = period.next();
            candidates.add(period.toString());
        }
        return candidates;
    }

    /** As printed on statements and screens: 2018年4月, 2018年第一季度. */
    public String label() {
        return length == Length.MONTH ? year + "年" + index + "月" : year + "年第" + QUARTER_NAMES[index - 1] + "季度";
    }

    /** The label of a stored period text, or the text itself if it is not one (never throws: it is for printing). */
    public static String labelOf(String text) {
        try {
            return parse("period", text).label();
        } catch (RefusedException notAPeriod) {
            return text;
        }
    }

    @Override
    public String toString() {
        // by hand: String.format parsed its pattern on every booking (0.8 % of a settlement's CPU in the profile)
        String padded = year < 1000 ? String.format("%04d", year) : Integer.toString(year);
        if (length == Length.MONTH) {
            return padded + (index < 10 ? "-0" : "-") + index;
        }
        return padded + "-Q" + index;
    }
}
