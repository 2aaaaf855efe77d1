package org.yidan.beneficiaries.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CoverageJsonTest {

    private static final String ZHANG = IdNumbersTest.withCheckCharacter("37032319580312021");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void readsTheBodyOfThePutInNormalForm() {
        CoverageRecord record = CoverageJson.read(ZHANG, 2020, json("""
                {"insured": true, "since": "2020-01-01", "scheme": "城乡居民医保", "subsidyCategory": "dibao",
                 "subsidyAmount": "120.5"}"""));
        assertEquals(new CoverageRecord(ZHANG, 2020, true, LocalDate.of(2020, 1, 1), "RESIDENT", "DIBAO",
                new BigDecimal("120.50")), record);
    }

    @Test
    void reportsEveryOffendingFieldAtOnce() {
        RefusedException refused = assertThrows(RefusedException.class, () -> CoverageJson.read(ZHANG, 1999, json("""
                {"since": "2020-02-30", "scheme": 3, "subsidyAmount": "12.345"}""")));
        assertEquals(422, refused.status());
        assertEquals("INVALID_COVERAGE", refused.code());
        assertEquals(List.of("insured", "since", "scheme", "year", "subsidyAmount"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void anUninsuredPersonHasNoStartDate() {
        RefusedException refused = assertThrows(RefusedException.class, () -> CoverageJson.read(ZHANG, 2020,
                json("{\"insured\": false, \"since\": \"2020-01-01\"}")));
        assertEquals("since", refused.errors().get(0).field());
    }
}
