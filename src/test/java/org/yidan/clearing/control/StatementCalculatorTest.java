package org.yidan.clearing.control;

import org.junit.jupiter.api.Test;
import org.yidan.clearing.entity.Figures;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementCalculatorTest {

    private static BigDecimal yuan(String text) {
        return new BigDecimal(text);
    }

    private static void assertBalances(Figures f) {
        assertEquals(0, f.payable().add(f.heldBack()).add(f.prepaymentApplied()).compareTo(f.total()),
                "payable + held + prepayment applied = total: " + f);
    }

    @Test
    void holdsBackFirstThenAppliesThePrepaymentUpToWhatRemains() {
        Figures f = StatementCalculator.figures(2, yuan("1500.00"), yuan("0.40"), yuan("300.00"));
        assertEquals(yuan("600.00"), f.heldBack());
        assertEquals(yuan("300.00"), f.prepaymentApplied());
        assertEquals(yuan("600.00"), f.payable());
        assertBalances(f);
    }

    @Test
    void aLargePrepaymentLeavesNothingPayableAndTheRestOutstanding() {
        Figures f = StatementCalculator.figures(1, yuan("1000.00"), BigDecimal.ZERO, yuan("5000.00"));
        assertEquals(yuan("1000.00"), f.prepaymentApplied());
        assertEquals(yuan("0.00"), f.payable());
        assertBalances(f);
    }

    @Test
    void aNegativeMonthBecomesACreditNotANegativePayment() {
        Figures f = StatementCalculator.figures(1, yuan("-1000.00"), yuan("0.40"), yuan("200.00"));
        assertEquals(yuan("-400.00"), f.heldBack());
        assertEquals(yuan("-600.00"), f.prepaymentApplied());
        assertEquals(yuan("0.00"), f.payable());
        assertBalances(f);
    }

    @Test
    void roundsTheHoldbackHalfUpToTheFen() {
        Figures f = StatementCalculator.figures(1, yuan("0.05"), yuan("0.50"), BigDecimal.ZERO);
        assertEquals(yuan("0.03"), f.heldBack());
        assertEquals(yuan("0.02"), f.payable());
        assertBalances(f);
    }

    @Test
    void anAssessmentReleasesTheScoresShareOfWhatWasHeld() {
        assertEquals(yuan("100.00"), StatementCalculator.released(yuan("200.00"), yuan("0.5")));
        assertEquals(yuan("0.00"), StatementCalculator.released(yuan("200.00"), BigDecimal.ZERO));
    }
}
