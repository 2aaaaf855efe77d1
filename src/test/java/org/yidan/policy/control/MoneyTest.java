package org.yidan.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How amounts, bounds and ratios are written on the receipt, and the one rounding rule. */
class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0.00", "0.004, 0.00", "0.005, 0.01", "0.065, 0.07", "0.075, 0.08", "1, 1.00", "999.999, '1,000.00'",
            "5850, '5,850.00'", "29000, '29,000.00'", "123456.78, '123,456.78'", "1000000, '1,000,000.00'",
            "-1234.5, '-1,234.50'", "-0.05, -0.05", "123456789012345678.9, '123,456,789,012,345,678.90'"})
    void formatsAmountsRoundedHalfUpToTheFen(String amount, String expected) {
        assertEquals(expected, Money.format(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "5000, '5,000'", "100000.00, '100,000'", "1234.5, '1,234.5'"})
    void formatsSegmentBounds(String bound, String expected) {
        assertEquals(expected, Money.formatBound(new BigDecimal(bound)));
    }

    @ParameterizedTest
    @CsvSource({"0.65, 65%", "0.6, 60%", "1.00, 100%", "0.855, 85.5%", "0, 0%"})
    void formatsRatiosAsPercentages(String ratio, String expected) {
        assertEquals(expected, Money.formatRatio(new BigDecimal(ratio)));
    }

    @ParameterizedTest
    @CsvSource({"1.50, true", "1.500, true", "1.505, false", "-0.01, false", "0, true", "12345678901.23, true"})
    void acceptsAmountsWithinTheFen(String amount, boolean valid) {
        assertEquals(valid, Money.isValidAmount(new BigDecimal(amount)));
    }
}
