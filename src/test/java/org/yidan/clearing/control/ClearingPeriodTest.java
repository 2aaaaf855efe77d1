package org.yidan.clearing.control;

import org.junit.jupiter.api.Test;
import org.yidan.clearing.control.ClearingPeriod.Length;
import org.yidan.platform.control.RefusedException;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClearingPeriodTest {

    @Test
    void aPeriodIsAMonthOrAQuarterAndReadsBackAsWritten() {
        for (String text : new String[]{"2018-04", "2018-12", "2018-Q1", "2018-Q4"}) {
            assertEquals(text, ClearingPeriod.parse("period", text).toString());
        }
        ClearingPeriod q2 = ClearingPeriod.parse("period", "2018-Q2");
        assertEquals(YearMonth.of(2018, 4), q2.firstMonth());
        assertEquals(YearMonth.of(2018, 6), q2.lastMonth());
        assertEquals("2018年第二季度", q2.label());
        assertEquals("2018年4月", ClearingPeriod.parse("period", "2018-04").label());
        for (String bad : new String[]{"2018-4", "2018-13", "2018-00", "201804", "2018-Q0", "2018-Q5", "2018-q1",
                "2018Q1", "2018-04-01", "", null}) {
            RefusedException refused = assertThrows(RefusedException.class, () -> ClearingPeriod.parse("period", bad));
            assertEquals("PERIOD_INVALID", refused.code(), bad);
        }
    }

    @Test
    void aFeeMonthBelongsToItsMonthOrItsQuarter() {
        assertEquals("2018-Q1", ClearingPeriod.containing(YearMonth.of(2018, 1), Length.QUARTER).toString());
        assertEquals("2018-Q1", ClearingPeriod.containing(YearMonth.of(2018, 3), Length.QUARTER).toString());
        assertEquals("2018-Q2", ClearingPeriod.containing(YearMonth.of(2018, 4), Length.QUARTER).toString());
        assertEquals("2018-Q4", ClearingPeriod.containing(YearMonth.of(2018, 12), Length.QUARTER).toString());
        assertEquals("2018-07", ClearingPeriod.containing(YearMonth.of(2018, 7), Length.MONTH).toString());
        assertEquals("2019-Q1", ClearingPeriod.parse("period", "2018-Q4").next().toString());
        assertEquals("2019-01", ClearingPeriod.parse("period", "2018-12").next().toString());
    }

    @Test
    void aPeriodCanBeGeneratedFromTheDayAfterItsLastDay() {
        ClearingPeriod q1 = ClearingPeriod.parse("period", "2018-Q1");
        q1.requireEnded(LocalDate.of(2018, 4, 1));
        for (LocalDate early : new LocalDate[]{LocalDate.of(2018, 3, 31), LocalDate.of(2018, 2, 1)}) {
            RefusedException notEnded = assertThrows(RefusedException.class, () -> q1.requireEnded(early));
            assertEquals("PERIOD_NOT_ENDED", notEnded.code());
        }
        ClearingPeriod april = ClearingPeriod.parse("period", "2018-04");
        april.requireEnded(LocalDate.of(2018, 5, 1));
        assertThrows(RefusedException.class, () -> april.requireEnded(LocalDate.of(2018, 4, 30)));
        assertEquals("2018-Q1", ClearingPeriod.lastEnded(LocalDate.of(2018, 4, 1), Length.QUARTER).toString());
        assertEquals("2017-Q4", ClearingPeriod.lastEnded(LocalDate.of(2018, 3, 31), Length.QUARTER).toString());
        assertEquals("2018-03", ClearingPeriod.lastEnded(LocalDate.of(2018, 4, 1), Length.MONTH).toString());
    }

    @Test
    void aFundClearedByQuarterRefusesAMonthAndTheReverse() {
        RefusedException month = assertThrows(RefusedException.class, () -> ClearingPeriod.parse("period", "2018-02")
                .requireLength(Length.QUARTER, "620422", "CRITICAL"));
        assertEquals("PERIOD_INVALID", month.code());
        assertTrue(month.getMessage().contains("2018-Q1"), month.getMessage());
        assertThrows(RefusedException.class, () -> ClearingPeriod.parse("period", "2018-Q1")
                .requireLength(Length.MONTH, "620422", "BASIC"));
        ClearingPeriod.parse("period", "2018-Q1").requireLength(Length.QUARTER, "620422", "CRITICAL");
    }

    @Test
    void theConfiguredLengthIsMonthOrQuarterAndAnythingElseNamesTheKey() {
        assertEquals(Length.QUARTER, Length.parse("k", " quarter "));
        assertEquals(Length.MONTH, Length.parse("k", "MONTH"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Length.parse("yidan.clearing.620422.BASIC.period", "QUATER"));
        assertTrue(bad.getMessage().contains("yidan.clearing.620422.BASIC.period"), bad.getMessage());
    }
}
