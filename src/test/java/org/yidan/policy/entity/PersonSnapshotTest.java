package org.yidan.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which categories and disease approvals count on a given discharge date. */
class PersonSnapshotTest {

    private static final List<CategoryPeriod> CATEGORIES = List.of(
            new CategoryPeriod(PersonCategory.DIBAO, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30)),
            new CategoryPeriod(PersonCategory.REGISTERED_POOR, LocalDate.of(2020, 3, 15), null));
    private static final List<DiseaseApproval> APPROVALS = List.of(
            new DiseaseApproval("HYPERTENSION", LocalDate.of(2020, 4, 1)),
            new DiseaseApproval("DIABETES", LocalDate.of(2020, 12, 31)));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        2019-12-31 |                       |
        2020-01-01 | DIBAO                 |
        2020-03-14 | DIBAO                 |
        2020-03-15 | DIBAO REGISTERED_POOR |
        2020-04-01 | DIBAO REGISTERED_POOR |
        2020-04-02 | DIBAO REGISTERED_POOR | HYPERTENSION
        2020-06-30 | DIBAO REGISTERED_POOR | HYPERTENSION
        2020-07-01 | REGISTERED_POOR       | HYPERTENSION
        2020-12-31 | REGISTERED_POOR       | HYPERTENSION
        2021-01-01 | REGISTERED_POOR       | DIABETES HYPERTENSION
        """)
    void holdsOnTheDate(String date, String categories, String diseases) {
        PersonSnapshot snapshot = PersonSnapshot.asOf(LocalDate.parse(date), CATEGORIES, APPROVALS);

        EnumSet<PersonCategory> expected = EnumSet.noneOf(PersonCategory.class);
        if (categories != null) {
            for (String category : categories.split(" ")) {
                expected.add(PersonCategory.valueOf(category));
            }
        }
        assertEquals(expected, snapshot.categories());
        assertEquals(diseases == null ? Set.of() : Set.of(diseases.split(" ")), snapshot.chronicDiseases());
        assertEquals(!expected.isEmpty(), snapshot.isBeneficiary());
    }

    @ParameterizedTest
    @CsvSource({"2019-12-31", "2020-07-01"})
    void noCategoryMeansNoBeneficiary(String date) {
        assertFalse(PersonSnapshot.asOf(LocalDate.parse(date), CATEGORIES.subList(0, 1), APPROVALS).isBeneficiary());
    }
}
