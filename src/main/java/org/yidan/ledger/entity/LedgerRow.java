package org.yidan.ledger.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One journal entry as the ledger shows it.
 *
 * @param reversalOf the id of the entry a reversal takes back; null for a settlement
 * @param idNumber   masked unless the caller may read full ID numbers
 * @param funds      the amounts of the funds asked for (all when none was), by fund code
 */
public record LedgerRow(long id, String receiptNo, String entryType, Long reversalOf, String feeMonth,
                        OffsetDateTime bookedAt, String idNumber, String name, String township, String categories,
                        String hospitalCode, String hospitalName, String hospitalLevel, String visitType,
                        LocalDate admissionDate, LocalDate dischargeDate, BigDecimal totalAmount,
                        BigDecimal policyScopeAmount, BigDecimal specialDrugAmount, Map<String, BigDecimal> funds,
                        BigDecimal fundTotal, BigDecimal selfPay) implements Serializable {

    public BigDecimal fund(String fund) {
        return funds.get(fund);
    }
}
