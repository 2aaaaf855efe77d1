package org.yidan.ledger.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.yidan.ledger.entity.HospitalRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a list of designated hospitals from CSV (UTF-8, with or without a byte-order mark) or XLSX. The first row
 * names the columns, in Chinese or English: 机构编码/code, 机构名称/name, 区县/county, 级别/level, 县域内/inCounty,
 * 乡镇/township. Rows are returned as read; {@link HospitalValidator} checks them.
 */
public final class HospitalImport {

    /** One row: its number in the file (the header is row 1), the record, and whether inCounty was readable. */
    public record Line(int row, HospitalRecord record, Boolean inCounty) {
    }

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        for (String[] names : new String[][]{{"code", "机构编码", "编码", "医院编码"}, {"name", "机构名称", "名称", "医院名称"},
                {"county", "区县", "县区", "区县代码"}, {"level", "级别", "等级", "医院等级"},
                {"inCounty", "县域内", "是否县域内"}, {"township", "乡镇", "所在乡镇"}}) {
            for (String name : names) {
                HEADERS.put(name.toLowerCase(Locale.ROOT), names[0]);
            }
        }
    }

    private HospitalImport() {
    }

    public static List<Line> read(byte[] content) throws IOException {
        boolean xlsx = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        List<List<String>> rows = xlsx ? xlsxRows(content) : csvRows(content);
        List<Line> lines = new ArrayList<>();
        if (rows.isEmpty()) {
            return lines;
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String key = HEADERS.get(header.get(i).trim().toLowerCase(Locale.ROOT));
            if (key != null) {
                columns.put(key, i);
            }
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            Boolean inCounty = yesNo(cell(row, columns, "inCounty"));
            lines.add(new Line(r + 1, new HospitalRecord(cell(row, columns, "code"), cell(row, columns, "name"),
                    cell(row, columns, "county"), cell(row, columns, "level"), inCounty != null && inCounty,
                    cell(row, columns, "township")), inCounty));
        }
        return lines;
    }

    static Boolean yesNo(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "是", "true", "yes", "y", "1" -> true;
            case "否", "false", "no", "n", "0" -> false;
            default -> null;
        };
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String key) {
        Integer index = columns.get(key);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static List<List<String>> csvRows(byte[] content) throws IOException {
        int skip = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, skip, content.length - skip),
                StandardCharsets.UTF_8); CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
