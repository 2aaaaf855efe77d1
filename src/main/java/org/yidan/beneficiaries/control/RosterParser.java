package org.yidan.beneficiaries.control;

import org.yidan.platform.control.CountyClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.yidan.beneficiaries.control.RosterParseResult.RowError;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.StandardTag;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;
import org.yidan.policy.entity.PersonCategory;

/**
 * Reads the poverty office's roster (扶贫对象名单) for {@code POST /api/v1/beneficiaries/import}: CSV in UTF-8
 * (with or without byte order mark), GBK or UTF-16 (Excel's "Unicode text"), or an XLSX workbook (first sheet),
 * recognised by content rather than by file name.
 * <p>
 * The first row naming at least two known columns is the header (title rows above it are skipped); columns are
 * found by their Chinese or English name in any order ({@link Column}). Each row is one category span of one
 * person; the rows of one ID number make one {@link BeneficiaryRecord}. A person any of whose rows is invalid is
 * reported, row by row, and not returned.
 * <p>
 * The sheet is read as a stream (CSV records, SAX events for XLSX, never a workbook object model) and only the
 * merged persons are kept, so that a county's whole roster of tens of thousands of rows needs little memory.
 */
public final class RosterParser {

    /** Stable code of the {@link RefusedException} for a file that cannot be read as a roster at all. */
    public static final String ROSTER_INVALID = "ROSTER_INVALID";
    /** Larger files are refused: a county roster of 100,000 rows is about 15 MB of CSV. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    public static final int MAX_ROWS = 500_000;
    private static final int MAX_TITLE_ROWS = 5;

    /** The roster's columns, each with the names a header may give it (compared without blanks, case or brackets). */
    public enum Column {
        ID_NUMBER(true, "身份证号", "idNumber", "身份证号码", "公民身份号码", "证件号码", "id"),
        NAME(true, "姓名", "name"),
        COUNTY(true, "县区代码", "county", "区县代码", "县代码", "行政区划代码", "countyCode"),
        HOUSEHOLD_ID(false, "户编号", "householdId", "户号", "家庭编号", "household"),
        CATEGORY(true, "人员类别", "category", "类别", "对象类别"),
        CATEGORY_FROM(true, "类别起始日期", "categoryFrom", "起始日期", "开始日期", "from"),
        CATEGORY_TO(false, "类别终止日期", "categoryTo", "终止日期", "结束日期", "to"),
        STANDARD_TAGS(false, "标准", "standardTags", "标注", "standards", "tags"),
        CHRONIC_DISEASES(false, "慢病", "chronicDiseases", "慢特病", "慢病病种", "diseases"),
        EXITED_ON(false, "销号日期", "exitedOn", "exited");

        private final boolean required;
        private final String chineseName;
        private final String englishName;
        private final List<String> aliases;

        Column(boolean required, String chineseName, String englishName, String... otherNames) {
            this.required = required;
            this.chineseName = chineseName;
            this.englishName = englishName;
            List<String> names = new ArrayList<>(List.of(chineseName, englishName));
            names.addAll(List.of(otherNames));
            this.aliases = names.stream().map(RosterParser::headerKey).toList();
        }

        public boolean required() {
            return required;
        }

        /** How error messages name the column: {@code 身份证号 (idNumber)}. */
        public String label() {
            return chineseName + " (" + englishName + ")";
        }
    }

    private static final Map<String, Column> HEADERS = new HashMap<>();
    private static final Map<String, String> CATEGORY_NAMES = new HashMap<>();
    private static final Map<String, String> TAG_NAMES = new HashMap<>();

