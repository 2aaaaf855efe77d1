package org.yidan.reports.control;

import org.yidan.platform.control.RefusedException;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a report by discharge date, both ends inclusive: a month ({@code 2020-05}), a quarter
 * ({@code 2020-Q2}), a half-year ({@code 2020-H1}), a year ({@code 2020}) or any two dates.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) implements Serializable {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw RefusedException.unprocessable("INVALID_PERIOD", "from", "The period starts after it ends.");
        }
    }

    public static ReportPeriod dates(LocalDate from, LocalDate to) {
        return new ReportPeriod(from, to, from + " 至 " + to);
    }

    /**
     * @throws RefusedException 422 {@code INVALID_PERIOD} for anything else
     */
    public static ReportPeriod parse(String text) {
        String period = text == null ? "" : text.strip().toUpperCase();
        try {
            Matcher m;
            if ((m = MONTH.matcher(period)).matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new ReportPeriod(month.atDay(1), month.atEndOfMonth(),
                        month.getYear() + "年" + month.getMonthValue() + "月");
            }
            if ((m = QUARTER.matcher(period)).matches()) {
                int quarter = Integer.parseInt(m.group(2));
                YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), quarter * 3 - 2);
                return new ReportPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth(),
                        first.getYear() + "年第" + "一二三四".charAt(quarter - 1) + "季度");
            }
            if ((m = HALF.matcher(period)).matches()) {
                int half = Integer.parseInt(m.group(2));
                YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), half == 1 ? 1 : 7);
                return new ReportPeriod(first.atDay(1), first.plusMonths(5).atEndOfMonth(),
                        first.getYear() + (half == 1 ? "年上半年" : "年下半年"));
            }
            if ((m = YEAR.matcher(period)).matches()) {
                int year = Integer.parseInt(m.group(1));
                return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年");
            }
        } catch (DateTimeException notADate) {
            // falls through to the refusal
        }
        throw RefusedException.unprocessable("INVALID_PERIOD", "period",
                "A period is a month (2020-05), a quarter (2020-Q2), a half-year (2020-H1) or a year (2020), not '"
                        + text + "'.");
    }
}
