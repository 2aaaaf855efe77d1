package org.yidan.settlement.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Receipt numbers {@code county-yyyyMMdd-nnnnnn}: unique and increasing per county and county-local day.
 * <p>
 * The counter row is taken in its own short transaction. Inside the settlement's transaction it would
 * stay locked until that commits and every settlement of the county would queue behind it; the price is
 * that a settlement failing after it was numbered leaves a gap in the day's numbers.
 */
@Stateless
public class ReceiptNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String next(String county, LocalDate day) {
        Number next = (Number) em.createNativeQuery("insert into receipt_counter (county, day, last_value)"
                        + " values (?1, ?2, 1) on conflict (county, day)"
                        + " do update set last_value = receipt_counter.last_value + 1 returning last_value")
                .setParameter(1, county).setParameter(2, day).getSingleResult();
        return county + "-" + day.format(DAY) + "-" + String.format("%06d", next.intValue());
    }
}
