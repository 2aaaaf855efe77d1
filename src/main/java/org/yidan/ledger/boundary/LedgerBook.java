package org.yidan.ledger.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.ledger.entity.LedgerEntry;
import org.yidan.ledger.entity.LedgerEntryBooked;
import org.yidan.platform.control.JsonFactories;
import org.yidan.settlement.entity.SettlementFacts;
import org.yidan.settlement.entity.SettlementReversed;
import org.yidan.settlement.entity.SettlementSettled;

import java.util.Map;

/**
 * Books the journal (台账): one entry when a settlement is stored, one negated entry when it is reversed. The
 * observers run synchronously inside the settlement's JTA transaction (the events are fired there), so a
 * settlement and its entry commit or vanish together.
 */
@ApplicationScoped
public class LedgerBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<LedgerEntryBooked> entryBooked;

    void onSettlement(@Observes SettlementSettled event) {
        SettlementFacts s = event.settlement();
        // the hospital's name as registered at booking is read by the writing statement itself (see store)
        LedgerEntry entry = LedgerEntry.booking(new LedgerEntry.Facts(s.receiptNo(), s.county(), s.settledAt(),
                s.settledBy(), s.idNumber(), s.personName(), s.township(),
                String.join(",", s.personCategories()), s.standardTags(), s.hospitalCode(), null,
                s.hospitalLevel().name(), s.hospitalInCounty(), s.visitType().name(), s.admissionDate(),
                s.dischargeDate(), s.totalAmount(), s.policyScopeAmount(), s.specialDrugAmount(), s.fundTotal(),
                s.selfPay(), s.fundLines()));
        long id = store(entry);
        entryBooked.fire(new LedgerEntryBooked(id, entry.getCounty(), entry.getHospitalCode(), entry.getFeeMonth(),
                Map.copyOf(entry.getFunds())));
    }

    /**
     * A settlement's entry, its fund amounts and the registered hospital's name in one statement and round trip
     * (EclipseLink wrote them as two inserts after a read of the hospital). The id comes from the entity's sequence:
     * each nextval is the last id of a block of 50 that EclipseLink never hands out, since it takes the 50 ids up
     * to the value it draws.
     */
    private long store(LedgerEntry e) {
        JsonObjectBuilder funds = JsonFactories.object();
        e.getFunds().forEach(funds::add);
        Object[] written = (Object[]) em.createNamedQuery(LedgerEntry.BOOK_SETTLEMENT)
                .setParameter(1, e.getReceiptNo()).setParameter(2, e.getCounty()).setParameter(3, e.getFeeMonth())
                .setParameter(4, e.getBookedAt()).setParameter(5, e.getBookedBy()).setParameter(6, e.getIdNumber())
                .setParameter(7, e.getPersonName()).setParameter(8, e.getTownship())
                .setParameter(9, e.getCategories()).setParameter(10, e.getStandardTags())
                .setParameter(11, e.getHospitalCode()).setParameter(12, e.getHospitalLevel())
                .setParameter(13, e.isHospitalInCounty()).setParameter(14, e.getVisitType())
                .setParameter(15, e.getAdmissionDate()).setParameter(16, e.getDischargeDate())
                .setParameter(17, e.getTotalAmount()).setParameter(18, e.getPolicyScopeAmount())
                .setParameter(19, e.getSpecialDrugAmount()).setParameter(20, e.getFundTotal())
                .setParameter(21, e.getSelfPay()).setParameter(22, funds.build().toString())
                .getSingleResult();
        if (((Number) written[1]).intValue() != e.getFunds().size()) {
            throw new IllegalStateException("Entry of " + e.getReceiptNo() + " booked " + written[1]
                    + " fund amounts where " + e.getFunds().size() + " were due");
        }
        return ((Number) written[0]).longValue();
    }

    void onReversal(@Observes SettlementReversed event) {
        LedgerEntry original = em.createQuery("select e from LedgerEntry e where e.receiptNo = :receiptNo"
                        + " and e.entryType = :type", LedgerEntry.class)
                .setParameter("receiptNo", event.settlement().receiptNo())
                .setParameter("type", LedgerEntry.Type.SETTLEMENT)
                .getSingleResult();
        book(original.reversal(event.reversedAt(), event.reversedBy()));
    }

    private void book(LedgerEntry entry) {
        em.persist(entry);
        // clearing writes its lines with native SQL that references the entry
        em.flush();
        entryBooked.fire(new LedgerEntryBooked(entry.getId(), entry.getCounty(), entry.getHospitalCode(),
                entry.getFeeMonth(), Map.copyOf(entry.getFunds())));
    }
}
