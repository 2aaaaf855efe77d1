package org.yidan.settlement.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;
import org.yidan.platform.control.Texts;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.VisitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the settlement request of api.md from JSON, collecting every field error at once so that the
 * counter sees all of them. Amounts are JSON numbers or strings with at most two decimals.
 */
public final class SettlementRequestJson {

    /**
     * Bounds on an amount's written form, checked before anything computes with it or prints it: a
     * number such as {@code 1e-999999999} is 14 bytes, and its plain form is a gigabyte of zeros.
     */
    private static final int MAX_SCALE = 20;
    private static final int MAX_PRECISION = 40;
    /** A bill lists charges per category; a thousand lines is already far more than any hospital sends. */
    static final int MAX_ITEMS = 1000;

    private final List<FieldError> errors = new ArrayList<>();
    private int errorCount;
    private String firstCode;

    private SettlementRequestJson() {
    }

    /** @throws RefusedException 422 with the first problem's code and every field error */
    public static SettlementRequest parse(JsonObject json) {
        return new SettlementRequestJson().read(json);
    }

    /**
     * The request in the shape {@link #parse} reads (api.md "Settlements"), amounts with two decimals: what a
     * settlement stores as the request it was computed from.
     */
    public static JsonObject write(SettlementRequest request) {
        Bill bill = request.bill();
        JsonArrayBuilder items = JsonFactories.array();
        for (BillItem item : bill.items()) {
            items.add(JsonFactories.object().add("category", item.category().name())
                    .add("amount", SettlementJson.money(item.amount())));
        }
        JsonObjectBuilder external = JsonFactories.object();
        bill.externalPayments().forEach((fund, amount) -> external.add(fund.name(), SettlementJson.money(amount)));
        return JsonFactories.object()
                .add("idNumber", request.idNumber())
                .add("hospital", JsonFactories.object().add("code", bill.hospital().code())
                        .add("level", bill.hospital().level().name()).add("inCounty", bill.hospital().inCounty()))
                .add("visitType", bill.visitType().name())
                .add("admissionDate", bill.admissionDate().toString())
                .add("dischargeDate", bill.dischargeDate().toString())
                .add("totalAmount", SettlementJson.money(bill.totalAmount()))
                .add("policyScopeAmount", SettlementJson.money(bill.policyScopeAmount()))
                .add("specialDrugAmount", SettlementJson.money(bill.specialDrugAmount()))
                .add("items", items)
                .add("externalPayments", external)
                .build();
    }

    private SettlementRequest read(JsonObject json) {
        String idNumber = string(json, "idNumber", true);
        if (idNumber != null) {
            try {
                idNumber = IdNumbers.normalise(idNumber);
            } catch (RefusedException invalid) {
                fail(invalid.code(), "idNumber", invalid.getMessage());
            }
        }
        Hospital hospital = null;
        JsonValue hospitalValue = json.get("hospital");
        if (hospitalValue == null || hospitalValue.getValueType() == JsonValue.ValueType.NULL) {
            fail("FIELD_REQUIRED", "hospital", "The hospital is required: {code, level, inCounty}");
        } else if (hospitalValue.getValueType() != JsonValue.ValueType.OBJECT) {
            fail("FIELD_INVALID", "hospital", "The hospital must be an object {code, level, inCounty}");
        } else {
            JsonObject h = hospitalValue.asJsonObject();
            String code = string(h, "hospital.code", "code", true);
            if (code != null && (code.isBlank() || code.length() > 32)) {
                fail("FIELD_INVALID", "hospital.code", "The hospital code must have 1 to 32 characters");
            }
            HospitalLevel level = enumValue(h, "hospital.level", "level", HospitalLevel.class);
            boolean inCounty = bool(h, "hospital.inCounty", "inCounty");
            hospital = new Hospital(code, level, inCounty);
        }
        VisitType visitType = enumValue(json, "visitType", "visitType", VisitType.class);
        LocalDate admission = date(json, "admissionDate");
        LocalDate discharge = date(json, "dischargeDate");
        BigDecimal total = amount(json, "totalAmount", "totalAmount", true);
        BigDecimal scope = amount(json, "policyScopeAmount", "policyScopeAmount", true);
        BigDecimal special = amount(json, "specialDrugAmount", "specialDrugAmount", false);
        List<BillItem> items = items(json);
        Map<Fund, BigDecimal> external = externalPayments(json);
        if (!errors.isEmpty()) {
            throw new RefusedException(422, firstCode, errors.get(0).message(), errors, errorCount);
        }
        Bill bill = new Bill(visitType, hospital, admission, discharge, total, scope,
                special == null ? new BigDecimal("0.00") : special, items, external);
        return new SettlementRequest(idNumber, bill);
    }

