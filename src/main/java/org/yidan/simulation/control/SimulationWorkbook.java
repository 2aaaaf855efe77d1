package org.yidan.simulation.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yidan.platform.control.Texts;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

/**
 * A simulation's stored result as an XLSX workbook: both sides and the difference, sheet by sheet. Rows are named
 * in Chinese as the screen names them (the message bundle), with the API's field name beside for scripts.
 */
public final class SimulationWorkbook {

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);

    private SimulationWorkbook() {
    }

    public static byte[] of(JsonObject result) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            JsonObject baseline = result.getJsonObject("baseline");
            JsonObject draft = result.getJsonObject("draft");
            JsonObject difference = result.getJsonObject("difference");
            Sheet summary = book.createSheet("汇总 summary");
            row(summary, "指标 figure", "现行 baseline", "草案 draft", "差额 difference");
            for (String field : List.of("settlements", "persons", "totalAmount", "policyScopeAmount", "fundTotal",
                    "selfPay", "actualRatio", "scopeRatio", "inCountyShare")) {
                row(summary, label("simulation.field." + field, field), baseline.get(field), draft.get(field),
                        difference.get(field));
            }
            for (String field : List.of("betterOff", "worseOff", "refused")) {
                row(summary, label("simulation." + field, field), baseline.get(field), draft.get(field),
                        difference.get(field));
            }
            for (String fund : baseline.getJsonObject("funds").keySet()) {
                row(summary, DeclaredFunds.current().displayName(fund) + " " + fund,
                        baseline.getJsonObject("funds").get(fund), draft.getJsonObject("funds").get(fund),
                        difference.getJsonObject("funds").get(fund));
            }
            slices(book.createSheet("按类别 by category"), "category", baseline.getJsonArray("byCategory"),
                    draft.getJsonArray("byCategory"));
            slices(book.createSheet("按就诊类型 by visit type"), "visitType", baseline.getJsonArray("byVisitType"),
                    draft.getJsonArray("byVisitType"));
            Sheet distribution = book.createSheet("自付分布 self-pay");
            row(distribution, "from", "to", "现行 baseline", "草案 draft");
            JsonArray before = baseline.getJsonArray("selfPayDistribution");
            JsonArray after = draft.getJsonArray("selfPayDistribution");
            for (int i = 0; i < before.size(); i++) {
                JsonObject bucket = before.getJsonObject(i);
                row(distribution, bucket.get("from"), bucket.get("to"), bucket.get("settlements"),
                        after.getJsonObject(i).get("settlements"));
            }
            Sheet targets = book.createSheet("目标 targets");
            row(targets, "name", "bound", "target", "现行 baseline", "met", "草案 draft", "met");
            JsonArray draftTargets = draft.getJsonArray("targets");
            for (int i = 0; i < baseline.getJsonArray("targets").size(); i++) {
                JsonObject target = baseline.getJsonArray("targets").getJsonObject(i);
                JsonObject other = draftTargets.getJsonObject(i);
                row(targets, target.get("name"), label("simulation.bound." + text(target.get("bound")), null),
                        target.get("target"), target.get("actual"), met(target.get("met")), other.get("actual"),
                        met(other.get("met")));
            }
            Sheet changes = book.createSheet("变化最大 largest changes");
            row(changes, "idNumber", "settlements", "现行 baseline", "草案 draft", "change");
            for (JsonValue value : result.getJsonArray("largestChanges")) {
                JsonObject change = value.asJsonObject();
                row(changes, change.get("idNumber"), change.get("settlements"), change.get("baselineSelfPay"),
                        change.get("draftSelfPay"), change.get("change"));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void slices(Sheet sheet, String key, JsonArray before, JsonArray after) {
        row(sheet, key, "side", "settlements", "totalAmount", "fundTotal", "selfPay", "actualRatio", "scopeRatio");
        List<JsonObject> rows = new ArrayList<>();
        before.forEach(value -> rows.add(value.asJsonObject()));
        for (JsonObject slice : rows) {
            slice(sheet, key, "现行 baseline", slice);
            for (JsonValue other : after) {
                if (other.asJsonObject().getString(key).equals(slice.getString(key))) {
                    slice(sheet, key, "草案 draft", other.asJsonObject());
                }
            }
        }
    }

    private static void slice(Sheet sheet, String key, String side, JsonObject slice) {
        String code = slice.getString(key);
        String name = "category".equals(key) ? Texts.nameOr(code, c -> PersonCategory.valueOf(c).displayName())
                : Texts.nameOr(code, c -> VisitType.valueOf(c).displayName());
        row(sheet, name + " " + code, side, slice.get("settlements"), slice.get("totalAmount"), slice.get("fundTotal"),
                slice.get("selfPay"), slice.get("actualRatio"), slice.get("scopeRatio"));
    }

    /** The bundle's text for {@code key}, with {@code field} beside it when given; the key itself when missing. */
    private static String label(String key, String field) {
        String text = TEXTS.containsKey(key) ? TEXTS.getString(key) : key;
        return field == null ? text : text + " " + field;
    }

    private static String met(JsonValue met) {
        return met == JsonValue.TRUE ? TEXTS.getString("simulation.met")
                : met == JsonValue.FALSE ? TEXTS.getString("simulation.notMet") : "";
    }

    private static String text(JsonValue value) {
        return value instanceof jakarta.json.JsonString string ? string.getString() : String.valueOf(value);
    }

    private static void row(Sheet sheet, Object... cells) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < cells.length; i++) {
            Object cell = cells[i];
            if (cell instanceof JsonNumber number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (cell instanceof jakarta.json.JsonString text) {
                row.createCell(i).setCellValue(text.getString());
            } else if (cell == null || cell == JsonValue.NULL) {
                row.createCell(i);
            } else {
                row.createCell(i).setCellValue(String.valueOf(cell));
            }
        }
    }
}
