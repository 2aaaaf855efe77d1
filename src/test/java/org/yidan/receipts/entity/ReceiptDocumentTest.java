package org.yidan.receipts.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yidan.receipts.entity.ReceiptDocument.Clerk;
import org.yidan.receipts.entity.ReceiptDocument.Line;
import org.yidan.receipts.entity.ReceiptDocument.Reversal;
import org.yidan.receipts.entity.ReceiptDocument.Status;

/** A receipt whose figures contradict each other is never printed. */
class ReceiptDocumentTest {

    private static final List<Line> LINES = List.of(
            new Line("BASIC", "基本医保", new BigDecimal("30000.00"), List.of()),
            new Line("CRITICAL", "大病保险", new BigDecimal("9750.00"), List.of()),
            new Line("ASSISTANCE", "医疗救助", new BigDecimal("8200.00"), List.of()));

    @Test
    void aReceiptThatAddsUpIsAccepted() {
        assertDoesNotThrow(() -> receipt(Status.SETTLED, null, "47950.00", "12050.00"));
    }

    @Test
    void fundLinesThatDoNotAddUpToTheFundTotalAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> receipt(Status.SETTLED, null, "47000.00", "13000.00"));
    }

    @Test
    void aSelfPayThatIsNotTheTotalLessTheFundsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> receipt(Status.SETTLED, null, "47950.00", "12000.00"));
    }

    @Test
    void aReversedReceiptNeedsItsReversalAndOnlyItHasOne() {
        Reversal reversal = new Reversal(OffsetDateTime.parse("2020-05-12T09:15:00+08:00"), "重复结算");
        assertThrows(IllegalArgumentException.class, () -> receipt(Status.REVERSED, null, "47950.00", "12050.00"));
        assertThrows(IllegalArgumentException.class,
                () -> receipt(Status.SETTLED, reversal, "47950.00", "12050.00"));
        assertDoesNotThrow(() -> receipt(Status.REVERSED, reversal, "47950.00", "12050.00"));
    }

    private static ReceiptDocument receipt(Status status, Reversal reversal, String fundTotal, String selfPay) {
        return new ReceiptDocument("370323", "沂源县", "370323-20200510-000001", status, reversal,
                "张秀英", "370323********0215", "低保对象", "沂源县人民医院", "县级医疗机构", "住院",
                LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 10),
                new BigDecimal("60000.00"), new BigDecimal("50000.00"), new BigDecimal("0.00"),
                LINES, new BigDecimal(fundTotal), new BigDecimal(selfPay),
                new Clerk("李梅", "limei"), OffsetDateTime.parse("2020-05-10T14:32:05+08:00"),
                "7K3Q-9XA2", "370323/2020", "3f9a2c1b");
    }
}
