package org.yidan.beneficiaries.control;

import org.yidan.platform.control.JsonFactories;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.StandardTag;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.Texts;
import org.yidan.platform.control.RefusedException.FieldError;

/**
 * The JSON form of a {@link BeneficiaryRecord} in the REST contract (api.md, "Beneficiaries"). Reading reports
 * every offending field at once: wrong JSON types, dates that are not ISO {@code YYYY-MM-DD} days, missing
 * required fields and everything {@link BeneficiaryValidator} refuses. Unknown members are ignored so that
 * clients written against a later version of the contract keep working.
 */
public final class BeneficiaryJson {

    /** A person has a handful of categories, tags and diseases; more is not a person but an attack. */
    static final int MAX_ELEMENTS = 50;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> FIELD_ORDER = List.of("idNumber", "name", "county", "householdId",
            "categories", "standardTags", "chronicDiseases", "exitedOn", "township", "village", "householdIncome");

    private BeneficiaryJson() {
    }

    /**
     * Reads a person whose ID number is in the body ({@code "idNumber"}), e.g. one element of a bulk request.
     *
     * @return the validated record in normal form (see {@link BeneficiaryValidator#validate})
     * @throws RefusedException 422 {@code INVALID_BENEFICIARY} listing every offending field
     */
    public static BeneficiaryRecord read(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonObject object = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        String idNumber = string(object, "idNumber", errors);
        return finish(readRest(idNumber, object, errors), errors, List.of());
    }

    /**
     * Reads the body of {@code PUT /api/v1/beneficiaries/{idNumber}}: the ID number is the one in the path; an
     * {@code "idNumber"} in the body is allowed only when it is the same person.
     *
     * @return the validated record in normal form (see {@link BeneficiaryValidator#validate})
     * @throws RefusedException 422 {@code INVALID_BENEFICIARY} listing every offending field
     */
    public static BeneficiaryRecord read(String idNumberFromPath, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonObject object = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        String inBody = string(object, "idNumber", errors);
        List<FieldError> conflicts = new ArrayList<>();
        if (inBody != null && idNumberFromPath != null && !canonical(inBody).equals(canonical(idNumberFromPath))) {
            conflicts.add(new FieldError("idNumber", "The ID number in the body is not the one in the path."));
        }
        return finish(readRest(idNumberFromPath, object, errors), errors, conflicts);
    }

    /**
     * The JSON form of a person, with the ID number as the facade returned it (masked for a role that may not see
     * it). Absent optional values are written as {@code null}, so the shape is always the same.
     */
    public static JsonObject write(BeneficiaryRecord beneficiary) {
        JsonBuilderFactory json = Factory.INSTANCE;
        JsonObjectBuilder object = json.createObjectBuilder();
        object.add("idNumber", beneficiary.idNumber());
        addNullable(object, "name", beneficiary.name());
        addNullable(object, "county", beneficiary.county());
        addNullable(object, "householdId", beneficiary.householdId());
        JsonArrayBuilder categories = json.createArrayBuilder();
        for (CategorySpan span : beneficiary.categories()) {
            JsonObjectBuilder element = json.createObjectBuilder();
            addNullable(element, "code", span.code());
            addNullable(element, "from", span.from());
            addNullable(element, "to", span.to());
            categories.add(element);
        }
        object.add("categories", categories);
        JsonArrayBuilder tags = json.createArrayBuilder();
        beneficiary.standardTags().forEach(tags::add);
        object.add("standardTags", tags);
        JsonArrayBuilder diseases = json.createArrayBuilder();
        for (DiseaseApproval approval : beneficiary.chronicDiseases()) {
            JsonObjectBuilder element = json.createObjectBuilder();
            addNullable(element, "code", approval.code());
            addNullable(element, "approvedOn", approval.approvedOn());
            diseases.add(element);
        }
        object.add("chronicDiseases", diseases);
        addNullable(object, "exitedOn", beneficiary.exitedOn());
        addNullable(object, "township", beneficiary.township());
        addNullable(object, "village", beneficiary.village());
        if (beneficiary.householdIncome() == null) {
            object.addNull("householdIncome");
        } else {
            object.add("householdIncome", beneficiary.householdIncome().setScale(2, java.math.RoundingMode.HALF_UP));
        }
        return object.build();
    }

    private static BeneficiaryRecord readRest(String idNumber, JsonObject object, List<FieldError> errors) {
        String name = string(object, "name", errors);
        String county = string(object, "county", errors);
        String householdId = string(object, "householdId", errors);

        List<CategorySpan> categories = new ArrayList<>();
        JsonArray categoryArray = array(object, "categories", errors);
        for (int i = 0; categoryArray != null && i < categoryArray.size(); i++) {
            String path = "categories[" + i + "]";
            JsonObject element = element(categoryArray.get(i), path, errors);
            categories.add(element == null ? null : new CategorySpan(string(element, "code", path + ".code", errors),
                    date(element, "from", path + ".from", errors), date(element, "to", path + ".to", errors)));
        }

        Set<String> tags = new LinkedHashSet<>();
        JsonArray tagArray = array(object, "standardTags", errors);
        for (int i = 0; tagArray != null && i < tagArray.size(); i++) {
            // checked here rather than by the validator, because a set loses the array's indices
            String path = "standardTags[" + i + "]";
            JsonValue value = tagArray.get(i);
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                errors.add(new FieldError(path, "A standard tag must be a string such as \"NATIONAL\"."));
                continue;
            }
            String tag = ((JsonString) value).getString().strip().toUpperCase(Locale.ROOT);
            if (isTag(tag)) {
                tags.add(tag);
            } else {
                errors.add(new FieldError(path, "Unknown standard tag " + Texts.quote(((JsonString) value).getString())
                        + "; expected one of NATIONAL, PROVINCIAL, MUNICIPAL."));
            }
        }

