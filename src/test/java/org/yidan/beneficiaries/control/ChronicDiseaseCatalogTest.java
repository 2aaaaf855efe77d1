package org.yidan.beneficiaries.control;

import org.junit.jupiter.api.Test;
import org.yidan.beneficiaries.entity.ChronicApplication.Track;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChronicDiseaseCatalogTest {

    private final ChronicDiseaseCatalog catalog = new ChronicDiseaseCatalog(Set.of("HYPERTENSION", "DIABETES"),
            Set.of("UREMIA"));

    @Test
    void listedDiseasesAreDecidedAtOnceOthersInTheQuarterlyReviewUnknownOnesNotAtAll() {
        assertEquals(Optional.of(Track.LISTED), catalog.track("HYPERTENSION"));
        assertEquals(Optional.of(Track.QUARTERLY), catalog.track("UREMIA"));
        assertEquals(Optional.empty(), catalog.track("FLU"));
    }

    @Test
    void aQuarterlyApplicationIsDueOnTheLastDayOfTheQuarterItWasFiledIn() {
        assertEquals(LocalDate.of(2020, 3, 31), ChronicDiseaseCatalog.dueBy(Track.QUARTERLY, LocalDate.of(2020, 1, 1)));
        assertEquals(LocalDate.of(2020, 6, 30), ChronicDiseaseCatalog.dueBy(Track.QUARTERLY, LocalDate.of(2020, 4, 1)));
        assertEquals(LocalDate.of(2020, 9, 30), ChronicDiseaseCatalog.dueBy(Track.QUARTERLY, LocalDate.of(2020, 9, 30)));
        assertEquals(LocalDate.of(2020, 12, 31), ChronicDiseaseCatalog.dueBy(Track.QUARTERLY, LocalDate.of(2020, 11, 15)));
        assertEquals(LocalDate.of(2020, 11, 15), ChronicDiseaseCatalog.dueBy(Track.LISTED, LocalDate.of(2020, 11, 15)));
    }
}
