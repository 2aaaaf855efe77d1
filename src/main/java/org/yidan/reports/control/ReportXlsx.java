package org.yidan.reports.control;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** The report as an XLSX workbook: one sheet, the tables of {@link ReportTables} one under the other. */
public final class ReportXlsx {

    private ReportXlsx() {
    }

    public static byte[] render(Summary summary) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("统计报表");
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle ratio = book.createCellStyle();
            ratio.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            int at = 0;
            Row title = sheet.createRow(at++);
            title.createCell(0).setCellValue(ReportTables.title(summary));
            title.getCell(0).setCellStyle(heading);
            sheet.createRow(at++).createCell(0).setCellValue("生成时间：" + summary.generatedAt() + "；" + summary.source());
            for (ReportTables.Table table : ReportTables.of(summary)) {
                at++;
                Row name = sheet.createRow(at++);
                name.createCell(0).setCellValue(table.title());
                name.getCell(0).setCellStyle(heading);
                Row headers = sheet.createRow(at++);
                for (int c = 0; c < table.headers().size(); c++) {
                    headers.createCell(c).setCellValue(table.headers().get(c));
                    headers.getCell(c).setCellStyle(heading);
                }
                for (List<ReportTables.Cell> cells : table.rows()) {
                    Row row = sheet.createRow(at++);
                    for (int c = 0; c < cells.size(); c++) {
                        ReportTables.Cell cell = cells.get(c);
                        var target = row.createCell(c);
                        if (cell.value() == null) {
                            target.setCellValue("-");
                        } else if (cell.kind() == ReportTables.Cell.Kind.TEXT) {
                            target.setCellValue((String) cell.value());
                        } else if (cell.kind() == ReportTables.Cell.Kind.COUNT) {
                            target.setCellValue(((Long) cell.value()).doubleValue());
                        } else {
                            // a spreadsheet number is a double; the two- and four-decimal values are exact enough there
                            target.setCellValue(((BigDecimal) cell.value()).doubleValue());
                            target.setCellStyle(cell.kind() == ReportTables.Cell.Kind.MONEY ? money : ratio);
                        }
                    }
                }
                if (table.note() != null) {
                    sheet.createRow(at++).createCell(0).setCellValue("注：" + table.note());
                }
            }
            sheet.setColumnWidth(0, 36 * 256);
            for (int c = 1; c < 16; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
