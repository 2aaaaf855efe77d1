package org.yidan.reports.control;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportPeriodTest {

    @Test
    void monthsQuartersHalvesAndYearsCoverTheirWholeDays() {
        assertEquals(new ReportPeriod(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29), "2020年2月"),
                ReportPeriod.parse("2020-02"));
        assertEquals(LocalDate.of(2020, 4, 1), ReportPeriod.parse("2020-Q2").from());
        assertEquals(LocalDate.of(2020, 6, 30), ReportPeriod.parse("2020-q2").to());
        assertEquals("2020年第四季度", ReportPeriod.parse("2020-Q4").label());
        assertEquals(LocalDate.of(2020, 7, 1), ReportPeriod.parse("2020-H2").from());
        assertEquals(LocalDate.of(2020, 12, 31), ReportPeriod.parse("2020-H2").to());
        assertEquals(LocalDate.of(2018, 1, 1), ReportPeriod.parse("2018").from());
    }

    @Test
    void anythingElseIsRefusedWithACode() {
        for (String bad : new String[]{"2020-13", "2020-Q5", "2020-H3", "20", "", null}) {
            assertEquals("INVALID_PERIOD", assertThrows(RefusedException.class, () -> ReportPeriod.parse(bad)).code());
        }
        assertEquals(422, assertThrows(RefusedException.class,
                () -> ReportPeriod.dates(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 1, 1))).status());
    }
}
