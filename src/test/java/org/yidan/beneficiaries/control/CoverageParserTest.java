package org.yidan.beneficiaries.control;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.control.CoverageParser.RowError;
import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.platform.control.RefusedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageParserTest {

    private static final String ZHANG = IdNumbersTest.withCheckCharacter("37032319580312021");
    private static final String LI = IdNumbersTest.withCheckCharacter("37032319600721042");
    private static final String WANG = IdNumbersTest.withCheckCharacter("37032319670419271");

    private static CoverageParser.Result parse(String csv) {
        return CoverageParser.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static CoverageRecord record(CoverageParser.Result result, String idNumber) {
        return result.valid().stream().map(CoverageParser.Row::record).filter(r -> r.idNumber().equals(idNumber))
                .findFirst().orElse(null);
    }

    @Test
    void readsAChineseExportWithATitleRowAndNames() {
        CoverageParser.Result result = parse("沂源县2020年参保名单\n"
                + "身份证号,姓名,年度,是否参保,参保日期,险种,补贴类别,补贴金额\n"
                + ZHANG + ",张洪顺,2020,是,2020/1/1,城乡居民基本医疗保险,低保对象,\"1,250.5\"\n"
                + LI + ",李秀兰,2020年,否,,,,\n");
        assertEquals(List.of(), result.errors());
        assertEquals(2, result.rows());
        assertEquals(new CoverageRecord(ZHANG, 2020, true, LocalDate.of(2020, 1, 1), "RESIDENT", "DIBAO",
                new BigDecimal("1250.50")), record(result, ZHANG));
        assertEquals(new CoverageRecord(LI, 2020, false, null, null, null, null), record(result, LI));
        assertEquals(3, result.valid().get(0).line(), "the title row is line 1, the header line 2");
    }

    @Test
    void readsGbkAndEnglishHeaders() {
        String csv = "idNumber,year,insured,scheme\n" + ZHANG + ",2021,未参保,\n" + LI + ",2021,TRUE,EMPLOYEE\n";
        CoverageParser.Result result = CoverageParser.parse(csv.getBytes(Charset.forName("GBK")));
        assertEquals(List.of(), result.errors());
        assertFalse(record(result, ZHANG).insured());
        assertEquals("EMPLOYEE", record(result, LI).scheme());
    }

    @Test
    void reportsEveryBadCellAndKeepsTheGoodRows() {
        CoverageParser.Result result = parse("身份证号,年度,是否参保,参保日期,险种,补贴类别,补贴金额\n"
                + ZHANG + ",2020,是,2020-01-01,RESIDENT,TEKUN,100\n"
                + "370323195803120210,2020,也许,2020-02-30,火星保险,富豪,-5\n"
                + WANG + ",二〇二〇,否,2020-01-01,,,12.345\n");
        assertEquals(1, result.valid().size());
        assertEquals(ZHANG, result.valid().get(0).record().idNumber());
        assertEquals(2, result.invalidRows());
        List<RowError> line3 = result.errors().stream().filter(e -> e.line() == 3).toList();
        assertEquals(List.of("是否参保", "参保日期"), line3.stream().map(RowError::column).toList(),
                "cells that cannot be read at all are reported first; the rules are checked once they can");
        assertTrue(line3.get(0).reason().contains("也许"));
        List<RowError> line4 = result.errors().stream().filter(e -> e.line() == 4).toList();
        assertEquals("年度", line4.get(0).column());
    }

    @Test
    void refusesWhatTheRulesRefuseRowByRow() {
        CoverageParser.Result result = parse("身份证号,年度,是否参保,参保日期,险种,补贴类别,补贴金额\n"
                + "370323195803120210,2020,是,,,,\n"
                + ZHANG + ",2020,否,2020-01-01,,,\n"
                + LI + ",2020,是,2021-03-01,,,\n"
                + WANG + ",2020,是,,火星保险,富豪,12.345\n");
        assertEquals(List.of(), result.valid());
        assertEquals(List.of(2, 3, 4, 5, 5, 5), result.errors().stream().map(RowError::line).toList());
        assertEquals("身份证号", result.errors().get(0).column());
        assertTrue(result.errors().get(1).reason().contains("not insured"), result.errors().get(1).reason());
        assertTrue(result.errors().get(2).reason().contains("after the year"), result.errors().get(2).reason());
        assertEquals(List.of("险种", "补贴类别", "补贴金额"),
                result.errors().subList(3, 6).stream().map(RowError::column).toList());
    }

    @Test
    void aPersonAndYearTwiceLeavesBothRowsOut() {
        CoverageParser.Result result = parse("身份证号,年度,是否参保\n"
                + ZHANG + ",2020,是\n" + ZHANG.toLowerCase() + ",2020,否\n" + ZHANG + ",2021,是\n");
        assertEquals(1, result.valid().size());
        assertEquals(2021, result.valid().get(0).record().year());
        assertEquals(List.of(2, 3), result.errors().stream().map(RowError::line).toList());
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithDateCells() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("参保");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy年m月d日"));
            Row header = sheet.createRow(0);
            String[] names = {"身份证号", "年度", "是否参保", "参保日期", "补贴金额"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(ZHANG);
            row.createCell(1).setCellValue(2020);
            row.createCell(2).setCellValue("是");
            row.createCell(3).setCellValue(LocalDate.of(2020, 3, 5));
            row.getCell(3).setCellStyle(dates);
            row.createCell(4).setCellValue(180);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        CoverageParser.Result result = CoverageParser.parse(xlsx);
        assertEquals(List.of(), result.errors());
        CoverageRecord zhang = record(result, ZHANG);
        assertEquals(LocalDate.of(2020, 3, 5), zhang.since());
        assertEquals(new BigDecimal("180.00"), zhang.subsidyAmount());
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() {
        RefusedException refused = assertThrows(RefusedException.class,
                () -> parse("身份证号,姓名\n" + ZHANG + ",张洪顺\n"));
        assertEquals(422, refused.status());
        assertEquals("COVERAGE_FILE_INVALID", refused.code());
        assertTrue(refused.getMessage().contains("年度") && refused.getMessage().contains("是否参保"),
                refused.getMessage());
        assertEquals("COVERAGE_FILE_INVALID", assertThrows(RefusedException.class,
                () -> CoverageParser.parse(new byte[0])).code());
    }
}
