package org.yidan.beneficiaries.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;
import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.PersonCategory;

class BeneficiaryValidatorTest {

    private static final String ID = "370323195803120215";

    private static BeneficiaryRecord person(List<CategorySpan> categories) {
        return new BeneficiaryRecord(ID, "张洪顺", "370323", "H-0001", categories, Set.of("NATIONAL"),
                List.of(new DiseaseApproval("HYPERTENSION", LocalDate.of(2019, 3, 1))), null);
    }

    private static CategorySpan span(String code, String from, String to) {
        return new CategorySpan(code, from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    private static List<String> fields(BeneficiaryRecord record) {
        return BeneficiaryValidator.errors(record).stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsTheApiExampleAndReturnsItInNormalForm() {
        BeneficiaryRecord sent = new BeneficiaryRecord("11010519491231002x", "  张三 ", " 370323", "  ",
                List.of(span(" dibao", "2020-01-01", null)), Set.of("national"),
                List.of(new DiseaseApproval("hypertension", LocalDate.of(2019, 3, 1))), null);
        BeneficiaryRecord valid = BeneficiaryValidator.validate(sent);
        assertEquals("11010519491231002X", valid.idNumber());
        assertEquals("张三", valid.name());
        assertEquals("370323", valid.county());
        assertNull(valid.householdId());
        assertEquals(List.of(span("DIBAO", "2020-01-01", null)), valid.categories());
        assertEquals(Set.of("NATIONAL"), valid.standardTags());
        assertEquals("HYPERTENSION", valid.chronicDiseases().get(0).code());
    }

    @Test
    void reportsEveryOffendingFieldAtOnce() {
        List<CategorySpan> categories = new ArrayList<>();
        categories.add(span("DIBAO", "2020-01-01", null));
        categories.add(span("LOW_INCOME", "2020-05-01", "2020-04-30"));
        categories.add(span("DIBAO", "2021-01-01", "2021-12-31"));
        categories.add(span("POOR", "2020-01-01", null));
        categories.add(span("TEKUN", null, null));
        categories.add(null);
        List<DiseaseApproval> diseases = Arrays.asList(new DiseaseApproval("HYPERTENSION", LocalDate.of(2019, 3, 1)),
                new DiseaseApproval("高血压", LocalDate.of(2019, 3, 1)),
                new DiseaseApproval("HYPERTENSION", LocalDate.of(2020, 3, 1)),
                new DiseaseApproval("DIABETES", null));
        BeneficiaryRecord record = new BeneficiaryRecord("370323195803120216", " ", "37032", null, categories,
                new LinkedHashSet<>(List.of("NATIONAL", "COUNTY")), diseases, LocalDate.of(2023, 1, 1));

        RefusedException refused = assertThrows(RefusedException.class, () -> BeneficiaryValidator.validate(record));
        assertEquals(422, refused.status());
        assertEquals("INVALID_BENEFICIARY", refused.code());
        assertEquals(List.of("idNumber", "name", "county", "categories[1].to", "categories[3].code",
                        "categories[4].from", "categories[5]", "categories[2]", "standardTags[1]",
                        "chronicDiseases[1].code", "chronicDiseases[2].code", "chronicDiseases[3].approvedOn"),
                refused.errors().stream().map(FieldError::field).toList());
        String overlap = refused.errors().get(7).message();
        assertTrue(overlap.contains("overlaps categories[0]"), overlap);
        assertTrue(refused.errors().get(4).message().contains("TEKUN, DIBAO"), "lists the accepted codes");
    }

    @Test
    void spansOfOneCategoryMayFollowEachOtherButNotShareADay() {
        assertEquals(List.of(), fields(person(List.of(span("DIBAO", "2019-01-01", "2019-12-31"),
                span("DIBAO", "2020-01-01", null)))));
        assertEquals(List.of("categories[1]"), fields(person(List.of(span("DIBAO", "2019-01-01", "2020-01-01"),
                span("DIBAO", "2020-01-01", null)))));
        assertEquals(List.of("categories[1]"), fields(person(List.of(span("DIBAO", "2021-01-01", null),
                span("DIBAO", "2019-01-01", "2021-01-01")))), "the later entry is named, whatever the dates");
        assertEquals(List.of(), fields(person(List.of(span("DIBAO", "2020-01-01", null),
                span("REGISTERED_POOR", "2016-01-01", null)))), "two categories at once are fine");
    }

    @Test
    void needsAtLeastOneCategory() {
        assertEquals(List.of("categories"), fields(person(List.of())));
    }

    @Test
    void limitsTheNameToOneHundredCharacters() {
        BeneficiaryRecord ok = person(List.of(span("DIBAO", "2020-01-01", null)));
        String hundred = "王".repeat(100);
        assertEquals(List.of(), fields(new BeneficiaryRecord(ID, hundred, "370323", null, ok.categories(),
                Set.of(), List.of(), null)));
        assertEquals(List.of("name"), fields(new BeneficiaryRecord(ID, hundred + "王", "370323", null,
                ok.categories(), Set.of(), List.of(), null)));
    }

    @Test
    void refusesADiseaseCodeThatIsNoToken() {
        for (String code : List.of("H", "1HYPERTENSION", "HYPER TENSION", "A".repeat(65))) {
            BeneficiaryRecord record = new BeneficiaryRecord(ID, "张三", "370323", null,
                    List.of(span("DIBAO", "2020-01-01", null)), Set.of(),
                    List.of(new DiseaseApproval(code, LocalDate.of(2019, 3, 1))), null);
            assertEquals(List.of("chronicDiseases[0].code"), fields(record), code);
        }
        BeneficiaryRecord longest = new BeneficiaryRecord(ID, "张三", "370323", null,
                List.of(span("DIBAO", "2020-01-01", null)), Set.of(),
                List.of(new DiseaseApproval("SEVERE_MENTAL_DISORDER_" + "X".repeat(41), LocalDate.of(2019, 3, 1))),
                null);
        assertEquals(List.of(), fields(longest));
    }

    @Test
    void aValidRecordConvertsToWhatTheCalculatorReads() {
        BeneficiaryRecord valid = BeneficiaryValidator.validate(person(List.of(span("dibao", "2020-01-01", null))));
        assertEquals(List.of(new CategoryPeriod(PersonCategory.DIBAO, LocalDate.of(2020, 1, 1), null)),
                valid.categoryPeriods());
        assertEquals("HYPERTENSION", valid.diseaseApprovals().get(0).disease());
    }
}
