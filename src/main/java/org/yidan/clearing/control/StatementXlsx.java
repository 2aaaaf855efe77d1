package org.yidan.clearing.control;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.yidan.clearing.entity.StatementView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** A clearing statement as a spreadsheet: a heading block, every line, the totals. */
public final class StatementXlsx {

    public byte[] render(StatementView s, String countyName, String fundName) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet("清算单");
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            int r = 0;
            String period = ClearingPeriod.labelOf(s.period());
            r = pair(sheet, r, "清算单", countyName + " " + period + " 医疗机构垫付资金清算单 #" + s.id());
            r = pair(sheet, r, "医疗机构", s.hospitalCode() + (s.hospitalName() == null ? "" : " " + s.hospitalName()));
            r = pair(sheet, r, "基金", fundName);
            r = pair(sheet, r, "清算期", period + "（" + s.period() + "）");
            r = pair(sheet, r, "状态", s.statusName());
            r++;
            Row header = sheet.createRow(r++);
            String[] headers = {"收据号", "类型", "姓名", "身份证号", "费款所属期", "出院日期", "金额"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (StatementView.Line line : s.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.receiptNo());
                row.createCell(1).setCellValue("REVERSAL".equals(line.entryType()) ? "冲销" : "结算");
                row.createCell(2).setCellValue(line.personName());
                row.createCell(3).setCellValue(line.idNumber());
                row.createCell(4).setCellValue(line.feeMonth());
                row.createCell(5).setCellValue(line.dischargeDate().toString());
                amount(row, 6, line.amount(), money);
            }
            r++;
            r = total(sheet, r, "清算金额合计", s.total(), money);
            r = total(sheet, r, "考核预留", s.heldBack(), money);
            r = total(sheet, r, "冲抵预拨资金", s.prepaymentApplied(), money);
            total(sheet, r, "应拨付金额", s.payable(), money);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static int pair(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static int total(Sheet sheet, int r, String label, BigDecimal amount, CellStyle money) {
        Row row = sheet.createRow(r);
        row.createCell(5).setCellValue(label);
        amount(row, 6, amount, money);
        return r + 1;
    }

    private static void amount(Row row, int column, BigDecimal amount, CellStyle money) {
        var cell = row.createCell(column);
        cell.setCellValue(amount.doubleValue());
        cell.setCellStyle(money);
    }
}
