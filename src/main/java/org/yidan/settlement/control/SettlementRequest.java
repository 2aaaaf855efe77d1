package org.yidan.settlement.control;

import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** A bill to settle for one person, as the counter or a hospital system sends it. */
public record SettlementRequest(String idNumber, Bill bill) {

    /**
     * The request's meaning as text: the same bill sent twice (other whitespace, other key order,
     * {@code 100} or {@code "100.00"}) gives the same text. The idempotency check compares its hash.
     */
    public String canonicalText() {
        StringBuilder text = new StringBuilder()
                .append("idNumber=").append(idNumber).append('\n')
                .append("hospital=").append(bill.hospital().code()).append('|').append(bill.hospital().level())
                .append('|').append(bill.hospital().inCounty()).append('\n')
                .append("visitType=").append(bill.visitType()).append('\n')
                .append("admissionDate=").append(bill.admissionDate()).append('\n')
                .append("dischargeDate=").append(bill.dischargeDate()).append('\n')
                .append("totalAmount=").append(fen(bill.totalAmount())).append('\n')
                .append("policyScopeAmount=").append(fen(bill.policyScopeAmount())).append('\n')
                .append("specialDrugAmount=").append(fen(bill.specialDrugAmount())).append('\n');
        for (BillItem item : bill.items()) {
            text.append("item=").append(item.category()).append('|').append(fen(item.amount())).append('\n');
        }
        for (Map.Entry<Fund, BigDecimal> external : bill.externalPayments().entrySet()) {
            text.append("external=").append(external.getKey()).append('|').append(fen(external.getValue())).append('\n');
        }
        return text.toString();
    }

    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