    static {
        for (Column column : Column.values()) {
            column.aliases.forEach(alias -> HEADERS.put(alias, column));
        }
        for (PersonCategory category : PersonCategory.values()) {
            CATEGORY_NAMES.put(category.name(), category.name());
            CATEGORY_NAMES.put(category.displayName(), category.name());
        }
        categoryAliases(PersonCategory.TEKUN, "特困", "特困供养人员", "特困供养", "特困供养对象");
        categoryAliases(PersonCategory.DIBAO, "低保", "低保户", "低保人员", "城乡低保对象", "农村低保对象");
        categoryAliases(PersonCategory.DIBAO_EDGE, "低保边缘", "低保边缘户", "低保边缘人员", "低保边缘家庭成员");
        categoryAliases(PersonCategory.LOW_INCOME, "低收入", "低收入户", "低收入人口", "低收入家庭成员");
        categoryAliases(PersonCategory.REGISTERED_POOR, "建档立卡", "建档立卡贫困人口", "建档立卡贫困户",
                "脱贫享受政策人员", "脱贫人口", "建档立卡脱贫享受政策人员");
        categoryAliases(PersonCategory.INSTANT_AID, "即时帮扶", "即时帮扶对象");
        categoryAliases(PersonCategory.ILLNESS_POVERTY, "因病致贫", "因病致贫返贫", "因病致贫家庭");
        categoryAliases(PersonCategory.TEMPORARY, "临时纳入", "临时纳入对象");
        for (StandardTag tag : StandardTag.values()) {
            TAG_NAMES.put(tag.name(), tag.name());
            TAG_NAMES.put(tag.displayName(), tag.name());
        }
        TAG_NAMES.put("国家标准", StandardTag.NATIONAL.name());
        TAG_NAMES.put("省级标准", StandardTag.PROVINCIAL.name());
        TAG_NAMES.put("市级标准", StandardTag.MUNICIPAL.name());
    }

