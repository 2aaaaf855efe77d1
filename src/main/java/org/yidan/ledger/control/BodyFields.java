package org.yidan.ledger.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.yidan.platform.control.RefusedException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the fields of the back office's request bodies: a wrong type or format is a 422 naming the field,
 * never a 500.
 */
public final class BodyFields {

    private BodyFields() {
    }

    /** A string, trimmed; null when absent or JSON null. */
    public static String string(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            String trimmed = text.getString().trim();
            return trimmed.isEmpty() ? null : trimmed;
        }
        throw RefusedException.unprocessable("FIELD_INVALID", field, field + " must be a string.");
    }

    /** An amount in yuan: a JSON number or string with at most two decimals; null when absent. */
    public static BigDecimal amount(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        BigDecimal amount;
        try {
            if (value instanceof JsonNumber number) {
                amount = number.bigDecimalValue();
            } else if (value instanceof JsonString text) {
                amount = new BigDecimal(text.getString().trim());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw RefusedException.unprocessable("AMOUNT_INVALID", field, field + " must be an amount in yuan.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw RefusedException.unprocessable("AMOUNT_INVALID", field, field + " has more than two decimals.");
        }
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** A plain number (e.g. a score); null when absent. */
    public static BigDecimal number(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        try {
            if (value instanceof JsonNumber number) {
                return number.bigDecimalValue();
            }
            if (value instanceof JsonString text) {
                return new BigDecimal(text.getString().trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RefusedException.unprocessable("FIELD_INVALID", field, field + " must be a number.");
    }

    public static Integer integer(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooLarge) {
                // reported below
            }
        }
        throw RefusedException.unprocessable("FIELD_INVALID", field, field + " must be a whole number.");
    }

    public static Boolean bool(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw RefusedException.unprocessable("FIELD_INVALID", field, field + " must be true or false.");
    }

    /** An ISO date {@code YYYY-MM-DD}; null when absent. */
    public static LocalDate date(JsonObject body, String field) {
        String text = string(body, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw RefusedException.unprocessable("FIELD_INVALID", field, field + " must be a date YYYY-MM-DD.");
        }
    }
}
