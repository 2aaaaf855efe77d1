package org.yidan.beneficiaries.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.control.RosterParseResult.RowError;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;

class RosterParserTest {

    private static final String ZHANG = IdNumbersTest.withCheckCharacter("37032319580312021");
    private static final String LI = IdNumbersTest.withCheckCharacter("37032319600721042");
    private static final String WANG = IdNumbersTest.withCheckCharacter("37032319670419271");

    private static final String CHINESE_HEADER = "身份证号,姓名,县区代码,户编号,人员类别,类别起始日期,类别终止日期,标准,慢病,销号日期\n";

    private static final String CHINESE_ROSTER = CHINESE_HEADER
            + ZHANG + ",张洪顺,370323,H-0001,低保对象,2020-01-01,,,,\n"
            + LI + ",李秀兰,370323,H-0001,DIBAO,2020/1/1,,国标、省标,\"HYPERTENSION:2019-03-01;DIABETES:2020-01-15\",\n"
            + WANG + ",王永福,370323,H-0002,建档立卡,20160101,20201231,NATIONAL,,2020-12-31\n";

    private static RosterParseResult parse(String csv) {
        return RosterParser.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static BeneficiaryRecord record(RosterParseResult result, String idNumber) {
        return result.records().stream().filter(r -> r.idNumber().equals(idNumber)).findFirst().orElse(null);
    }

    private static RefusedException refusal(byte[] content) {
        RefusedException refused = assertThrows(RefusedException.class, () -> RosterParser.parse(content));
        assertEquals(422, refused.status());
        assertEquals("ROSTER_INVALID", refused.code());
        return refused;
    }

    private static void assertChineseRoster(RosterParseResult result) {
        assertEquals(List.of(), result.errors());
        assertEquals(3, result.rows());
        assertEquals(List.of(ZHANG, LI, WANG), result.records().stream().map(BeneficiaryRecord::idNumber).toList());
        assertEquals(new BeneficiaryRecord(ZHANG, "张洪顺", "370323", "H-0001",
                List.of(new CategorySpan("DIBAO", LocalDate.of(2020, 1, 1), null)), Set.of(), List.of(), null),
                record(result, ZHANG));
        BeneficiaryRecord li = record(result, LI);
        assertEquals(Set.of("NATIONAL", "PROVINCIAL"), li.standardTags());
        assertEquals(List.of(new DiseaseApproval("HYPERTENSION", LocalDate.of(2019, 3, 1)),
                new DiseaseApproval("DIABETES", LocalDate.of(2020, 1, 15))), li.chronicDiseases());
        BeneficiaryRecord wang = record(result, WANG);
        assertEquals(List.of(new CategorySpan("REGISTERED_POOR", LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31))),
                wang.categories());
        assertEquals(LocalDate.of(2020, 12, 31), wang.exitedOn());
    }

    @Test
    void readsTownshipVillageAndHouseholdIncome() {
        RosterParseResult result = parse("身份证号,姓名,县区代码,人员类别,类别起始日期,乡镇,村,家庭年收入\n"
                + ZHANG + ",张洪顺,370323,DIBAO,2020-01-01,南麻街道,城西村,\"12,000.5\"\n"
                + LI + ",李秀兰,370323,DIBAO,2020-01-01,,,很多\n");
        BeneficiaryRecord zhang = record(result, ZHANG);
        assertEquals("南麻街道", zhang.township());
        assertEquals("城西村", zhang.village());
        assertEquals(0, new java.math.BigDecimal("12000.50").compareTo(zhang.householdIncome()));
        assertEquals(null, record(result, LI), "an income that is no amount rejects the person");
        assertEquals(List.of("家庭年收入"), result.errors().stream().map(RosterParseResult.RowError::column).toList());
    }

    @Test
    void readsAUtf8CsvWithChineseHeaders() {
        assertChineseRoster(parse(CHINESE_ROSTER));
    }

    @Test
    void readsAUtf8CsvWithAByteOrderMark() {
        byte[] text = CHINESE_ROSTER.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertChineseRoster(RosterParser.parse(withBom));
    }

    @Test
    void readsAGbkCsvWithWindowsLineEnds() {
        byte[] gbk = CHINESE_ROSTER.replace("\n", "\r\n").getBytes(Charset.forName("GBK"));
        assertChineseRoster(RosterParser.parse(gbk));
    }

