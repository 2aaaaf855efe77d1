package org.yidan.beneficiaries.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.yidan.platform.control.RefusedException.FieldError;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** Reads typed members of a request body, noting each wrong type or format as a field error instead of failing. */
final class JsonFields {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private JsonFields() {
    }

    static boolean absent(JsonObject object, String name) {
        return !object.containsKey(name) || object.isNull(name);
    }

    static String string(JsonObject object, String name, List<FieldError> errors) {
        if (absent(object, name)) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value instanceof JsonString text) {
            return text.getString().strip();
        }
        errors.add(new FieldError(name, name + " must be a string."));
        return null;
    }

    static Boolean bool(JsonObject object, String name, List<FieldError> errors) {
        if (absent(object, name)) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        errors.add(new FieldError(name, name + " must be true or false."));
        return null;
    }

    static LocalDate date(JsonObject object, String name, List<FieldError> errors) {
        String text = absent(object, name) ? null : object.get(name) instanceof JsonString s ? s.getString() : "";
        if (text == null) {
            return null;
        }
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException notADay) {
                // reported below
            }
        }
        errors.add(new FieldError(name, name + " must be a day written YYYY-MM-DD."));
        return null;
    }

    /** A JSON number or a string holding one, as api.md allows for amounts. */
    static BigDecimal amount(JsonObject object, String name, List<FieldError> errors) {
        if (absent(object, name)) {
            return null;
        }
        JsonValue value = object.get(name);
        try {
            if (value instanceof JsonNumber number) {
                return number.bigDecimalValue();
            }
            if (value instanceof JsonString text) {
                return new BigDecimal(text.getString().strip());
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError(name, name + " must be an amount in yuan such as 120.00."));
        return null;
    }
}