    private static final Pattern DATE_SEPARATED = Pattern.compile(
            "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern DATE_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern COUNTY = Pattern.compile("\\d{6}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern NUMBER_AS_FLOAT = Pattern.compile("\\d(?:\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；\\s]+");
    private static final Pattern DISEASE_SEPARATOR = Pattern.compile("\\s*[、,，;；]+\\s*");
    private static final Pattern DISEASE_ENTRY = Pattern.compile("([^:：]*)[:：](.*)");
    private static final String ACCEPTED_DATES = "write it as yyyy-MM-dd, yyyy/M/d or yyyyMMdd";

    private RosterParser() {
    }

    /**
     * Reads a roster from a stream, which is read to its end but not closed.
     *
     * @throws RefusedException 422 {@code ROSTER_INVALID} for a file that is empty, too large, neither CSV nor
     *                          XLSX, or lacks a required column
     */
    public static RosterParseResult parse(InputStream content) {
        try {
            byte[] bytes = content.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw invalid("The roster file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
            }
            return parse(bytes);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the roster upload", failure);
        }
    }

    /**
     * Reads a roster file.
     *
     * @throws RefusedException 422 {@code ROSTER_INVALID} for a file that is empty, neither CSV nor XLSX, or lacks
     *                          a required column
     */
    public static RosterParseResult parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("The roster file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("The roster file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        Collector collector = new Collector();
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            readXlsx(content, collector);
        } else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw invalid("The roster is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or as CSV.");
        } else {
            readCsv(content, collector);
        }
        return collector.finish();
    }

    // ---------------------------------------------------------------------------------------------- CSV

    private static void readCsv(byte[] content, Collector collector) {
        int offset = 0;
        Charset charset;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(content, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (startsWith(content, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (looksBinary(content)) {
            throw invalid("The roster file is neither CSV text nor an XLSX workbook.");
        } else {
            charset = isUtf8(content) ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        }
        char delimiter = delimiter(content, offset, charset);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
                decoder);
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            long linesBefore = 0;
            for (CSVRecord record : parser) {
                collector.row((int) linesBefore + 1, record.values());
                linesBefore = parser.getCurrentLineNumber();
            }
        } catch (IOException | UncheckedIOException failure) {
            throw unreadable(failure);
        } catch (IllegalStateException malformed) {
            // Commons CSV reports an unterminated quote this way
            throw invalid("The roster is not well-formed CSV: " + malformed.getMessage());
        }
    }

    private static RefusedException unreadable(Exception failure) {
        Throwable cause = failure instanceof UncheckedIOException ? failure.getCause() : failure;
        if (cause instanceof CharacterCodingException) {
            return invalid("The roster is neither UTF-8 nor GBK text.");
        }
        return invalid("The roster is not well-formed CSV: " + cause.getMessage());
    }

    /** Comma, unless the first non-blank line has tabs and no comma (a tab-separated export). */
    private static char delimiter(byte[] content, int offset, Charset charset) {
        int length = Math.min(content.length - offset, 64 * 1024);
        String start = new String(content, offset, length, charset);
        for (String line : start.split("\n", 20)) {
            if (!line.isBlank()) {
                return line.indexOf('\t') >= 0 && line.indexOf(',') < 0 ? '\t' : ',';
            }
        }
        return ',';
    }

    private static boolean isUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        return !decoder.flush(out).isError();
    }

    /** Text rosters hold no control characters but tab, line breaks and form feed. */
    private static boolean looksBinary(byte[] content) {
        int length = Math.min(content.length, 64 * 1024);
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return true;
            }
        }
        return false;
    }

    // --------------------------------------------------------------------------------------------- XLSX

    private static void readXlsx(byte[] content, Collector collector) {
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw invalid("The workbook has no sheet.");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new SheetRows(collector),
                        new IsoDateFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (RefusedException refused) {
            throw refused;
        } catch (Exception | LinkageError failure) {
            RefusedException refused = refusedCause(failure);
            if (refused != null) {
                throw refused;
            }
            throw invalid("The roster looks like an XLSX workbook but cannot be read: " + failure.getMessage());
        }
    }

    private static RefusedException refusedCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    /** Collects the cells of each sheet row by column index. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Collector collector;
        private String[] cells = new String[16];
        private int width;
        private int lastColumn = -1;

        SheetRows(Collector collector) {
            this.collector = collector;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, width, null);
            width = 0;
            lastColumn = -1;
        }

        @Override
        public void endRow(int rowNum) {
            collector.row(rowNum + 1, Arrays.copyOf(cells, width));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? lastColumn + 1 : columnIndex(cellReference);
            lastColumn = column;
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            cells[column] = formattedValue;
            width = Math.max(width, column + 1);
        }

        private static int columnIndex(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    /** Writes cells with a date format as ISO days, whatever their display format; other numbers as Excel does. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    // ------------------------------------------------------------------------------------------ rows

    /** Header columns: where each {@link Column} is in the file, and what the file calls it. */
    private static final class Header {
        final Map<Column, Integer> index = new EnumMap<>(Column.class);
        final Map<Column, String> text = new EnumMap<>(Column.class);
        final int line;

        /** How many cells of a row name a roster column: a title row above the header names none. */
        static int knownColumns(String[] cells) {
            int known = 0;
            for (String cell : cells) {
                if (cell != null && HEADERS.containsKey(headerKey(cell))) {
                    known++;
                }
            }
            return known;
        }

        Header(int line, String[] cells) {
            this.line = line;
            Map<Column, Integer> seen = new EnumMap<>(Column.class);
            List<String> duplicates = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i] == null ? "" : cells[i].replace("\uFEFF", "").strip();
                Column column = HEADERS.get(headerKey(cell));
                if (column == null) {
                    continue;
                }
                Integer earlier = seen.putIfAbsent(column, i);
                if (earlier != null) {
                    duplicates.add(column.label() + " is in columns " + (earlier + 1) + " and " + (i + 1));
                    continue;
                }
                index.put(column, i);
                text.put(column, cell);
            }
            if (!duplicates.isEmpty()) {
                throw invalid("The roster header (line " + line + ") names a column twice: "
                        + String.join("; ", duplicates) + ".");
            }
            List<Column> missing = Arrays.stream(Column.values())
                    .filter(column -> column.required() && !index.containsKey(column)).toList();
            if (!missing.isEmpty()) {
                String found = Arrays.stream(cells).filter(c -> c != null && !c.isBlank())
                        .map(String::strip).collect(Collectors.joining(", "));
                String names = missing.stream().map(Column::label).collect(Collectors.joining(", "));
                throw new RefusedException(422, ROSTER_INVALID, "The roster lacks the required column"
                        + (missing.size() > 1 ? "s " : " ") + names + "; its header (line " + line + ") reads: "
                        + found + ".", missing.stream().map(column -> new FieldError(column.englishName,
                                "The roster has no column " + column.label() + ".")).toList());
            }
        }

        String cell(String[] cells, Column column) {
            Integer at = index.get(column);
            if (at == null || at >= cells.length || cells[at] == null) {
                return "";
            }
            return clean(cells[at]);
        }

        String name(Column column) {
            return text.getOrDefault(column, column.chineseName);
        }

        int order(String columnText) {
            for (Map.Entry<Column, String> entry : text.entrySet()) {
                if (entry.getValue().equals(columnText)) {
                    return index.get(entry.getKey());
                }
            }
            return Integer.MAX_VALUE;
        }
    }

    /** The rows of one ID number, merged as they come. */
    private static final class Person {
        final String idNumber;
        final List<Integer> lines = new ArrayList<>(2);
        final List<RowError> errors = new ArrayList<>(0);
        final Set<Integer> linesInError = new LinkedHashSet<>();
        String name;
        int nameLine;
        String county;
        int countyLine;
        String householdId;
        int householdLine;
        LocalDate exitedOn;
        int exitedLine;
        final List<CategorySpan> spans = new ArrayList<>(2);
        final List<Integer> spanLines = new ArrayList<>(2);
        final Set<String> tags = new LinkedHashSet<>(2);
        final Map<String, DiseaseApproval> diseases = new LinkedHashMap<>(2);
        final Map<String, Integer> diseaseLines = new HashMap<>(2);

        Person(String idNumber) {
            this.idNumber = idNumber;
        }

        void error(int line, String column, String reason) {
            errors.add(new RowError(line, column, reason));
            linesInError.add(line);
        }
    }

    private static final class Collector {
        /** One "today" for the whole file: birth dates in the future are refused. */
        private final LocalDate today = CountyClock.today();
        private Header header;
        /** The first non-blank row while no header is found, named in the error if none is. */
        private String[] firstRow;
        private int firstRowLine;
        private int rowsBeforeHeader;
        private final Map<String, Person> persons = new LinkedHashMap<>();
        private int rows;

        void row(int line, String[] cells) {
            if (isBlank(cells)) {
                return;
            }
            if (header == null) {
                findHeader(line, cells);
                return;
            }
            if (++rows > MAX_ROWS) {
                throw invalid("The roster has more than " + MAX_ROWS + " rows; split it into several files.");
            }
            read(line, cells);
        }

        /**
         * The header is the first row that names at least two roster columns; rows above it are titles such as
         * "沂源县2020年医保扶贫对象名单", as county offices like to put there.
         */
        private void findHeader(int line, String[] cells) {
            if (firstRow == null) {
                firstRow = cells;
                firstRowLine = line;
            }
            if (Header.knownColumns(cells) >= 2) {
                header = new Header(line, cells);
            } else if (++rowsBeforeHeader >= MAX_TITLE_ROWS) {
                header = new Header(firstRowLine, firstRow);  // refuses, naming the required columns
            }
        }

        private void read(int line, String[] cells) {
            Header h = header;
            String idText = h.cell(cells, Column.ID_NUMBER);
            String key = idText.isEmpty() ? "#" + line : idText.toUpperCase(Locale.ROOT);
            Person person = persons.computeIfAbsent(key, Person::new);
            person.lines.add(line);

            String idColumn = h.name(Column.ID_NUMBER);
            if (NUMBER_AS_FLOAT.matcher(idText).matches()) {
                person.error(line, idColumn, "The ID number was stored as a number and lost its last digits ("
                        + idText + "); format the column as text.");
            } else {
                IdNumbers.problem(idText, today).ifPresent(problem -> person.error(line, idColumn, problem));
            }

            String name = h.cell(cells, Column.NAME);
            String nameColumn = h.name(Column.NAME);
            if (name.isEmpty()) {
                person.error(line, nameColumn, "The name is missing.");
            } else if (name.codePointCount(0, name.length()) > BeneficiaryValidator.MAX_NAME_LENGTH) {
                person.error(line, nameColumn, "The name is longer than " + BeneficiaryValidator.MAX_NAME_LENGTH
                        + " characters.");
            } else if (person.name == null) {
                person.name = name;
                person.nameLine = line;
            } else if (!person.name.equals(name)) {
                person.error(line, nameColumn, "The name '" + name + "' differs from '" + person.name + "' on line "
                        + person.nameLine + " for the same ID number.");
            }

            String county = h.cell(cells, Column.COUNTY);
            String countyColumn = h.name(Column.COUNTY);
            if (county.isEmpty()) {
                person.error(line, countyColumn, "The county code is missing.");
            } else if (!COUNTY.matcher(county).matches()) {
                person.error(line, countyColumn, "The county code must be 6 digits, not '" + county + "'.");
            } else if (person.county == null) {
                person.county = county;
                person.countyLine = line;
            } else if (!person.county.equals(county)) {
                person.error(line, countyColumn, "The county code " + county + " differs from " + person.county
                        + " on line " + person.countyLine + " for the same ID number.");
            }

            String household = h.cell(cells, Column.HOUSEHOLD_ID);
            String householdColumn = h.name(Column.HOUSEHOLD_ID);
            if (household.codePointCount(0, household.length()) > BeneficiaryValidator.MAX_HOUSEHOLD_ID_LENGTH) {
                person.error(line, householdColumn, "The household id is longer than "
                        + BeneficiaryValidator.MAX_HOUSEHOLD_ID_LENGTH + " characters.");
            } else if (!household.isEmpty()) {
                if (person.householdId == null) {
                    person.householdId = household;
                    person.householdLine = line;
                } else if (!person.householdId.equals(household)) {
                    person.error(line, householdColumn, "The household id '" + household + "' differs from '"
                            + person.householdId + "' on line " + person.householdLine + " for the same ID number.");
                }
            }

            readSpan(line, cells, person);
            readTags(line, cells, person);
            readDiseases(line, cells, person);

            String exitedColumn = h.name(Column.EXITED_ON);
            LocalDate exitedOn = date(line, h.cell(cells, Column.EXITED_ON), exitedColumn, "exit date", person);
            if (exitedOn != null) {
                if (person.exitedOn == null) {
                    person.exitedOn = exitedOn;
                    person.exitedLine = line;
                } else if (!person.exitedOn.equals(exitedOn)) {
                    person.error(line, exitedColumn, "The exit date " + exitedOn + " differs from " + person.exitedOn
                            + " on line " + person.exitedLine + " for the same ID number.");
                }
            }
        }

        private void readSpan(int line, String[] cells, Person person) {
            Header h = header;
            String categoryText = h.cell(cells, Column.CATEGORY);
            String categoryColumn = h.name(Column.CATEGORY);
            String code = null;
            if (categoryText.isEmpty()) {
                person.error(line, categoryColumn, "The person category is missing.");
            } else {
                code = CATEGORY_NAMES.get(categoryText.toUpperCase(Locale.ROOT));
                if (code == null) {
                    code = CATEGORY_NAMES.get(WHITESPACE.matcher(categoryText).replaceAll(""));
                }
                if (code == null) {
                    person.error(line, categoryColumn, "Unknown person category '" + categoryText
                            + "'; write a code such as DIBAO or a name such as 低保对象.");
                }
            }
            String fromColumn = h.name(Column.CATEGORY_FROM);
            String fromText = h.cell(cells, Column.CATEGORY_FROM);
            LocalDate from = null;
            if (fromText.isEmpty()) {
                person.error(line, fromColumn, "The date the category starts is missing.");
            } else {
                from = date(line, fromText, fromColumn, "start date", person);
            }
            String toColumn = h.name(Column.CATEGORY_TO);
            LocalDate to = date(line, h.cell(cells, Column.CATEGORY_TO), toColumn, "end date", person);
            if (from != null && to != null && to.isBefore(from)) {
                person.error(line, toColumn, "The category ends on " + to + ", before it starts on " + from + ".");
            }
            person.spans.add(new CategorySpan(code, from, to));
            person.spanLines.add(line);
        }

        private void readTags(int line, String[] cells, Person person) {
            String text = header.cell(cells, Column.STANDARD_TAGS);
            if (text.isEmpty()) {
                return;
            }
            for (String token : LIST_SEPARATOR.split(text)) {
                if (token.isEmpty()) {
                    continue;
                }
                String tag = TAG_NAMES.get(token.toUpperCase(Locale.ROOT));
                if (tag == null) {
                    person.error(line, header.name(Column.STANDARD_TAGS), "Unknown standard '" + token
                            + "'; write 国标, 省标, 市标 or NATIONAL, PROVINCIAL, MUNICIPAL.");
                } else {
                    person.tags.add(tag);
                }
            }
        }

        private void readDiseases(int line, String[] cells, Person person) {
            String text = header.cell(cells, Column.CHRONIC_DISEASES);
            if (text.isEmpty()) {
                return;
            }
            String column = header.name(Column.CHRONIC_DISEASES);
            Set<String> inThisRow = new LinkedHashSet<>();
            for (String entry : DISEASE_SEPARATOR.split(text)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Matcher parts = DISEASE_ENTRY.matcher(entry);
                if (!parts.matches()) {
                    person.error(line, column, "The disease '" + entry
                            + "' lacks its approval date; write it as HYPERTENSION:2019-03-01.");
                    continue;
                }
                String code = parts.group(1).strip().toUpperCase(Locale.ROOT);
                if (!BeneficiaryValidator.isDiseaseCode(code)) {
                    person.error(line, column, "The disease code '" + parts.group(1).strip()
                            + "' must be a token of letters, digits and _ such as HYPERTENSION.");
                    continue;
                }
                LocalDate approvedOn = date(line, parts.group(2).strip(), column, code + " approval date", person);
                if (parts.group(2).isBlank()) {
                    person.error(line, column, "The disease " + code + " lacks its approval date.");
                }
                if (approvedOn == null) {
                    continue;
                }
                if (!inThisRow.add(code)) {
                    person.error(line, column, code + " is listed twice.");
                    continue;
                }
                DiseaseApproval earlier = person.diseases.putIfAbsent(code, new DiseaseApproval(code, approvedOn));
                if (earlier == null) {
                    person.diseaseLines.put(code, line);
                } else if (!earlier.approvedOn().equals(approvedOn)) {
                    person.error(line, column, code + " is approved on " + approvedOn + " here but on "
                            + earlier.approvedOn() + " on line " + person.diseaseLines.get(code) + ".");
                }
            }
        }

        /** {@code null} for a blank cell or a bad date (then reported). */
        private static LocalDate date(int line, String text, String column, String what, Person person) {
            if (text.isEmpty()) {
                return null;
            }
            Matcher m = DATE_SEPARATED.matcher(text);
            int year;
            int month;
            int day;
            if (m.matches()) {
                year = Integer.parseInt(m.group(1));
                month = Integer.parseInt(m.group(3));
                day = Integer.parseInt(m.group(4));
            } else if ((m = DATE_COMPACT.matcher(text)).matches() || (m = DATE_CHINESE.matcher(text)).matches()) {
                year = Integer.parseInt(m.group(1));
                month = Integer.parseInt(m.group(2));
                day = Integer.parseInt(m.group(3));
            } else {
                person.error(line, column, "The " + what + " '" + text + "' is not a date; " + ACCEPTED_DATES + ".");
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException notADay) {
                person.error(line, column, "The " + what + " '" + text + "' is not a real day.");
                return null;
            }
        }

        RosterParseResult finish() {
            if (header == null && firstRow != null) {
                header = new Header(firstRowLine, firstRow);  // refuses, naming the required columns
            }
            if (header == null) {
                throw invalid("The roster file is empty.");
            }
            List<BeneficiaryRecord> records = new ArrayList<>(persons.size());
            List<RowError> errors = new ArrayList<>();
            int rejected = 0;
            for (Person person : persons.values()) {
                if (person.errors.isEmpty()) {
                    BeneficiaryValidator.Checked checked = BeneficiaryValidator.checked(record(person));
                    for (FieldError error : checked.errors()) {
                        rowError(person, error);
                    }
                    if (person.errors.isEmpty()) {
                        records.add(checked.normal());
                        continue;
                    }
                }
                rejected++;
                errors.addAll(person.errors);
                int firstBadLine = person.linesInError.stream().mapToInt(Integer::intValue).min().orElseThrow();
                for (int line : person.lines) {
                    if (!person.linesInError.contains(line)) {
                        errors.add(new RowError(line, header.name(Column.ID_NUMBER), "Not imported: line "
                                + firstBadLine + " of the same person (ID number " + IdNumbers.mask(person.idNumber)
                                + ") is invalid."));
                    }
                }
            }
            errors.sort(Comparator.comparingInt(RowError::line)
                    .thenComparingInt(error -> header.order(error.column())));
            return new RosterParseResult(rows, records, rejected, errors);
        }

        private static BeneficiaryRecord record(Person person) {
            return new BeneficiaryRecord(person.idNumber, person.name, person.county, person.householdId,
                    person.spans, person.tags, List.copyOf(person.diseases.values()), person.exitedOn);
        }

        /** Places a validator's complaint about the merged person on the row it came from. */
        private void rowError(Person person, FieldError error) {
            String field = error.field();
            if (field.startsWith("categories[")) {
                int i = Integer.parseInt(field.substring("categories[".length(), field.indexOf(']')));
                Column column = field.endsWith(".from") ? Column.CATEGORY_FROM
                        : field.endsWith(".to") ? Column.CATEGORY_TO : Column.CATEGORY;
                person.error(person.spanLines.get(i), header.name(column), error.message());
                return;
            }
            Column column = switch (field.replaceAll("[\\[.].*", "")) {
                case "idNumber" -> Column.ID_NUMBER;
                case "name" -> Column.NAME;
                case "county" -> Column.COUNTY;
                case "householdId" -> Column.HOUSEHOLD_ID;
                case "standardTags" -> Column.STANDARD_TAGS;
                case "chronicDiseases" -> Column.CHRONIC_DISEASES;
                case "exitedOn" -> Column.EXITED_ON;
                default -> Column.CATEGORY;
            };
            person.error(person.lines.get(0), header.name(column), error.message());
        }

        private static boolean isBlank(String[] cells) {
            for (String cell : cells) {
                if (cell != null && !cell.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void categoryAliases(PersonCategory category, String... names) {
        for (String name : names) {
            CATEGORY_NAMES.put(name, category.name());
        }
    }

    /** Header names compare without blanks, brackets, asterisks (required marks), {@code _}, {@code -} or case. */
    static String headerKey(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (!Character.isWhitespace(c) && "()（）*＊_-\uFEFF".indexOf(c) < 0) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** A cell's text without surrounding blanks, Excel's text guards ({@code ="..."}, leading {@code '}) removed. */
    private static String clean(String cell) {
        String text = cell.strip();
        if (text.length() >= 3 && text.startsWith("=\"") && text.endsWith("\"")) {
            text = text.substring(2, text.length() - 1).strip();
        } else if (text.startsWith("'")) {
            text = text.substring(1).strip();
        }
        return text;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static RefusedException invalid(String detail) {
        return RefusedException.unprocessable(ROSTER_INVALID, detail);
    }
}
