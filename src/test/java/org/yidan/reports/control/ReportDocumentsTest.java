package org.yidan.reports.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yidan.policy.entity.Fund;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XLSX and the PDF print the same figures, the charts' figures among them, in Chinese. */
class ReportDocumentsTest {

    static Aggregate slice(String dimension, String key, long settlements, String total, String assistance) {
        BigDecimal fund = new BigDecimal(assistance);
        return new Aggregate(dimension, key, null, settlements, settlements, new BigDecimal(total),
                new BigDecimal(total), fund, new BigDecimal(total).subtract(fund), settlements,
                Map.of(Fund.ASSISTANCE, fund));
    }

    static Summary summary() {
        Target ceiling = new Target("actual-ratio-ceiling", "实际补偿比上限（通行做法，系统默认值）", "actualRatio", "all",
                Target.Bound.CEILING, new BigDecimal("0.90"), "default");
        Aggregate total = slice("all", null, 3, "1000.00", "950.00");
        return new Summary("620422", "会宁县", ReportPeriod.parse("2018-05"), total,
                List.of(slice("month", "2018-05", 3, "1000.00", "950.00"),
                        slice("township", "会师镇", 3, "1000.00", "950.00"),
                        slice("category", "DIBAO", 2, "600.00", "570.00"),
                        slice("category", "REGISTERED_POOR", 2, "700.00", "660.00")),
                List.of(new Summary.TargetResult(ceiling, total.actualRatio(), ceiling.met(total.actualRatio()))),
                List.of(Budget.of(Fund.ASSISTANCE, new BigDecimal("500"), LocalDate.of(2018, 5, 31), new BigDecimal("950.00"))),
                new Summary.Backstop("assistance-backstop", "ASSISTANCE", new BigDecimal("400.00"),
                        new BigDecimal("400.00"), new BigDecimal("969.86"), true),
                "来源：基金台账", OffsetDateTime.parse("2018-06-01T02:00:00+08:00"),
                new Summary.Coverage(2018,
                        List.of(new Summary.CoverageRate("会师镇", 40, 37, 2, 1, 0, new BigDecimal("0.9250")),
                                new Summary.CoverageRate(null, 5, 5, 0, 0, 0, new BigDecimal("1.0000"))),
                        List.of(new Summary.CoverageRate("DIBAO", 30, 29, 1, 0, 0, new BigDecimal("0.9667")))));
    }

    @Test
    void thePdfIsChineseAndCarriesTheTargetAndTheCategoryNote() throws Exception {
        byte[] pdf = ReportPdf.render(summary());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertTrue(text.contains("会宁县医疗保障一站式结算统计报表（2018年5月）"), text);
            assertTrue(text.contains("实际补偿比上限（通行做法，系统默认值）"), text);
            assertTrue(text.contains("95.00%"), "the actual ratio as a percentage: " + text);
            assertTrue(text.contains("未达标"), "0.95 is above the ceiling");
            assertTrue(text.contains("各类别合计4人次，多于总人次3"), text);
            assertTrue(text.contains("969.86"), "the projected backstop shortfall");
            assertTrue(text.contains("按乡镇") && text.contains("会师镇"), "the township breakdown: " + text);
            assertTrue(text.contains("参保率（2018年）按乡镇") && text.contains("92.50%"), "coverage by township: " + text);
            assertTrue(text.contains("参保率（2018年）按人员类别") && text.contains("96.67%"), "coverage by category: " + text);
        }
    }

    @Test
    void theXlsxHasTheSameFiguresAsNumbers() throws Exception {
        byte[] xlsx = ReportXlsx.render(summary());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && "低保对象".equals(row.getCell(0).getStringCellValue())
                        && row.getLastCellNum() > 7) {
                    assertEquals(2.0, row.getCell(1).getNumericCellValue());
                    assertEquals(600.0, row.getCell(3).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue(found, "the category table is in the workbook");
            boolean coverage = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && "会师镇".equals(row.getCell(0).getStringCellValue()) && row.getLastCellNum() == 7) {
                    assertEquals(40.0, row.getCell(1).getNumericCellValue());
                    assertEquals(0.925, row.getCell(6).getNumericCellValue(), 1e-9);
                    coverage = true;
                }
            }
            assertTrue(coverage, "the coverage rate by township is in the workbook");
        }
    }

    @Test
    void theChartsAreChartJsConfigurations() {
        String funds = ChartConfigs.fundsPerMonth(summary());
        assertTrue(funds.contains("\"type\":\"bar\"") && funds.contains("\"stacked\":true") && funds.contains("医疗救助"), funds);
        String categories = ChartConfigs.ratioAgainstTargets(summary(), "category", "各类别实际补偿比与目标");
        assertTrue(categories.contains("\"type\":\"line\"") && categories.contains("上限 0.90（系统默认）"), categories);
        assertTrue(ChartConfigs.inCountyShare(summary()).contains("\"doughnut\""));
    }
}
