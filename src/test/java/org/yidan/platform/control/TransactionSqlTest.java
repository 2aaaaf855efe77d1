package org.yidan.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** JPA's numbered parameters as JDBC positions: each number wherever it occurs, nothing inside quoted text. */
class TransactionSqlTest {

    @Test
    void eachNumberBindsEveryPositionItOccursAt() {
        var parsed = TransactionSql.parse("select ?1, ?10, ?2 from t where a = ?1 and b = ?10::date");
        assertEquals("select ?, ?, ? from t where a = ? and b = ?::date", parsed.jdbc());
        assertArrayEquals(new int[]{1, 4}, parsed.positions()[1]);
        assertArrayEquals(new int[]{3}, parsed.positions()[2]);
        assertArrayEquals(new int[]{2, 5}, parsed.positions()[10]);
    }

    @Test
    void aQuestionMarkInQuotedTextOrWithoutANumberIsLeftAsItIs() {
        var parsed = TransactionSql.parse("select '?1', j ? 'k', x from t where y = ?1");
        assertEquals("select '?1', j ? 'k', x from t where y = ?", parsed.jdbc());
        assertArrayEquals(new int[]{1}, parsed.positions()[1]);
    }
}
