package org.yidan.reports.control;

import org.junit.jupiter.api.Test;
import org.yidan.policy.entity.Fund;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BudgetTest {

    @Test
    void theYearEndProjectionGoesOnAtTheSamePace() {
        // 2018 has 365 days; 30 June is day 181: 181,000 spent → 365,000 at year end
        Budget budget = Budget.of(Fund.ASSISTANCE, new BigDecimal("300000"), LocalDate.of(2018, 6, 30),
                new BigDecimal("181000.00"));
        assertEquals(new BigDecimal("365000.00"), budget.projected());
        assertEquals(new BigDecimal("0.6033"), budget.share());
        assertEquals(new BigDecimal("1.2167"), budget.projectedShare());
        assertEquals(new BigDecimal("119000.00"), budget.remaining());
    }

    @Test
    void theBackstopShortfallIsTheBackstopPartOfTheOverspend() {
        Budget over = Budget.of(Fund.ASSISTANCE, new BigDecimal("100000"), LocalDate.of(2018, 12, 31),
                new BigDecimal("130000.00"));
        // 30,000 over the budget, of which the backstop paid 20,000: the province tops up the backstop only
        BigDecimal[] shortfall = over.backstopShortfall(new BigDecimal("20000.00"));
        assertEquals(new BigDecimal("20000.00"), shortfall[0]);
        assertEquals(new BigDecimal("20000.00"), shortfall[1]);
        BigDecimal[] small = over.backstopShortfall(new BigDecimal("50000.00"));
        assertEquals(new BigDecimal("30000.00"), small[0]);
        Budget within = Budget.of(Fund.ASSISTANCE, new BigDecimal("100000"), LocalDate.of(2018, 6, 30),
                new BigDecimal("60000.00"));
        BigDecimal[] projected = within.backstopShortfall(new BigDecimal("10000.00"));
        assertEquals(new BigDecimal("0.00"), projected[0], "nothing over the budget yet");
        // at the pace of 30 June: 121,035.91 spent by year end, 20,165.75 of it backstop
        assertEquals(new BigDecimal("20165.75"), projected[1]);
    }
}
