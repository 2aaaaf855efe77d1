package org.yidan.watch.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the compliance rules look at of one settled (not reversed) settlement. */
public record SettledBill(String receiptNo, String idNumber, String hospitalCode, String visitType,
                          LocalDate admissionDate, LocalDate dischargeDate, BigDecimal totalAmount,
                          BigDecimal fundTotal, BigDecimal selfPay) {

    public boolean isInpatient() {
        return "INPATIENT".equals(visitType);
    }
}
