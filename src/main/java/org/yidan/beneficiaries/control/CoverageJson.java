package org.yidan.beneficiaries.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The JSON of {@code PUT /api/v1/beneficiaries/{idNumber}/coverage/{year}} (api.md, "Coverage"). */
public final class CoverageJson {

    private CoverageJson() {
    }

    /**
     * @return the validated record in normal form
     * @throws RefusedException 422 {@code INVALID_COVERAGE} listing every offending field
     */
    public static CoverageRecord read(String idNumber, int year, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        Boolean insured = JsonFields.bool(body, "insured", errors);
        if (insured == null && JsonFields.absent(body, "insured")) {
            errors.add(new FieldError("insured", "insured (true or false) is required."));
        }
        CoverageRecord record = new CoverageRecord(idNumber, year, Boolean.TRUE.equals(insured),
                JsonFields.date(body, "since", errors), JsonFields.string(body, "scheme", errors),
                JsonFields.string(body, "subsidyCategory", errors), JsonFields.amount(body, "subsidyAmount", errors));
        CoverageRecord normal = CoverageRules.check(record, errors);
        if (!errors.isEmpty()) {
            throw new RefusedException(422, CoverageRules.INVALID_COVERAGE, errors.size() == 1
                    ? "The coverage record is invalid: " + errors.get(0).field() + ": " + errors.get(0).message()
                    : "The coverage record has " + errors.size() + " errors.", errors);
        }
        return normal;
    }

    /** The record's fields as api.md names them; absent optional values as {@code null}. */
    public static JsonObjectBuilder write(CoverageRecord record, String shownIdNumber) {
        JsonObjectBuilder json = JsonFactories.object()
                .add("idNumber", shownIdNumber)
                .add("year", record.year())
                .add("insured", record.insured());
        nullable(json, "since", record.since() == null ? null : record.since().toString());
        nullable(json, "scheme", record.scheme());
        nullable(json, "subsidyCategory", record.subsidyCategory());
        if (record.subsidyAmount() == null) {
            json.addNull("subsidyAmount");
        } else {
            json.add("subsidyAmount", record.subsidyAmount());
        }
        return json;
    }

    static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
