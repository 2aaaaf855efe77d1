package org.yidan.beneficiaries.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yidan.beneficiaries.control.RosterParseResult.RowError;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.StandardTag;
import org.yidan.platform.control.CountyClock;
import org.yidan.policy.entity.PersonCategory;

import static org.yidan.beneficiaries.control.RosterParser.MAX_ROWS;
import static org.yidan.beneficiaries.control.RosterParser.invalid;

/**
 * Rows to records: the row rules of a roster. Each row is one category span of one person; the rows of one ID number
 * make one {@link BeneficiaryRecord}. A person any of whose rows is invalid is reported, row by row, and not
 * returned. Errors go to the report as they are found: the first {@link RosterParseResult#REPORTED_ERRORS} are
 * kept, the others only counted, so that a file of junk costs neither the memory nor the time of millions of them.
 */
final class RosterRecords implements RosterRows.RowSink {

    private static final int MAX_TITLE_ROWS = 5;

    private static final Map<String, String> CATEGORY_NAMES = new HashMap<>();
    private static final Map<String, String> TAG_NAMES = new HashMap<>();

    static {
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



    /**
     * The rows of one ID number, merged as they come. Its errors go straight to the report; the person keeps only
     * which of its lines are in error, and its merged data only while it has none (a person with an error is never
     * imported).
     */
    private static final class Person {
        final String idNumber;
        int[] lines = new int[2];
        int lineCount;
        final BitSet linesInError = new BitSet(2);
        String name;
        int nameLine;
        String county;
        int countyLine;
        String householdId;
        int householdLine;
        LocalDate exitedOn;
        int exitedLine;
        String township;
        String village;
        java.math.BigDecimal householdIncome;
        final List<CategorySpan> spans = new ArrayList<>(2);
        final List<Integer> spanLines = new ArrayList<>(2);
        final Set<String> tags = new LinkedHashSet<>(2);
        final Map<String, DiseaseApproval> diseases = new LinkedHashMap<>(2);
        final Map<String, Integer> diseaseLines = new HashMap<>(2);

        Person(String idNumber) {
            this.idNumber = idNumber;
        }

        void addLine(int line) {
            if (lineCount == lines.length) {
                lines = Arrays.copyOf(lines, lineCount * 2);
            }
            lines[lineCount++] = line;
        }

        boolean hasErrors() {
            return !linesInError.isEmpty();
        }

        /** Lines come in ascending order, so a line's place is found by binary search. */
        void markInError(int line) {
            int at = Arrays.binarySearch(lines, 0, lineCount, line);
            linesInError.set(at >= 0 ? at : lineCount - 1);
        }
    }

    /** One "today" for the whole file: birth dates in the future are refused. */
    private final LocalDate today = CountyClock.today();
    /** Whether this installation serves a county: a person of another county could never be settled here. */
    private final Predicate<String> served;
    private final ReportedErrors report = new ReportedErrors();
    private RosterHeader header;
    /** The first non-blank row while no header is found, named in the error if none is. */
    private String[] firstRow;
    private int firstRowLine;
    private int rowsBeforeHeader;
    private final Map<String, Person> persons = new LinkedHashMap<>();
    private int rows;

    RosterRecords(Predicate<String> served) {
        this.served = served;
    }

    @Override
    public void row(int line, String[] cells) {
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
        if (RosterHeader.knownColumns(cells) >= 2) {
            header = new RosterHeader(line, cells);
        } else if (++rowsBeforeHeader >= MAX_TITLE_ROWS) {
            header = new RosterHeader(firstRowLine, firstRow);  // refuses, naming the required columns
        }
    }

    private void read(int line, String[] cells) {
        RosterHeader h = header;
        String idText = h.cell(cells, RosterColumn.ID_NUMBER);
        String key = idText.isEmpty() ? "#" + line : idText.toUpperCase(Locale.ROOT);
        Person person = persons.computeIfAbsent(key, Person::new);
        person.addLine(line);

        String idColumn = h.name(RosterColumn.ID_NUMBER);
        if (NUMBER_AS_FLOAT.matcher(idText).matches()) {
            error(person, line, idColumn, Reason.of("roster.error.idAsNumber", idText));
        } else {
            IdNumbers.reason(idText, today).ifPresent(problem -> error(person, line, idColumn, problem));
        }

        String name = h.cell(cells, RosterColumn.NAME);
        String nameColumn = h.name(RosterColumn.NAME);
        if (name.isEmpty()) {
            error(person, line, nameColumn, Reason.of("roster.error.nameMissing"));
        } else if (name.codePointCount(0, name.length()) > BeneficiaryValidator.MAX_NAME_LENGTH) {
            error(person, line, nameColumn, Reason.of("roster.error.nameLong", BeneficiaryValidator.MAX_NAME_LENGTH));
        } else if (person.name == null) {
            person.name = name;
            person.nameLine = line;
        } else if (!person.name.equals(name)) {
            error(person, line, nameColumn, Reason.of("roster.error.nameDiffers", name, person.name,
                    person.nameLine));
        }

        String county = h.cell(cells, RosterColumn.COUNTY);
        String countyColumn = h.name(RosterColumn.COUNTY);
        if (county.isEmpty()) {
            error(person, line, countyColumn, Reason.of("roster.error.countyMissing"));
        } else if (!COUNTY.matcher(county).matches()) {
            error(person, line, countyColumn, Reason.of("roster.error.countyFormat", county));
        } else if (!served.test(county)) {
            error(person, line, countyColumn, Reason.of("roster.error.countyNotServed", county));
        } else if (person.county == null) {
            person.county = county;
            person.countyLine = line;
        } else if (!person.county.equals(county)) {
            error(person, line, countyColumn, Reason.of("roster.error.countyDiffers", county, person.county,
                    person.countyLine));
        }

        String household = h.cell(cells, RosterColumn.HOUSEHOLD_ID);
        String householdColumn = h.name(RosterColumn.HOUSEHOLD_ID);
        if (household.codePointCount(0, household.length()) > BeneficiaryValidator.MAX_HOUSEHOLD_ID_LENGTH) {
            error(person, line, householdColumn, Reason.of("roster.error.householdLong",
                    BeneficiaryValidator.MAX_HOUSEHOLD_ID_LENGTH));
        } else if (!household.isEmpty()) {
            if (person.householdId == null) {
                person.householdId = household;
                person.householdLine = line;
            } else if (!person.householdId.equals(household)) {
                error(person, line, householdColumn, Reason.of("roster.error.householdDiffers", household,
                        person.householdId, person.householdLine));
            }
        }

        readResidence(line, cells, person);
        readSpan(line, cells, person);
        readTags(line, cells, person);
        readDiseases(line, cells, person);

        String exitedColumn = h.name(RosterColumn.EXITED_ON);
        LocalDate exitedOn = date(line, h.cell(cells, RosterColumn.EXITED_ON), exitedColumn, "exit", person);
        if (exitedOn != null) {
            if (person.exitedOn == null) {
                person.exitedOn = exitedOn;
                person.exitedLine = line;
            } else if (!person.exitedOn.equals(exitedOn)) {
                error(person, line, exitedColumn, Reason.of("roster.error.exitDiffers", exitedOn, person.exitedOn,
                        person.exitedLine));
            }
        }
    }

    /** Township, village and household income: optional; the first row of a person that gives one counts. */
    private void readResidence(int line, String[] cells, Person person) {
        RosterHeader h = header;
        String township = h.cell(cells, RosterColumn.TOWNSHIP);
        if (!township.isEmpty() && person.township == null) {
            person.township = township;
        }
        String village = h.cell(cells, RosterColumn.VILLAGE);
        if (!village.isEmpty() && person.village == null) {
            person.village = village;
        }
        String income = h.cell(cells, RosterColumn.HOUSEHOLD_INCOME).replace(",", "");
        if (!income.isEmpty() && person.householdIncome == null) {
            try {
                person.householdIncome = new java.math.BigDecimal(income);
            } catch (NumberFormatException e) {
                error(person, line, h.name(RosterColumn.HOUSEHOLD_INCOME),
                        Reason.of("roster.error.incomeNotAmount", income));
            }
        }
    }

    private void readSpan(int line, String[] cells, Person person) {
        RosterHeader h = header;
        String categoryText = h.cell(cells, RosterColumn.CATEGORY);
        String categoryColumn = h.name(RosterColumn.CATEGORY);
        String code = null;
        if (categoryText.isEmpty()) {
            error(person, line, categoryColumn, Reason.of("roster.error.categoryMissing"));
        } else {
            code = CATEGORY_NAMES.get(categoryText.toUpperCase(Locale.ROOT));
            if (code == null) {
                code = CATEGORY_NAMES.get(WHITESPACE.matcher(categoryText).replaceAll(""));
            }
            if (code == null) {
                error(person, line, categoryColumn, Reason.of("roster.error.categoryUnknown", categoryText));
            }
        }
        String fromColumn = h.name(RosterColumn.CATEGORY_FROM);
        String fromText = h.cell(cells, RosterColumn.CATEGORY_FROM);
        LocalDate from = null;
        if (fromText.isEmpty()) {
            error(person, line, fromColumn, Reason.of("roster.error.categoryFromMissing"));
        } else {
            from = date(line, fromText, fromColumn, "from", person);
        }
        String toColumn = h.name(RosterColumn.CATEGORY_TO);
        LocalDate to = date(line, h.cell(cells, RosterColumn.CATEGORY_TO), toColumn, "to", person);
        if (from != null && to != null && to.isBefore(from)) {
            error(person, line, toColumn, Reason.of("roster.error.categoryEndsBeforeStart", to, from));
        }
        if (!person.hasErrors()) {
            person.spans.add(new CategorySpan(code, from, to));
            person.spanLines.add(line);
        }
    }

    private void readTags(int line, String[] cells, Person person) {
        String text = header.cell(cells, RosterColumn.STANDARD_TAGS);
        if (text.isEmpty()) {
            return;
        }
        for (String token : LIST_SEPARATOR.split(text)) {
            if (token.isEmpty()) {
                continue;
            }
            String tag = TAG_NAMES.get(token.toUpperCase(Locale.ROOT));
            if (tag == null) {
                error(person, line, header.name(RosterColumn.STANDARD_TAGS),
                        Reason.of("roster.error.tagUnknown", token));
            } else {
                person.tags.add(tag);
            }
        }
    }

    private void readDiseases(int line, String[] cells, Person person) {
        String text = header.cell(cells, RosterColumn.CHRONIC_DISEASES);
        if (text.isEmpty()) {
            return;
        }
        String column = header.name(RosterColumn.CHRONIC_DISEASES);
        Set<String> inThisRow = new LinkedHashSet<>();
        for (String entry : DISEASE_SEPARATOR.split(text)) {
            if (entry.isEmpty()) {
                continue;
            }
            Matcher parts = DISEASE_ENTRY.matcher(entry);
            if (!parts.matches()) {
                error(person, line, column, Reason.of("roster.error.diseaseNoDate", entry));
                continue;
            }
            String code = parts.group(1).strip().toUpperCase(Locale.ROOT);
            if (!BeneficiaryValidator.isDiseaseCode(code)) {
                error(person, line, column, Reason.of("roster.error.diseaseCode", parts.group(1).strip()));
                continue;
            }
            LocalDate approvedOn = date(line, parts.group(2).strip(), column, "approval", person);
            if (parts.group(2).isBlank()) {
                error(person, line, column, Reason.of("roster.error.diseaseApprovalMissing", code));
            }
            if (approvedOn == null) {
                continue;
            }
            if (!inThisRow.add(code)) {
                error(person, line, column, Reason.of("roster.error.diseaseTwice", code));
                continue;
            }
            DiseaseApproval earlier = person.diseases.putIfAbsent(code, new DiseaseApproval(code, approvedOn));
            if (earlier == null) {
                person.diseaseLines.put(code, line);
            } else if (!earlier.approvedOn().equals(approvedOn)) {
                error(person, line, column, Reason.of("roster.error.diseaseDates", code, approvedOn,
                        earlier.approvedOn(), person.diseaseLines.get(code)));
            }
        }
    }

    /**
     * {@code null} for a blank cell or a bad date (then reported); {@code what} names the date in the report, as the
     * suffix of its {@code roster.date.*} message.
     */
    private LocalDate date(int line, String text, String column, String what, Person person) {
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
            error(person, line, column, Reason.of("roster.error.dateFormat", Reason.nested("roster.date." + what), text));
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADay) {
            error(person, line, column, Reason.of("roster.error.dateInvalid", Reason.nested("roster.date." + what), text));
            return null;
        }
    }

