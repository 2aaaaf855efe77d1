package org.yidan.platform.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmountTextTest {

    @Test
    void readsWhatWasTyped() {
        assertEquals(Optional.of(new BigDecimal("60000.00")), AmountText.parse("60000"));
        assertEquals(Optional.of(new BigDecimal("60000.50")), AmountText.parse(" 60,000.5 "));
        assertEquals(Optional.of(new BigDecimal("0.00")), AmountText.parse("0"));
        assertEquals(Optional.empty(), AmountText.parse("  "));
        assertEquals("1234.50", AmountText.format(new BigDecimal("1234.5")));
    }

    /** The defects of issue 9: each of these was silently rewritten into another amount. */
    @ParameterizedTest
    @ValueSource(strings = {"-5000", "12a34", "1.234", "1,23", "+5", "1e3", "５０００", "99999999999", "12.", ".5", "1 000"})
    void refusesWhatIsNotAnAmount(String typed) {
        assertThrows(IllegalArgumentException.class, () -> AmountText.parse(typed));
    }
}
