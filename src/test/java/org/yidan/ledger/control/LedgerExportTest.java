package org.yidan.ledger.control;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yidan.ledger.boundary.LedgerExports;
import org.yidan.ledger.entity.LedgerRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerExportTest {

    private static LedgerRow row(int i) {
        return new LedgerRow(i, "370323-20200510-" + String.format("%06d", i), "SETTLEMENT", null, "2020-05",
                OffsetDateTime.of(2020, 5, 10, 2, 0, 0, 0, ZoneOffset.UTC), "370323********0215", "张三", "南麻街道",
                "DIBAO", "H1", "县医院", "COUNTY", "INPATIENT", LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 10),
                new BigDecimal("60000.00"), new BigDecimal("50000.00"), BigDecimal.ZERO.setScale(2),
                Map.of("ASSISTANCE", new BigDecimal("8200.00")), new BigDecimal("47950.00"), new BigDecimal("12050.00"));
    }

    @Test
    void csvHasAByteOrderMarkChineseHeadersAndOneLinePerEntry() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LedgerExport export = LedgerExport.csv(LedgerExports.columns(List.of("ASSISTANCE")), out)) {
            export.add(row(1));
            export.add(row(2));
        }
        byte[] bytes = out.toByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("收据号,类型,费款所属期"), lines.get(0));
        assertTrue(lines.get(0).contains("医疗救助") && !lines.get(0).contains("基本医保"), lines.get(0));
        assertTrue(lines.get(1).contains("8200.00") && lines.get(1).contains("结算"), lines.get(1));
        // as the office reads them: names, not codes, and the county's clock (02:00 UTC is 10:00 in Beijing)
        assertTrue(lines.get(1).contains(",低保对象,") && lines.get(1).contains(",县级医疗机构,住院,"), lines.get(1));
        assertTrue(lines.get(1).contains(",2020-05-10 10:00:00,"), lines.get(1));
        assertFalse(lines.get(1).contains("DIBAO") || lines.get(1).contains("INPATIENT"), lines.get(1));
    }

    @Test
    void xlsxIsStreamedRowByRowAndReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LedgerExport export = LedgerExport.xlsx(LedgerExports.columns(List.of()), out)) {
            for (int i = 1; i <= 1000; i++) {  // more than the streaming window of 200 rows
                export.add(row(i));
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(1000, workbook.getSheetAt(0).getLastRowNum());
            assertEquals("370323-20200510-001000", workbook.getSheetAt(0).getRow(1000).getCell(0).getStringCellValue());
        }
    }
}
