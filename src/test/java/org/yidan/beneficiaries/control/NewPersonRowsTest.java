package org.yidan.beneficiaries.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;

class NewPersonRowsTest {

    private static JsonArray array(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    @Test
    void eachTableGetsOneRowPerEntryWithPositionsFromZero() {
        BeneficiaryRecord full = new BeneficiaryRecord("370323195803120215", "张三, \"老三\"", "370323", "H-1",
                List.of(new CategorySpan("TEMPORARY", LocalDate.of(2020, 2, 1), LocalDate.of(2020, 12, 31)),
                        new CategorySpan("LOW_INCOME", LocalDate.of(2021, 1, 1), null)),
                Set.of("NATIONAL", "PROVINCIAL"),
                List.of(new DiseaseApproval("HYPERTENSION", LocalDate.of(2019, 3, 1))),
                LocalDate.of(2023, 6, 30), "南麻街道", "东村", new BigDecimal("12000.50"));
        BeneficiaryRecord bare = new BeneficiaryRecord("370323195803120231", "李四", "370323", null,
                List.of(new CategorySpan("DIBAO", LocalDate.of(2020, 1, 1), null)), Set.of(), List.of(), null);

        NewPersonRows.Rows rows = NewPersonRows.of(List.of(full, bare));

        JsonArray persons = array(rows.persons());
        assertEquals(2, persons.size());
        JsonObject first = persons.getJsonObject(0);
        assertEquals("张三, \"老三\"", first.getString("name"), "any name survives the JSON text");
        assertEquals("2023-06-30", first.getString("exited_on"));
        assertEquals("南麻街道", first.getString("township"));
        assertEquals(0, new BigDecimal("12000.50").compareTo(first.getJsonNumber("household_income").bigDecimalValue()));
        JsonObject second = persons.getJsonObject(1);
        assertFalse(second.containsKey("household_id"), "an unknown value is left out and so stored as null");
        assertFalse(second.containsKey("exited_on"));

        JsonArray categories = array(rows.categories());
        assertEquals(3, categories.size());
        assertEquals(0, categories.getJsonObject(0).getInt("position"));
        assertEquals(1, categories.getJsonObject(1).getInt("position"));
        assertEquals("LOW_INCOME", categories.getJsonObject(1).getString("code"));
        assertFalse(categories.getJsonObject(1).containsKey("valid_to"));
        assertEquals("370323195803120231", categories.getJsonObject(2).getString("id_number"));
        assertEquals(0, categories.getJsonObject(2).getInt("position"), "each person's list starts at 0");

        assertEquals(2, array(rows.tags()).size());
        JsonArray diseases = array(rows.diseases());
        assertEquals(1, diseases.size());
        assertEquals("2019-03-01", diseases.getJsonObject(0).getString("approved_on"));
    }

    @Test
    void aTableWithoutRowsGetsNoStatement() {
        BeneficiaryRecord bare = new BeneficiaryRecord("370323195803120231", "李四", "370323", null,
                List.of(new CategorySpan("DIBAO", LocalDate.of(2020, 1, 1), null)), Set.of(), List.of(), null);
        NewPersonRows.Rows rows = NewPersonRows.of(List.of(bare));
        assertNull(rows.tags());
        assertNull(rows.diseases());
        assertNull(NewPersonRows.of(List.of()).persons());
    }
}
