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
 * The counter row is taken inside the settlement's transaction, as its last step before the inserts:
 * a settlement that fails leaves no gap. Settlements of one county queue on that row only from there to
 * their commit. (Numbering in a transaction of its own was tried and dropped: under load every
 * settlement then needs a second pooled connection while holding its first, and a pool full of
 * settlements waiting for one person's accumulator rows starves the one holding them.)
 */
@Stateless
public class ReceiptNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String next(String county, LocalDate day) {
        Number next = (Number) em.createNativeQuery("insert into receipt_counter (county, day, last_value)"
                        + " values (?1, ?2, 1) on conflict (county, day)"
                        + " do update set last_value = receipt_counter.last_value + 1 returning last_value")
                .setParameter(1, county).setParameter(2, day).getSingleResult();
        return county + "-" + day.format(DAY) + "-" + String.format("%06d", next.intValue());
    }
}
