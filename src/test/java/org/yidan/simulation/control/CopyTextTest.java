package org.yidan.simulation.control;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rows of PostgreSQL's COPY text format decoded as the JDBC driver would hand over the values. */
class CopyTextTest {

    private static final CopyText ROW = new CopyText(new int[]{Types.VARCHAR, Types.DATE, Types.NUMERIC, Types.BIT,
            Types.BIGINT, Types.VARCHAR});

    private static Object[] decode(String row) {
        return ROW.decode(row.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachTypeAsTheDriverGivesIt() {
        assertArrayEquals(new Object[]{"R1", LocalDate.of(2020, 2, 29), new BigDecimal("1234.50"), true, 42L, "李四"},
                decode("R1\t2020-02-29\t1234.50\tt\t42\t李四\n"));
        assertArrayEquals(new Object[]{"", LocalDate.of(1999, 12, 31), new BigDecimal("-0.05"), false, -1L, "{A,B}"},
                decode("\t1999-12-31\t-0.05\tf\t-1\t{A,B}"));
    }

    @Test
    void nullIsBackslashNAndAnEscapedBackslashNIsText() {
        assertArrayEquals(new Object[]{null, null, null, null, null, "\\N"},
                decode("\\N\t\\N\t\\N\t\\N\t\\N\t\\\\N\n"));
    }

    @Test
    void escapedCharactersAreUnescaped() {
        Object[] values = decode("a\\tb\\nc\\\\d\\re\\bf\\fg\\vh\\xi\t2020-01-01\t1\tt\t1\t第一行\\n第二行\\t完");
        assertEquals("a\tb\nc\\d\re\bf\fg\u000Bhxi", values[0]);
        assertEquals("第一行\n第二行\t完", values[5]);
    }

    @Test
    void decimalsKeepTheirScaleAndLongOnesAreParsed() {
        CopyText numbers = new CopyText(new int[]{Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC});
        Object[] values = numbers.decode("0.00\t7\t123456789012345678901234.5678\t-98765.4321".getBytes(
                StandardCharsets.US_ASCII));
        assertEquals(new BigDecimal("0.00"), values[0]);
        assertEquals(2, ((BigDecimal) values[0]).scale());
        assertEquals(new BigDecimal("7"), values[1]);
        assertEquals(new BigDecimal("123456789012345678901234.5678"), values[2]);
        assertEquals(new BigDecimal("-98765.4321"), values[3]);
    }

    @Test
    void aRowWithAnotherNumberOfColumnsIsRefused() {
        assertThrows(IllegalStateException.class, () -> decode("R1\t2020-01-01\t1\tt\t1"));
        assertThrows(IllegalStateException.class, () -> decode("R1\t2020-01-01\t1\tt\t1\tx\ty"));
    }

    @Test
    void aDateOutsideTheIsoFormIsParsedOrRefused() {
        CopyText dates = new CopyText(new int[]{Types.DATE});
        assertEquals(LocalDate.of(2020, 1, 1), dates.decode("2020-01-01".getBytes(StandardCharsets.US_ASCII))[0]);
        assertThrows(RuntimeException.class, () -> dates.decode("2020-13-01".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(RuntimeException.class, () -> dates.decode("infinity".getBytes(StandardCharsets.US_ASCII)));
    }
}
