package org.yidan.beneficiaries.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;

class BeneficiaryJsonTest {

    private static final String ID = "370323195803120215";
    /** The body of {@code PUT /api/v1/beneficiaries/{idNumber}} in api.md. */
    private static final String API_EXAMPLE = """
            {"name": "张三", "county": "370323", "householdId": "H-0001",
             "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}],
             "standardTags": ["NATIONAL"],
             "chronicDiseases": [{"code": "HYPERTENSION", "approvedOn": "2019-03-01"}]}
            """;

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<FieldError> refusal(String idNumber, String body) {
        RefusedException refused = assertThrows(RefusedException.class,
                () -> BeneficiaryJson.read(idNumber, json(body)));
        assertEquals(422, refused.status());
        assertEquals("INVALID_BENEFICIARY", refused.code());
        return refused.errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void readsTheApiExample() {
        BeneficiaryRecord person = BeneficiaryJson.read(ID, json(API_EXAMPLE));
        assertEquals(new BeneficiaryRecord(ID, "张三", "370323", "H-0001",
                List.of(new CategorySpan("DIBAO", LocalDate.of(2020, 1, 1), null)), Set.of("NATIONAL"),
                List.of(new DiseaseApproval("HYPERTENSION", LocalDate.of(2019, 3, 1))), null), person);
    }

    @Test
    void readsAndWritesTownshipVillageAndHouseholdIncome() {
        BeneficiaryRecord person = BeneficiaryJson.read(ID, json("""
                {"name": "张三", "county": "370323", "township": " 会师镇 ", "village": "南关村",
                 "householdIncome": "12000.5",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}]}
                """));
        assertEquals("会师镇", person.township());
        assertEquals("南关村", person.village());
        assertEquals(0, new java.math.BigDecimal("12000.50").compareTo(person.householdIncome()));
        JsonObject written = BeneficiaryJson.write(person);
        assertEquals("12000.50", written.getJsonNumber("householdIncome").toString());
        assertEquals(person, BeneficiaryJson.read(ID, written));
        assertEquals(List.of("householdIncome"), fields(refusal(ID, """
                {"name": "张三", "county": "370323", "householdIncome": -1,
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}]}
                """)));
    }

    @Test
    void writesWhatItReadsAndReadsWhatItWrites() {
        BeneficiaryRecord person = BeneficiaryJson.read(ID, json(API_EXAMPLE));
        JsonObject written = BeneficiaryJson.write(person);
        assertEquals(json("""
                {"idNumber": "370323195803120215", "name": "张三", "county": "370323", "householdId": "H-0001",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}],
                 "standardTags": ["NATIONAL"],
                 "chronicDiseases": [{"code": "HYPERTENSION", "approvedOn": "2019-03-01"}],
                 "exitedOn": null, "township": null, "village": null, "householdIncome": null}
                """), written);
        assertEquals(person, BeneficiaryJson.read(written));
        assertEquals(person, BeneficiaryJson.read(ID, written));
    }

    @Test
    void writesTheIdNumberAsTheFacadeShowsIt() {
        BeneficiaryRecord person = BeneficiaryJson.read(ID, json(API_EXAMPLE));
        JsonObject masked = BeneficiaryJson.write(person.withIdNumber(IdNumbers.mask(person.idNumber())));
        assertEquals("370323********0215", masked.getString("idNumber"));
        assertEquals("张三", masked.getString("name"));
    }

    @Test
    void reportsEveryWrongJsonTypeWithItsPath() {
        List<FieldError> errors = refusal(ID, """
                {"name": 5, "county": 370323, "householdId": ["H"],
                 "categories": [{"code": "DIBAO", "from": "2020-01-01"}, "TEKUN", {"code": 1, "from": 20200101}],
                 "standardTags": ["NATIONAL", 2, "COUNTY"],
                 "chronicDiseases": {"code": "HYPERTENSION"},
                 "exitedOn": true}
                """);
        assertEquals(List.of("name", "county", "householdId", "categories[1]", "categories[2].code",
                "categories[2].from", "standardTags[1]", "standardTags[2]", "chronicDiseases", "exitedOn"),
                fields(errors));
        assertEquals("Must be a string, not a number.", errors.get(0).message());
        assertEquals("Must be an object, not a string.", errors.get(3).message());
        assertTrue(errors.get(7).message().contains("Unknown standard tag 'COUNTY'"), errors.get(7).message());
    }

    @Test
    void refusesDatesThatAreNotIsoDays() {
        List<FieldError> errors = refusal(ID, """
                {"name": "张三", "county": "370323",
                 "categories": [{"code": "DIBAO", "from": "2020-13-01"}, {"code": "TEKUN", "from": "2020-1-1",
                                 "to": "2021-02-29"}],
                 "chronicDiseases": [{"code": "HYPERTENSION", "approvedOn": "01/03/2019"}]}
                """);
        assertEquals(List.of("categories[0].from", "categories[1].from", "categories[1].to",
                "chronicDiseases[0].approvedOn"), fields(errors));
        assertEquals("'2020-13-01' is not a real day.", errors.get(0).message());
        assertEquals("Must be a date YYYY-MM-DD, not '2020-1-1'.", errors.get(1).message());
        assertEquals("'2021-02-29' is not a real day.", errors.get(2).message());
    }

    @Test
    void namesEveryMissingRequiredField() {
        List<FieldError> errors = refusal(ID, "{}");
        assertEquals(List.of("name", "county", "categories"), fields(errors));
        assertEquals(List.of("categories[0].code", "categories[0].from", "chronicDiseases[0].approvedOn"),
                fields(refusal(ID, """
                        {"name": "张三", "county": "370323", "categories": [{}],
                         "chronicDiseases": [{"code": "DIABETES"}]}
                        """)));
    }

    @Test
    void combinesTypeErrorsWithTheRulesOfTheRegistry() {
        List<FieldError> errors = refusal("370323195803120216", """
                {"name": "张三", "county": "3703",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01"}, {"code": "DIBAO", "from": "2020-06-01"},
                                {"code": "TEKUN", "from": "2020-01-01", "to": "2019-12-31"}],
                 "standardTags": ["NATIONAL"],
                 "chronicDiseases": [{"code": "HYPERTENSION", "approvedOn": "2019-03-01"},
                                     {"code": "HYPERTENSION", "approvedOn": "2019-13-01"}]}
                """);
        assertEquals(List.of("idNumber", "county", "categories[1]", "categories[2].to",
                "chronicDiseases[1].approvedOn", "chronicDiseases[1].code"), fields(errors));
    }

    @Test
    void refusesABodyAboutAnotherPerson() {
        assertEquals(List.of("idNumber"), fields(refusal(ID, """
                {"idNumber": "11010519491231002X", "name": "张三", "county": "370323",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01"}]}
                """)));
        BeneficiaryRecord samePerson = BeneficiaryJson.read(ID, json("""
                {"idNumber": " 370323195803120215 ", "name": "张三", "county": "370323",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01"}]}
                """));
        assertEquals(ID, samePerson.idNumber());
    }

    @Test
    void readsTheIdNumberFromTheBodyWhenThereIsNoPath() {
        BeneficiaryRecord person = BeneficiaryJson.read(json("""
                {"idNumber": "11010519491231002x", "name": "李四", "county": "110105",
                 "categories": [{"code": "tekun", "from": "2018-01-01", "to": "2030-12-31"}],
                 "standardTags": null, "chronicDiseases": null, "exitedOn": "2030-12-31", "comment": "ignored"}
                """));
        assertEquals("11010519491231002X", person.idNumber());
        assertEquals("TEKUN", person.categories().get(0).code());
        assertEquals(LocalDate.of(2030, 12, 31), person.exitedOn());
        assertEquals(List.of("idNumber", "name", "county", "categories"), fields(assertThrows(
                RefusedException.class, () -> BeneficiaryJson.read(JsonValue.EMPTY_JSON_OBJECT)).errors()));
    }
}
