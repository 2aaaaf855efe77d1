package org.yidan.receipts.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.yidan.receipts.entity.ReceiptDocument;
import org.yidan.receipts.entity.ReceiptDocument.Clerk;
import org.yidan.receipts.entity.ReceiptDocument.Line;
import org.yidan.receipts.entity.ReceiptDocument.Reversal;
import org.yidan.receipts.entity.ReceiptDocument.Status;

/** The worked example of 沂源县: an inpatient stay of 60,000.00 yuan of which the beneficiary pays 12,050.00. */
final class WorkedExample {

    static final String RECEIPT_NO = "370323-20200510-000001";
    static final String MASKED_ID = "370323********0215";

    private WorkedExample() {
    }

    static ReceiptDocument settled() {
        return receipt(Status.SETTLED, null, lines(), "张秀英");
    }

    static ReceiptDocument reversed() {
        return receipt(Status.REVERSED,
                new Reversal(OffsetDateTime.parse("2020-05-12T01:15:00Z"), "录入错误，住院天数有误"), lines(), "张秀英");
    }

    static ReceiptDocument withPerson(String name) {
        return receipt(Status.SETTLED, null, lines(), name);
    }

    /** The same amounts, with far more explanation than fits on one sheet. */
    static ReceiptDocument withLongExplanations() {
        List<Line> verbose = lines().stream()
                .map(line -> new Line(line.fundCode(), line.fundName(), line.amount(),
                        java.util.stream.IntStream.rangeClosed(1, 9)
                                .mapToObj(i -> line.fundName() + "：第 " + i + " 步，" + String.join("；",
                                        line.explanations()) + "；本步说明较长，用以检查结算单在一页放不下时能否整齐地续印到下一页。")
                                .toList()))
                .toList();
        return receipt(Status.SETTLED, null, verbose, "张秀英");
    }

    static List<Line> lines() {
        return List.of(
                new Line("BASIC", "基本医保", yuan("30000.00"),
                        List.of("基本医保：按经办系统结算结果支付 30,000.00 元")),
                new Line("CRITICAL", "大病保险", yuan("9750.00"),
                        List.of("大病保险：本年累计合规自付 20,000.00 元（起付线 5,000.00 元），本次 5,000.00 元在起付线以下，"
                                        + "不予支付；5,000–100,000 元段按 65%，本次 15,000.00 × 65% = 9,750.00 元，合计 9,750.00 元",
                                "大病保险：年度封顶 400,000.00 元，本次前尚余 400,000.00 元")),
                new Line("ASSISTANCE", "医疗救助", yuan("8200.00"),
                        List.of("医疗救助：本年累计合规自付 10,250.00 元，全部按 80%，本次 10,250.00 × 80% = 8,200.00 元",
                                "医疗救助：年度封顶 50,000.00 元，本次前尚余 50,000.00 元")),
                new Line("HOSPITAL_REDUCTION", "医疗机构减免", yuan("0.00"),
                        List.of("医疗机构减免：仅适用于在乡镇卫生院就诊，本次在县级医疗机构就诊，不予支付")),
                new Line("COMMERCIAL", "商业补充保险", yuan("0.00"),
                        List.of("商业补充保险：本年累计合规自付 2,050.00 元（起付线 10,000.00 元），本次 2,050.00 元在起付线以下，不予支付")),
                new Line("RE_ASSISTANCE", "再救助", yuan("0.00"),
                        List.of("再救助：实际补偿比应达到 90%，政策范围内费用 50,000.00 × 90% = 45,000.00 元，"
                                + "前面已支付 47,950.00 元，已达到，无需补足")));
    }

    private static ReceiptDocument receipt(Status status, Reversal reversal, List<Line> lines, String person) {
        return new ReceiptDocument("370323", "沂源县", RECEIPT_NO, status, reversal,
                person, MASKED_ID, "低保对象", "沂源县人民医院", "县级医疗机构", "住院",
                LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 10),
                yuan("60000.00"), yuan("50000.00"), yuan("0.00"),
                lines, yuan("47950.00"), yuan("12050.00"),
                new Clerk("李梅", "limei"),
                // 06:32:05 UTC is 14:32:05 in 沂源
                OffsetDateTime.parse("2020-05-10T06:32:05Z"),
                "7K3Q-9XA2", "370323/2020", "3f9a2c1b");
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