        List<DiseaseApproval> diseases = new ArrayList<>();
        JsonArray diseaseArray = array(object, "chronicDiseases", errors);
        for (int i = 0; diseaseArray != null && i < diseaseArray.size(); i++) {
            String path = "chronicDiseases[" + i + "]";
            JsonObject element = element(diseaseArray.get(i), path, errors);
            diseases.add(element == null ? null : new DiseaseApproval(string(element, "code", path + ".code", errors),
                    date(element, "approvedOn", path + ".approvedOn", errors)));
        }

        LocalDate exitedOn = date(object, "exitedOn", "exitedOn", errors);
        return new BeneficiaryRecord(idNumber, name, county, householdId, categories, tags, diseases, exitedOn)
                .withResidence(string(object, "township", errors), string(object, "village", errors),
                        amount(object, "householdIncome", errors));
    }

    /** An amount in yuan, as a JSON number or string; null when absent. */
    private static java.math.BigDecimal amount(JsonObject object, String field, List<FieldError> errors) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        try {
            if (value instanceof jakarta.json.JsonNumber number) {
                return number.bigDecimalValue();
            }
            if (value instanceof JsonString text) {
                return new java.math.BigDecimal(text.getString().strip());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, field + " must be an amount in yuan."));
        return null;
    }

    /**
     * @param readErrors values the reader could not take (they are {@code null} in {@code read})
     * @param conflicts  other errors of the request as a whole
     */
    private static BeneficiaryRecord finish(BeneficiaryRecord read, List<FieldError> readErrors,
                                            List<FieldError> conflicts) {
        List<FieldError> validation = BeneficiaryValidator.errors(read);
        if (readErrors.isEmpty() && conflicts.isEmpty() && validation.isEmpty()) {
            return BeneficiaryValidator.validate(read);
        }
        List<FieldError> all = new ArrayList<>(readErrors);
        all.addAll(conflicts);
        for (FieldError error : validation) {
            // a value the reader could not take is null in the record: do not also call it "required"
            if (readErrors.stream().noneMatch(known -> known.field().equals(error.field()))) {
                all.add(error);
            }
        }
        all.sort(Comparator.comparingInt((FieldError error) -> FIELD_ORDER.indexOf(topLevel(error.field())))
                .thenComparingInt(error -> index(error.field())));
        throw BeneficiaryValidator.refusal(all);
    }

    private static String string(JsonObject object, String key, List<FieldError> errors) {
        return string(object, key, key, errors);
    }

    private static String string(JsonObject object, String key, String path, List<FieldError> errors) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldError(path, "Must be a string, not " + describe(value) + "."));
            return null;
        }
        return ((JsonString) value).getString();
    }

    private static LocalDate date(JsonObject object, String key, String path, List<FieldError> errors) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldError(path, "Must be a date string YYYY-MM-DD, not " + describe(value) + "."));
            return null;
        }
        String text = ((JsonString) value).getString().strip();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                        Integer.parseInt(text.substring(8, 10)));
            } catch (DateTimeException notADay) {
                errors.add(new FieldError(path, Texts.quote(text) + " is not a real day."));
                return null;
            }
        }
        errors.add(new FieldError(path, "Must be a date YYYY-MM-DD, not " + Texts.quote(text) + "."));
        return null;
    }

    private static JsonArray array(JsonObject object, String key, List<FieldError> errors) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(new FieldError(key, "Must be an array, not " + describe(value) + "."));
            return null;
        }
        if (value.asJsonArray().size() > MAX_ELEMENTS) {
            // the validator compares category spans pairwise: a long list would cost its square
            errors.add(new FieldError(key, "At most " + MAX_ELEMENTS + " elements, not "
                    + value.asJsonArray().size() + "."));
            return null;
        }
        return value.asJsonArray();
    }

    private static JsonObject element(JsonValue value, String path, List<FieldError> errors) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError(path, "Must be an object, not " + describe(value) + "."));
            return null;
        }
        return value.asJsonObject();
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static boolean isTag(String tag) {
        for (StandardTag known : StandardTag.values()) {
            if (known.name().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String canonical(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    private static String topLevel(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '[' || c == '.') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }

    private static int index(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        if (open < 0 || close < open) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(open + 1, close));
        } catch (NumberFormatException notAnIndex) {
            return -1;
        }
    }

    private static void addNullable(JsonObjectBuilder object, String key, Object value) {
        if (value == null) {
            object.addNull(key);
        } else {
            object.add(key, value.toString());
        }
    }

    /** Looked up once: finding the JSON-P provider goes through the service loader. */
    private static final class Factory {
        static final JsonBuilderFactory INSTANCE = Json.createBuilderFactory(Map.of());
    }
}
