package org.yidan.beneficiaries.control;

import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the enrolment system's export (参保名单) for {@code POST /api/v1/coverage/import}: CSV (UTF-8, with or
 * without byte order mark, or GBK) or the first sheet of an XLSX workbook. The first row naming at least two known
 * columns is the header; each later row is one person's coverage in one year. Every offending cell is reported with
 * its line and column; a row with any error is left out whole, as are both rows of a person and year that appear
 * twice. Whether the person is registered is for the service to check.
 * <p>
 * The file is read into rows by the roster import's {@link RosterRows}; the columns and the rows to records are
 * this export's own.
 */
public final class CoverageParser {

    public static final String COVERAGE_FILE_INVALID = "COVERAGE_FILE_INVALID";
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    public static final int MAX_ROWS = 200_000;
    private static final int MAX_TITLE_ROWS = 5;

    /** The export's columns and the names a header may give each (compared without blanks or case). */
    public enum Column {
        ID_NUMBER(true, "身份证号", "idNumber", "身份证号码", "公民身份号码", "证件号码"),
        NAME(false, "姓名", "name"),
        YEAR(true, "年度", "year", "参保年度"),
        INSURED(true, "是否参保", "insured", "参保状态", "参保"),
        SINCE(false, "参保日期", "since", "参保时间", "参保起始日期"),
        SCHEME(false, "险种", "scheme", "参保险种"),
        SUBSIDY_CATEGORY(false, "补贴类别", "subsidyCategory", "资助类别", "补贴人员类别"),
        SUBSIDY_AMOUNT(false, "补贴金额", "subsidyAmount", "资助金额", "补贴金额元");

        final ColumnNames names;

        Column(boolean required, String chineseName, String englishName, String... others) {
            this.names = ColumnNames.of(required, chineseName, englishName, others);
        }
    }

    /** One reason a row is not imported; {@code line} counts as a spreadsheet does (the header is line 1). */
    public record RowError(int line, String column, String reason) implements Serializable {
    }

    /** A valid row. */
    public record Row(int line, CoverageRecord record) {
    }

    /** What the file holds: valid rows, and the errors of the others. */
    public record Result(int rows, List<Row> valid, List<RowError> errors) {

        public Result {
            valid = List.copyOf(valid);
            errors = List.copyOf(errors);
        }

        /** How many rows are left out (a row may have several errors). */
        public int invalidRows() {
            return (int) errors.stream().mapToInt(RowError::line).distinct().count();
        }
    }

    private static final Map<String, Column> HEADERS = new HashMap<>();
    private static final Map<String, Boolean> INSURED_WORDS = new HashMap<>();

    static {
        for (Column column : Column.values()) {
            column.names.keys().forEach(key -> HEADERS.put(key, column));
        }
        for (String yes : List.of("是", "Y", "YES", "TRUE", "1", "已参保", "参保", "在保")) {
            INSURED_WORDS.put(yes, true);
        }
        for (String no : List.of("否", "N", "NO", "FALSE", "0", "未参保", "不参保", "停保")) {
            INSURED_WORDS.put(no, false);
        }
    }