    @Test
    void readsEnglishHeadersInAnyOrderAndIgnoresUnknownColumns() {
        RosterParseResult result = parse("remark,category,name,idNumber,county,categoryFrom\n"
                + "x," + "TEKUN,刘玉珍," + ZHANG.toLowerCase() + ",370323,2015-06-01\n");
        assertEquals(List.of(), result.errors());
        assertEquals(new BeneficiaryRecord(ZHANG, "刘玉珍", "370323", null,
                        List.of(new CategorySpan("TEKUN", LocalDate.of(2015, 6, 1), null)), Set.of(), List.of(), null),
                result.records().get(0));
    }

    @Test
    void readsATabSeparatedExport() {
        assertChineseRoster(parse(CHINESE_ROSTER.replace(",", "\t").replace("\"", "")
                .replace("HYPERTENSION:2019-03-01;DIABETES", "HYPERTENSION:2019-03-01；DIABETES")));
    }

    @Test
    void skipsATitleRowAboveTheHeader() {
        RosterParseResult result = parse("沂源县2020年医保扶贫对象名单,,,,,,,,,\n" + CHINESE_ROSTER
                + LI.substring(0, 17) + "9,李秀兰,370323,,DIBAO,2020-01-01,,,,\n");
        assertEquals(4, result.rows());
        assertEquals(3, result.records().size());
        assertEquals(6, result.errors().get(0).line(), "the title is line 1, the header line 2");
    }

    @Test
    void groupsTheRowsOfOnePersonIntoOneRecord() {
        RosterParseResult result = parse(CHINESE_HEADER
                + ZHANG + ",张洪顺,370323,H-0001,TEMPORARY,2020-02-01,2020-12-31,,,\n"
                + LI + ",李秀兰,370323,,DIBAO,2020-01-01,,,,\n"
                + ZHANG + ",张洪顺,370323,,LOW_INCOME,2021-01-01,,国标,HYPERTENSION:2019-03-01,\n"
                + ZHANG + ",张洪顺,370323,H-0001,低保对象,2022-01-01,,省标,HYPERTENSION:2019-03-01,\n");
        assertEquals(List.of(), result.errors());
        assertEquals(4, result.rows());
        assertEquals(2, result.records().size());
        BeneficiaryRecord zhang = result.records().get(0);
        assertEquals(ZHANG, zhang.idNumber());
        assertEquals("H-0001", zhang.householdId());
        assertEquals(List.of("TEMPORARY", "LOW_INCOME", "DIBAO"),
                zhang.categories().stream().map(CategorySpan::code).toList());
        assertEquals(Set.of("NATIONAL", "PROVINCIAL"), zhang.standardTags());
        assertEquals(1, zhang.chronicDiseases().size());
    }

