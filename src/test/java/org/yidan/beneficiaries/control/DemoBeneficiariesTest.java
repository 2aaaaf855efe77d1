package org.yidan.beneficiaries.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;

import static org.yidan.policy.entity.PersonCategory.DIBAO;
import static org.yidan.policy.entity.PersonCategory.DIBAO_EDGE;
import static org.yidan.policy.entity.PersonCategory.ILLNESS_POVERTY;
import static org.yidan.policy.entity.PersonCategory.INSTANT_AID;
import static org.yidan.policy.entity.PersonCategory.LOW_INCOME;
import static org.yidan.policy.entity.PersonCategory.REGISTERED_POOR;
import static org.yidan.policy.entity.PersonCategory.TEKUN;
import static org.yidan.policy.entity.PersonCategory.TEMPORARY;

class DemoBeneficiariesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void everyDemoPersonIsValidAndBelongsToItsCountyByIdNumber() {
        List<BeneficiaryRecord> all = DemoBeneficiaries.all();
        for (BeneficiaryRecord person : all) {
            assertEquals(person, BeneficiaryValidator.validate(person), person.name());
            assertEquals(person.county(), person.idNumber().substring(0, 6), person.name());
        }
        assertEquals(all.size(), all.stream().map(BeneficiaryRecord::idNumber).distinct().count(), "unique IDs");
    }

    @Test
    void theFirstPersonOfYiyuanIsTheWorkedExample() {
        BeneficiaryRecord first = DemoBeneficiaries.ofCounty("370323").get(0);
        assertEquals(DemoBeneficiaries.WORKED_EXAMPLE_ID_NUMBER, first.idNumber());
        assertEquals("370323195803120215", first.idNumber());
        assertEquals(List.of(new CategorySpan("DIBAO", LocalDate.of(2020, 1, 1), null)), first.categories());
        assertEquals(first, DemoBeneficiaries.all().get(0));
    }

    @Test
    void eachCountyHasEightToTenPersonsCoveringItsPolicysCategories() {
        assertCounty("370323", 2020, EnumSet.of(TEKUN, DIBAO, DIBAO_EDGE, LOW_INCOME, REGISTERED_POOR, INSTANT_AID,
                TEMPORARY, ILLNESS_POVERTY));
        assertCounty("620422", 2018, EnumSet.of(REGISTERED_POOR, DIBAO, TEKUN));
        assertCounty("371371", 2017, EnumSet.of(REGISTERED_POOR, DIBAO, TEKUN));
        assertTrue(DemoBeneficiaries.ofCounty("370323").stream()
                .anyMatch(p -> held(p, LocalDate.of(2020, 7, 1)).containsAll(Set.of(DIBAO, REGISTERED_POOR))));
    }

    private static void assertCounty(String county, int policyYear, Set<PersonCategory> expected) {
        List<BeneficiaryRecord> persons = DemoBeneficiaries.ofCounty(county);
        assertTrue(persons.size() >= 8 && persons.size() <= 10, county + ": " + persons.size());
        Set<PersonCategory> covered = EnumSet.noneOf(PersonCategory.class);
        for (BeneficiaryRecord person : persons) {
            for (LocalDate day : List.of(LocalDate.of(policyYear, 1, 1), LocalDate.of(policyYear, 12, 31), TODAY)) {
                assertTrue(!held(person, day).isEmpty(), person.name() + " holds a category on " + day);
            }
            covered.addAll(held(person, LocalDate.of(policyYear, 7, 1)));
        }
        assertEquals(expected, covered, county);
    }

    @Test
    void linyiHasPersonsWithEveryApprovedDiseaseItsPolicyPaysFor() {
        Set<String> effective = DemoBeneficiaries.ofCounty("371371").stream()
                .flatMap(p -> PersonSnapshot.asOf(LocalDate.of(2017, 6, 1), p.categoryPeriods(), p.diseaseApprovals())
                        .chronicDiseases().stream())
                .collect(Collectors.toSet());
        assertEquals(Set.of("HYPERTENSION", "DIABETES", "SEVERE_MENTAL_DISORDER"), effective);
    }

    private static Set<PersonCategory> held(BeneficiaryRecord person, LocalDate day) {
        return PersonSnapshot.asOf(day, person.categoryPeriods(), person.diseaseApprovals()).categories();
    }
}
