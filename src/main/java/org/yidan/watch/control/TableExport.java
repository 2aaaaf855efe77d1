package org.yidan.watch.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A watch list as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese) or as XLSX. */
public final class TableExport {

    private TableExport() {
    }

    public static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder("\uFEFF");
        line(text, List.copyOf(header));
        rows.forEach(row -> line(text, row));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof BigDecimal amount) {
                        row.createCell(i).setCellValue(amount.doubleValue());
                    } else if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(value == null ? "" : value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void line(StringBuilder text, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String value = values.get(i) == null ? "" : values.get(i) instanceof BigDecimal amount
                    ? amount.toPlainString() : values.get(i).toString();
            if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
                value = '"' + value.replace("\"", "\"\"") + '"';
            }
            text.append(value);
        }
        text.append("\r\n");
    }
}
