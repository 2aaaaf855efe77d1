package org.yidan.ledger.control;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PeriodsTest {

    @Test
    void anEntryGoesToItsFeeMonthUnlessThatIsConfirmedThenToTheFirstLaterOpenMonth() {
        assertEquals("2018-04", Periods.assign("2018-04", Set.of()));
        assertEquals("2018-05", Periods.assign("2018-04", Set.of("2018-04")));
        assertEquals("2018-07", Periods.assign("2018-04", Set.of("2018-04", "2018-05", "2018-06", "2018-03")));
        assertEquals("2019-01", Periods.assign("2018-12", Set.of("2018-12")));
    }

    @Test
    void aPeriodIsAMonthThatHasEnded() {
        assertEquals(YearMonth.of(2018, 4), Periods.parse("period", "2018-04"));
        for (String bad : new String[]{"2018-4", "2018-13", "2018-00", "201804", "2018-04-01", "", null}) {
            RefusedException refused = assertThrows(RefusedException.class, () -> Periods.parse("period", bad));
            assertEquals("PERIOD_INVALID", refused.code());
        }
        Periods.requireEnded(YearMonth.of(2018, 4), LocalDate.of(2018, 5, 1));
        RefusedException notEnded = assertThrows(RefusedException.class,
                () -> Periods.requireEnded(YearMonth.of(2018, 4), LocalDate.of(2018, 4, 30)));
        assertEquals("PERIOD_NOT_ENDED", notEnded.code());
    }
}