    RosterParseResult finish() {
        if (header == null && firstRow != null) {
            header = new RosterHeader(firstRowLine, firstRow);  // refuses, naming the required columns
        }
        if (header == null) {
            throw invalid("The roster file is empty.");
        }
        List<BeneficiaryRecord> records = new ArrayList<>(persons.size());
        int rejected = 0;
        int invalidRows = 0;
        for (Person person : persons.values()) {
            if (!person.hasErrors()) {
                BeneficiaryValidator.Checked checked = BeneficiaryValidator.checked(record(person));
                for (BeneficiaryValidator.Complaint error : checked.errors()) {
                    rowError(person, error);
                }
                if (!person.hasErrors()) {
                    records.add(checked.normal());
                    continue;
                }
            }
            rejected++;
            invalidRows += person.lineCount;
            int firstBadLine = person.lines[person.linesInError.nextSetBit(0)];
            for (int i = person.linesInError.nextClearBit(0); i < person.lineCount;
                 i = person.linesInError.nextClearBit(i + 1)) {
                report.add(new RowError(person.lines[i], header.name(RosterColumn.ID_NUMBER),
                        Reason.of("roster.error.samePerson", firstBadLine, IdNumbers.mask(person.idNumber))), header);
            }
        }
        return new RosterParseResult(rows, records, rejected, report.sorted(), report.count(), invalidRows);
    }

