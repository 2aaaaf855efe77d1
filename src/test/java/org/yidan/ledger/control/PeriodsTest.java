package org.yidan.ledger.control;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PeriodsTest {

    @Test
    void aFeeMonthIsWrittenYyyyMm() {
        assertEquals(YearMonth.of(2018, 4), Periods.parse("from", "2018-04"));
        for (String bad : new String[]{"2018-4", "2018-13", "2018-00", "201804", "2018-04-01", "2018-Q1", "", null}) {
            RefusedException refused = assertThrows(RefusedException.class, () -> Periods.parse("from", bad));
            assertEquals("PERIOD_INVALID", refused.code());
        }
    }
}