    private static final Pattern DATE_SEPARATED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DATE_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:\\.0+)?年?");

    private CoverageParser() {
    }

    /**
     * @throws RefusedException 422 {@code COVERAGE_FILE_INVALID} for a file that is empty, too large, not CSV or
     *                          XLSX, or lacks a required column
     */
    public static Result parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("The coverage file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("The coverage file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try {
            RosterRows.read(content, (line, cells) -> {
                if (rows.size() > MAX_ROWS + MAX_TITLE_ROWS) {
                    throw tooManyRows();
                }
                rows.add(cells);
                lines.add(line);
            });
        } catch (RefusedException refused) {
            if (COVERAGE_FILE_INVALID.equals(refused.code())) {
                throw refused;
            }
            // the roster's reader names the file a roster; the refusal is about a coverage export
            throw invalid(refused.getMessage().replace("roster", "coverage file"));
        }
        return new Reading().read(rows, lines);
    }

    // ---------------------------------------------------------------------------- rows -> records

    private static final class Reading {
        private final Map<Column, Integer> index = new EnumMap<>(Column.class);
        private final Map<Column, String> names = new EnumMap<>(Column.class);
        private final List<RowError> errors = new ArrayList<>();
        private final Map<String, Row> firstOfKey = new LinkedHashMap<>();
        private final Set<String> duplicated = new java.util.HashSet<>();
        private int rowCount;

        Result read(List<String[]> rows, List<Integer> lines) {
            int at = 0;
            for (; at < rows.size() && index.isEmpty(); at++) {
                String[] cells = rows.get(at);
                if (blank(cells)) {
                    continue;
                }
                if (known(cells) >= 2) {
                    header(lines.get(at), cells);
                } else if (at >= MAX_TITLE_ROWS) {
                    break;
                }
            }
            if (index.isEmpty()) {
                throw invalid("The coverage file has no header row naming its columns, e.g. "
                        + Set.of(Column.values()).stream().filter(c -> c.names.required()).map(c -> c.names.chineseName())
                        .sorted().collect(Collectors.joining("、")) + ".");
            }
            for (; at < rows.size(); at++) {
                if (!blank(rows.get(at))) {
                    if (++rowCount > MAX_ROWS) {
                        throw tooManyRows();
                    }
                    row(lines.get(at), rows.get(at));
                }
            }
            List<Row> valid = new ArrayList<>();
            for (Map.Entry<String, Row> entry : firstOfKey.entrySet()) {
                if (duplicated.contains(entry.getKey())) {
                    Row first = entry.getValue();
                    errors.add(new RowError(first.line(), names.get(Column.ID_NUMBER), "Not imported: the same person"
                            + " and year appear again further down; keep one row per person and year."));
                } else if (entry.getValue().record() != null) {
                    valid.add(entry.getValue());
                }
            }
            errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new Result(rowCount, valid, errors);
        }

        private void header(int line, String[] cells) {
            for (int i = 0; i < cells.length; i++) {
                Column column = cells[i] == null ? null : HEADERS.get(ColumnNames.key(cells[i]));
                if (column != null && !index.containsKey(column)) {
                    index.put(column, i);
                    names.put(column, cells[i].strip());
                }
            }
            List<String> missing = new ArrayList<>();
            for (Column column : Column.values()) {
                if (column.names.required() && !index.containsKey(column)) {
                    missing.add(column.names.label());
                }
            }
            if (!missing.isEmpty()) {
                throw new RefusedException(422, COVERAGE_FILE_INVALID, "The coverage file lacks the required column"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " in its header (line "
                        + line + ").", missing.stream().map(name -> new FieldError("header", "Missing column " + name))
                        .toList());
            }
        }

        private void row(int line, String[] cells) {
            int before = errors.size();
            String idNumber = cell(cells, Column.ID_NUMBER).toUpperCase(Locale.ROOT);
            String yearText = cell(cells, Column.YEAR);
            Integer year = null;
            Matcher yearMatch = YEAR.matcher(yearText);
            if (yearText.isEmpty()) {
                error(line, Column.YEAR, "The year is missing.");
            } else if (!yearMatch.matches()) {
                error(line, Column.YEAR, "The year '" + yearText + "' is not a year such as 2020.");
            } else {
                year = Integer.parseInt(yearMatch.group(1));
            }
            String insuredText = cell(cells, Column.INSURED);
            Boolean insured = INSURED_WORDS.get(insuredText.toUpperCase(Locale.ROOT));
            if (insured == null) {
                error(line, Column.INSURED, insuredText.isEmpty() ? "Whether the person is insured is missing."
                        : "'" + insuredText + "' does not say whether the person is insured; write 是 or 否.");
            }
            LocalDate since = date(line, cells);
            BigDecimal amount = null;
            String amountText = cell(cells, Column.SUBSIDY_AMOUNT).replace(",", "").replace("元", "").strip();
            if (!amountText.isEmpty()) {
                try {
                    amount = new BigDecimal(amountText);
                } catch (NumberFormatException notANumber) {
                    error(line, Column.SUBSIDY_AMOUNT, "The subsidy '" + amountText + "' is not an amount in yuan.");
                }
            }
            CoverageRecord record = null;
            if (errors.size() == before) {
                List<FieldError> invalid = new ArrayList<>();
                record = CoverageRules.check(new CoverageRecord(idNumber, year, insured, since,
                        cell(cells, Column.SCHEME), cell(cells, Column.SUBSIDY_CATEGORY), amount), invalid);
                for (FieldError error : invalid) {
                    error(line, column(error.field()), error.message());
                }
            } else if (idNumber.isEmpty()) {
                error(line, Column.ID_NUMBER, "The ID number is missing.");
            }
            if (errors.size() > before) {
                record = null;
            }
            if (!idNumber.isEmpty() && year != null) {
                String key = idNumber + "/" + year;
                Row first = firstOfKey.putIfAbsent(key, new Row(line, record));
                if (first != null) {
                    duplicated.add(key);
                    error(line, Column.ID_NUMBER, "The same person and year are on line " + first.line() + ".");
                }
            }
        }

        private LocalDate date(int line, String[] cells) {
            String text = cell(cells, Column.SINCE);
            if (text.isEmpty()) {
                return null;
            }
            Matcher m = DATE_SEPARATED.matcher(text);
            if (!m.matches()) {
                m = DATE_COMPACT.matcher(text);
            }
            if (!m.matches()) {
                m = DATE_CHINESE.matcher(text);
            }
            if (!m.matches()) {
                error(line, Column.SINCE, "The date '" + text + "' is not a date; write it as yyyy-MM-dd.");
                return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException notADay) {
                error(line, Column.SINCE, "The date '" + text + "' is not a real day.");
                return null;
            }
        }

        private static Column column(String field) {
            return switch (field) {
                case "idNumber" -> Column.ID_NUMBER;
                case "year" -> Column.YEAR;
                case "since" -> Column.SINCE;
                case "scheme" -> Column.SCHEME;
                case "subsidyCategory" -> Column.SUBSIDY_CATEGORY;
                case "subsidyAmount" -> Column.SUBSIDY_AMOUNT;
                default -> Column.INSURED;
            };
        }

        private void error(int line, Column column, String reason) {
            errors.add(new RowError(line, names.getOrDefault(column, column.names.chineseName()), reason));
        }

        private String cell(String[] cells, Column column) {
            Integer at = index.get(column);
            if (at == null || at >= cells.length || cells[at] == null) {
                return "";
            }
            return ColumnNames.clean(cells[at]);
        }

        private static int known(String[] cells) {
            int known = 0;
            for (String cell : cells) {
                if (cell != null && HEADERS.containsKey(ColumnNames.key(cell))) {
                    known++;
                }
            }
            return known;
        }

        private static boolean blank(String[] cells) {
            for (String cell : cells) {
                if (cell != null && !cell.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static RefusedException tooManyRows() {
        return invalid("The coverage file has more than " + MAX_ROWS + " rows; split it into several files.");
    }

    private static RefusedException invalid(String detail) {
        return RefusedException.unprocessable(COVERAGE_FILE_INVALID, detail);
    }
}