    @Test
    void reportsEveryKindOfInvalidRowWithItsLineAndColumn() {
        String badCheck = ZHANG.substring(0, 17) + (ZHANG.charAt(17) == '0' ? '1' : '0');
        String[] ids = new String[16];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = IdNumbersTest.withCheckCharacter("3703231970010" + (100 + i) + "1");
        }
        RosterParseResult result = parse(CHINESE_HEADER
                + badCheck + ",甲,370323,,DIBAO,2020-01-01,,,,\n"                                   // 2
                + "3.70323E+17,乙,370323,,DIBAO,2020-01-01,,,,\n"                                 // 3
                + ids[0] + ",,370323,,DIBAO,2020-01-01,,,,\n"                                      // 4
                + ids[1] + ",丙,37032,,DIBAO,2020-01-01,,,,\n"                                     // 5
                + ids[2] + ",丁,370323,,低保户口,2020-01-01,,,,\n"                                   // 6
                + ids[3] + ",戊,370323,,DIBAO,2020-13-01,,,,\n"                                    // 7
                + ids[4] + ",己,370323,,DIBAO,,,,,\n"                                              // 8
                + ids[5] + ",庚,370323,,DIBAO,2020-05-01,2020-04-30,,,\n"                          // 9
                + ids[6] + ",辛,370323,,DIBAO,2020-01-01,,县标,,\n"                                 // 10
                + ids[7] + ",壬,370323,,DIBAO,2020-01-01,,,HYPERTENSION,\n"                        // 11
                + ids[8] + ",癸,370323,,DIBAO,2020-01-01,,,高血压:2019-03-01,\n"                      // 12
                + ids[9] + ",子,370323,,DIBAO,2020-01-01,,,,2020-02-30\n"                          // 13
                + ids[10] + ",丑,370323,,DIBAO,2020-01-01,,,,\n"                                   // 14
                + ids[10] + ",丑,370323,,DIBAO,2020-06-01,,,,\n"                                   // 15 overlaps 14
                + ids[11] + ",寅,370323,,DIBAO,2020-01-01,,,,\n"                                   // 16
                + ids[11] + ",卯,370323,,TEKUN,2020-01-01,,,,\n"                                   // 17 other name
                + ids[12] + ",辰,370323,,DIBAO,2020-01-01,,,,\n"                                   // 18
                + ids[12] + ",辰,370323,,TEKUN,yesterday,,,,\n"                                    // 19
                + ids[12] + ",辰,370323,,LOW_INCOME,2021-01-01,,,,\n"                              // 20
                + ids[13] + ",巳,370323,,DIBAO,2020-01-01,,,,\n");                                 // 21 valid
        assertEquals(20, result.rows());
        assertEquals(List.of(ids[13]), result.records().stream().map(BeneficiaryRecord::idNumber).toList());
        assertEquals(15, result.rejectedPersons());
        String table = result.errors().stream().map(e -> e.line() + " " + e.column())
                .collect(Collectors.joining("\n"));
        assertEquals(String.join("\n",
                "2 身份证号", "3 身份证号", "4 姓名", "5 县区代码", "6 人员类别", "7 类别起始日期", "8 类别起始日期",
                "9 类别终止日期", "10 标准", "11 慢病", "12 慢病", "13 销号日期", "14 身份证号", "15 人员类别",
                "16 身份证号", "17 姓名", "18 身份证号", "19 类别起始日期", "20 身份证号"), table);
        assertReason(result, 2, "check character");
        assertReason(result, 3, "stored as a number");
        assertReason(result, 7, "'2020-13-01' is not a real day");
        assertReason(result, 9, "before it starts");
        assertReason(result, 11, "lacks its approval date");
        assertReason(result, 14, "Not imported: line 15 of the same person");
        assertReason(result, 15, "overlaps");
        assertReason(result, 17, "differs from '寅' on line 16");
        assertReason(result, 20, "Not imported: line 19");
    }

    /** A person of a county the installation does not serve is refused on their row, the others imported. */
    @Test
    void aPersonOfACountyNotServedIsRefusedRowByRow() {
        String roster = CHINESE_HEADER
                + ZHANG + ",张洪顺,370323,H-0001,低保对象,2020-01-01,,,,\n"
                + LI + ",李秀兰,110101,H-0009,DIBAO,2020-01-01,,,,\n"
                + LI + ",李秀兰,110101,H-0009,TEKUN,2021-01-01,,,,\n";
        RosterParseResult result = RosterParser.parse(roster.getBytes(StandardCharsets.UTF_8),
                Set.of("370323", "620422")::contains);
        assertEquals(List.of(ZHANG), result.records().stream().map(BeneficiaryRecord::idNumber).toList());
        assertEquals(1, result.rejectedPersons());
        assertEquals(2, result.invalidRows());
        RowError line3 = result.errors().stream().filter(e -> e.line() == 3).findFirst().orElseThrow();
        assertEquals("县区代码", line3.column());
        assertTrue(line3.reason().contains("does not serve county 110101"), line3.reason());
        assertReason(result, 4, "does not serve county 110101");
        // without the served list (the parser's own tests) every county is read
        assertEquals(2, RosterParser.parse(roster.getBytes(StandardCharsets.UTF_8)).records().size());
    }

    /** Each error as "line column reason", the reason in English as the API answers it. */
    private static List<String> described(RosterParseResult result) {
        return result.errors().stream().map(e -> e.line() + " " + e.column() + " " + e.reason()).toList();
    }

    private static void assertReason(RosterParseResult result, int line, String fragment) {
        RowError error = result.errors().stream().filter(e -> e.line() == line).findFirst().orElseThrow();
        assertTrue(error.reason().contains(fragment), line + ": " + error.reason());
    }

    @Test
    void countsLinesAsAnEditorDoes() {
        RosterParseResult result = parse("\n" + CHINESE_HEADER.replace("\n", "\r\n")
                + ZHANG + ",\"张\n洪顺\",370323,,DIBAO,2020-01-01,,,,\r\n"
                + "\r\n"
                + ",,,,,,,,,\r\n"
                + LI + ",李秀兰,370323,,DIBAO,2020-13-01,,,,");
        assertEquals(2, result.rows());
        assertEquals(List.of("7 类别起始日期 The start date '2020-13-01' is not a real day."), described(result));
    }

    @Test
    void readsAnXlsxWorkbookWithRealDates() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Sheet sheet = workbook.createSheet("名单");
            Row header = sheet.createRow(0);
            String[] names = {"姓名", "身份证号", "县区代码", "人员类别", "类别起始日期", "类别终止日期", "慢病"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row zhang = sheet.createRow(1);
            zhang.createCell(0).setCellValue("张洪顺");
            zhang.createCell(1).setCellValue(ZHANG);
            zhang.createCell(2).setCellValue(370323);
            zhang.createCell(3).setCellValue("低保对象");
            zhang.createCell(4).setCellValue(LocalDate.of(2020, 1, 1));
            zhang.getCell(4).setCellStyle(date);
            zhang.createCell(6).setCellValue("HYPERTENSION:2019-03-01");
            // row 3 left empty, as happens
            Row li = sheet.createRow(3);
            li.createCell(0).setCellValue("李秀兰");
            li.createCell(1).setCellValue(LI);
            li.createCell(2).setCellValue("370323");
            li.createCell(3).setCellValue("TEKUN");
            li.createCell(4).setCellValue("2019/7/1");
            li.createCell(5).setCellValue(LocalDate.of(2018, 12, 31));
            li.getCell(5).setCellStyle(date);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        RosterParseResult result = RosterParser.parse(xlsx);
        assertEquals(2, result.rows());
        assertEquals(new BeneficiaryRecord(ZHANG, "张洪顺", "370323", null,
                List.of(new CategorySpan("DIBAO", LocalDate.of(2020, 1, 1), null)), Set.of(),
                List.of(new DiseaseApproval("HYPERTENSION", LocalDate.of(2019, 3, 1))), null), result.records().get(0));
        assertEquals(List.of("4 类别终止日期 The category ends on 2018-12-31, before it starts on 2019-07-01."),
                described(result), "Excel's row number, the empty row counted");
    }

    @Test
    void refusesARosterWithoutTheRequiredColumnsNamingThem() {
        RefusedException refused = refusal("姓名,县区代码,人员类别,备注\n张三,370323,DIBAO,\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("idNumber", "categoryFrom"), refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.getMessage().contains("身份证号 (idNumber), 类别起始日期 (categoryFrom)"), refused.getMessage());
        assertTrue(refusal((CHINESE_HEADER.replace("\n", ",姓名\n")).getBytes(StandardCharsets.UTF_8))
                .getMessage().contains("twice"));
    }

    @Test
    void refusesFilesThatAreNoRoster() {
        assertTrue(refusal(new byte[0]).getMessage().contains("empty"));
        assertTrue(refusal(" \r\n\r\n".getBytes(StandardCharsets.UTF_8)).getMessage().contains("empty"));
        assertTrue(refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13})
                .getMessage().contains("neither CSV"));
        assertTrue(refusal(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0}).getMessage().contains(".xls"));
        assertTrue(refusal(new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8}).getMessage().contains("XLSX"));
        assertTrue(refusal((CHINESE_HEADER + "\"unterminated\n").getBytes(StandardCharsets.UTF_8))
                .getMessage().contains("CSV"));
    }

    @Test
    void theSampleRosterOfYiyuanHoldsEighteenPersonsAndTwoBadRows() throws IOException {
        for (String name : List.of("roster-370323.csv", "roster-370323-gbk.csv")) {
            RosterParseResult result;
            try (InputStream in = getClass().getResourceAsStream("/rosters/" + name)) {
                assertNotNull(in, name);
                result = RosterParser.parse(in);
            }
            assertEquals(22, result.rows(), name);
            assertEquals(18, result.records().size(), name);
            assertEquals(2, result.rejectedPersons(), name);
            assertEquals(List.of(22, 23), result.errors().stream().map(RowError::line).toList(), name);
            assertEquals(List.of("身份证号", "类别起始日期"), result.errors().stream().map(RowError::column).toList());
            assertTrue(result.records().stream().allMatch(r -> r.idNumber().startsWith("370323")));
            assertEquals(2, result.records().stream().filter(r -> r.categories().size() == 2).count());
        }
    }

    @Test
    void reads35000RowsQuickly() {
        StringBuilder csv = new StringBuilder(CHINESE_HEADER);
        String[] categories = {"DIBAO", "低保对象", "TEKUN", "建档立卡", "LOW_INCOME", "即时帮扶人员"};
        int rows = 35_000;
        for (int i = 0; i < rows; i++) {
            String id = IdNumbersTest.withCheckCharacter(String.format("370323%04d0101%03d", 1940 + i % 60, i % 1000)
                    .substring(0, 14) + String.format("%03d", i / 60 % 1000));
            csv.append(id).append(",姓名").append(i).append(",370323,H-").append(i / 3).append(',')
                    .append(categories[i % categories.length]).append(",2020-01-01,,国标,")
                    .append(i % 4 == 0 ? "HYPERTENSION:2019-03-01" : "").append(",\n");
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        RosterParser.parse(content);
        long cold = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        RosterParseResult result = RosterParser.parse(content);
        long warm = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("RosterParser: %d rows (%d KB of CSV) parsed in %d ms (first run, cold JVM: %d ms)%n",
                rows, content.length / 1024, warm, cold);
        assertEquals(rows, result.rows());
        assertEquals(List.of(), result.errors());
        assertEquals(rows, result.records().size());
    }

    /**
     * A megabyte of junk under a valid header (500,000 rows of "a", five errors each) was 2.5 million errors, all
     * kept, sorted and sent back. The parse now keeps the first thousand, counts them all, and keeps no state for
     * rows it has reported.
     */
    @Test
    void reportsTheFirstThousandErrorsOfAMegabyteOfJunkAndCountsThemAll() {
        StringBuilder csv = new StringBuilder(CHINESE_HEADER);
        int rows = 0;
        while (csv.length() < 1_000_000) {
            csv.append("a\n");
            rows++;
        }
        long start = System.nanoTime();
        RosterParseResult result = RosterParser.parse(csv.toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf("RosterParser: %d rows of junk (%d KB) parsed in %d ms, %d errors, %d reported%n", rows,
                csv.length() / 1024, (System.nanoTime() - start) / 1_000_000, result.errorCount(),
                result.errors().size());
        assertEquals(rows, result.rows());
        assertEquals(List.of(), result.records());
        assertEquals(RosterParseResult.REPORTED_ERRORS, result.errors().size());
        assertTrue(result.errorsTruncated());
        // each row lacks a valid ID number, a name, a county, a category and its start date
        assertEquals(5 * rows, result.errorCount());
        assertEquals(rows, result.invalidRows());
        // the first thousand by line and column: lines 2 to 201, each in the header's column order
        assertEquals(2, result.errors().get(0).line());
        assertEquals(201, result.errors().get(RosterParseResult.REPORTED_ERRORS - 1).line());
        assertEquals(List.of("身份证号", "姓名", "县区代码", "人员类别", "类别起始日期"),
                result.errors().subList(0, 5).stream().map(RowError::column).toList());
    }

    @Test
    void countsEveryErrorAndEveryInvalidRowWhenAllAreReported() {
        RosterParseResult result = parse(CHINESE_HEADER
                + ZHANG + ",张洪顺,370323,,DIBAO,2020-01-01,,,,\n"
                + ZHANG + ",张洪顺,370323,,TEKUN,2020-13-01,,,,\n"
                + "123,,370323,,DIBAO,2020-01-01,,,,\n");
        assertEquals(result.errors().size(), result.errorCount());
        assertEquals(3, result.invalidRows());
        assertFalse(result.errorsTruncated());
    }
}