    private List<BillItem> items(JsonObject json) {
        JsonValue value = json.get("items");
        List<BillItem> items = new ArrayList<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return items;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            fail("FIELD_INVALID", "items", "items must be an array of {category, amount}");
            return items;
        }
        if (value.asJsonArray().size() > MAX_ITEMS) {
            fail("FIELD_INVALID", "items", "A bill has at most " + MAX_ITEMS + " items, not "
                    + value.asJsonArray().size());
        }
        int index = 0;
        for (JsonValue element : value.asJsonArray()) {
            String path = "items[" + index++ + "]";
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                fail("FIELD_INVALID", path, "Each item must be an object {category, amount}");
                continue;
            }
            JsonObject item = element.asJsonObject();
            ItemCategory category = enumValue(item, path + ".category", "category", ItemCategory.class);
            BigDecimal amount = amount(item, path + ".amount", "amount", true);
            if (category != null && amount != null) {
                items.add(new BillItem(category, amount));
            }
        }
        return items;
    }

    private Map<Fund, BigDecimal> externalPayments(JsonObject json) {
        JsonValue value = json.get("externalPayments");
        Map<Fund, BigDecimal> payments = new TreeMap<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return payments;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            fail("FIELD_INVALID", "externalPayments", "externalPayments must be an object {FUND: amount}");
            return payments;
        }
        for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
            String path = "externalPayments." + Texts.cut(entry.getKey(), Texts.MAX_QUOTED);
            Fund fund;
            try {
                fund = Fund.parse(path, entry.getKey());
            } catch (RefusedException unknown) {
                fail(unknown.code(), path, unknown.getMessage());
                continue;
            }
            BigDecimal amount = amount(value.asJsonObject(), path, entry.getKey(), true);
            if (amount != null) {
                payments.put(fund, amount);
            }
        }
        return payments;
    }

    private String string(JsonObject json, String name, boolean required) {
        return string(json, name, name, required);
    }

    private String string(JsonObject json, String path, String name, boolean required) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                fail("FIELD_REQUIRED", path, path + " is required");
            }
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString().trim();
        }
        fail("FIELD_INVALID", path, path + " must be a string");
        return null;
    }

    private boolean bool(JsonObject json, String path, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            fail("FIELD_REQUIRED", path, path + " is required (true or false)");
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        fail("FIELD_INVALID", path, path + " must be true or false");
        return false;
    }

    private <E extends Enum<E>> E enumValue(JsonObject json, String path, String name, Class<E> type) {
        String text = string(json, path, name, true);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        fail("UNKNOWN_VALUE", path, "Unknown " + path + " " + Texts.quote(text) + "; expected one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private LocalDate date(JsonObject json, String name) {
        String text = string(json, name, true);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException invalid) {
            fail("DATE_INVALID", name, name + " must be a date YYYY-MM-DD, not " + Texts.quote(text));
            return null;
        }
    }

    private BigDecimal amount(JsonObject json, String path, String name, boolean required) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                fail("FIELD_REQUIRED", path, path + " is required");
            }
            return null;
        }
        BigDecimal amount;
        if (value instanceof JsonNumber || value instanceof JsonString) {
            String written;
            try {
                written = value instanceof JsonString text ? text.getString().trim() : value.toString();
            } catch (RuntimeException unreadable) {
                // the JSON provider may itself refuse a number with an extreme exponent
                written = "?";
            }
            try {
                // the written form is bounded first: BigDecimal's own parser is linear, but what is done
                // with a huge scale afterwards (printing, rounding, comparing) is not
                amount = written.length() > MAX_PRECISION + 2 ? null : new BigDecimal(written);
            } catch (NumberFormatException notANumber) {
                amount = null;
            }
            if (amount == null || amount.scale() > MAX_SCALE || amount.scale() < -MAX_SCALE
                    || amount.precision() > MAX_PRECISION) {
                fail("AMOUNT_INVALID", path, path + " is not an amount with at most two decimals: "
                        + Texts.quote(written));
                return null;
            }
        } else {
            fail("AMOUNT_INVALID", path, path + " must be a number or a string such as \"9750.00\"");
            return null;
        }
        if (amount.signum() < 0) {
            fail("AMOUNT_INVALID", path, path + " must not be negative");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            fail("AMOUNT_INVALID", path, path + " has more than two decimals: " + Texts.quote(amount.toPlainString()));
            return null;
        }
        if (amount.compareTo(Money.MAX_AMOUNT) > 0) {
            fail("AMOUNT_INVALID", path, path + " is larger than " + Money.MAX_AMOUNT.toPlainString());
            return null;
        }
        return amount.setScale(2);
    }

    /** Counts every error but keeps only the first {@link RefusedException#MAX_ERRORS}. */
    private void fail(String code, String field, String message) {
        if (firstCode == null) {
            firstCode = code;
        }
        errorCount++;
        if (errors.size() < RefusedException.MAX_ERRORS) {
            errors.add(new FieldError(field, message));
        }
    }
}
