package org.yidan.settlement.control;

import org.junit.jupiter.api.Test;
import org.yidan.policy.entity.PersonCategory;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The person as settling's first statement returns it: categories, diseases, exit and uninsured years. */
class SettledPersonTest {

    @Test
    void readsTheStatementsColumnsAsTheRegistryMeansThem() {
        SettledPerson person = SettledPerson.of("370323196001010011", "张三", "370323", "南麻镇", null,
                "[[\"DIBAO\", \"2019-01-01\", \"2020-06-30\"], [\"REGISTERED_POOR\", \"2020-01-01\", null]]",
                "[[\"高血压\", \"2020-02-01\"]]", "2019,2021", "NATIONAL,PROVINCIAL");
        assertEquals(Set.of(PersonCategory.DIBAO, PersonCategory.REGISTERED_POOR),
                person.snapshotOn(LocalDate.of(2020, 3, 5)).categories());
        assertEquals(Set.of(PersonCategory.REGISTERED_POOR), person.snapshotOn(LocalDate.of(2020, 7, 1)).categories());
        // an approval counts from the next day on
        assertEquals(Set.of(), person.snapshotOn(LocalDate.of(2020, 2, 1)).chronicDiseases());
        assertEquals(Set.of("高血压"), person.snapshotOn(LocalDate.of(2020, 2, 2)).chronicDiseases());
        assertTrue(person.uninsuredIn(2021));
        assertFalse(person.uninsuredIn(2020));
        assertEquals("NATIONAL,PROVINCIAL", person.standardTags());
    }

    @Test
    void aPersonWithoutRecordsHoldsNothingAndAnExitEndsEverything() {
        SettledPerson none = SettledPerson.of("370323196001010011", "张三", "370323", null, null, null, null, null, null);
        assertFalse(none.snapshotOn(LocalDate.of(2020, 3, 5)).isBeneficiary());
        assertFalse(none.uninsuredIn(2020));
        assertEquals("", none.standardTags());
        SettledPerson exited = SettledPerson.of("370323196001010011", "张三", "370323", null, LocalDate.of(2020, 3, 1),
                "[[\"DIBAO\", \"2019-01-01\", null]]", null, null, null);
        assertTrue(exited.snapshotOn(LocalDate.of(2020, 2, 29)).isBeneficiary());
        assertFalse(exited.snapshotOn(LocalDate.of(2020, 3, 1)).isBeneficiary());
    }
}