    /** Reports an error of one of the person's rows: the person is not imported. */
    private void error(Person person, int line, String column, Reason reason) {
        report.add(new RowError(line, column, reason), header);
        person.markInError(line);
    }

    private static BeneficiaryRecord record(Person person) {
        return new BeneficiaryRecord(person.idNumber, person.name, person.county, person.householdId,
                person.spans, person.tags, List.copyOf(person.diseases.values()), person.exitedOn)
                .withResidence(person.township, person.village, person.householdIncome);
    }

    /** Places a validator's complaint about the merged person on the row it came from. */
    private void rowError(Person person, BeneficiaryValidator.Complaint error) {
        String field = error.field();
        if (field.startsWith("categories[")) {
            int i = Integer.parseInt(field.substring("categories[".length(), field.indexOf(']')));
            RosterColumn column = field.endsWith(".from") ? RosterColumn.CATEGORY_FROM
                    : field.endsWith(".to") ? RosterColumn.CATEGORY_TO : RosterColumn.CATEGORY;
            error(person, person.spanLines.get(i), header.name(column), error.reason());
            return;
        }
        RosterColumn column = switch (field.replaceAll("[\\[.].*", "")) {
            case "idNumber" -> RosterColumn.ID_NUMBER;
            case "name" -> RosterColumn.NAME;
            case "county" -> RosterColumn.COUNTY;
            case "householdId" -> RosterColumn.HOUSEHOLD_ID;
            case "standardTags" -> RosterColumn.STANDARD_TAGS;
            case "chronicDiseases" -> RosterColumn.CHRONIC_DISEASES;
            case "exitedOn" -> RosterColumn.EXITED_ON;
            case "township" -> RosterColumn.TOWNSHIP;
            case "village" -> RosterColumn.VILLAGE;
            case "householdIncome" -> RosterColumn.HOUSEHOLD_INCOME;
            default -> RosterColumn.CATEGORY;
        };
        error(person, person.lines[0], header.name(column), error.reason());
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void categoryAliases(PersonCategory category, String... names) {
        for (String name : names) {
            CATEGORY_NAMES.put(name, category.name());
        }
    }

    /** The first {@link RosterParseResult#REPORTED_ERRORS} errors by line and column, and how many there are. */
    private static final class ReportedErrors {

        private record Entry(RowError error, int column, int sequence) {
        }

        /** By line, then by the column's place in the file, then as found: the order of the report. */
        private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry entry) -> entry.error().line())
                .thenComparingInt(Entry::column).thenComparingInt(Entry::sequence);

        /** The kept errors with the last of them on top, to be dropped when an earlier one comes. */
        private final PriorityQueue<Entry> kept = new PriorityQueue<>(ORDER.reversed());
        private int count;

        void add(RowError error, RosterHeader header) {
            Entry entry = new Entry(error, header.order(error.column()), count++);
            if (kept.size() < RosterParseResult.REPORTED_ERRORS) {
                kept.add(entry);
            } else if (ORDER.compare(entry, kept.peek()) < 0) {
                kept.poll();
                kept.add(entry);
            }
        }

        int count() {
            return count;
        }

        List<RowError> sorted() {
            return kept.stream().sorted(ORDER).map(Entry::error).toList();
        }
    }
}
