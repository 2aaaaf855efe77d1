package org.yidan.ledger.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.ledger.entity.LedgerEntry;
import org.yidan.ledger.entity.LedgerEntryBooked;
import org.yidan.ledger.entity.RegisteredHospital;
import org.yidan.settlement.entity.Settlement;
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
        // the facts leave out the name and the policy scope: read them from the settlement, already in this
        // transaction's persistence context (the township comes with the facts: the person is not read again)
        Settlement stored = em.find(Settlement.class, s.receiptNo());
        RegisteredHospital hospital = em.find(RegisteredHospital.class, s.hospitalCode());
        LedgerEntry entry = LedgerEntry.booking(new LedgerEntry.Facts(s.receiptNo(), s.county(), s.settledAt(),
                s.settledBy(), s.idNumber(), stored.getPersonName(), s.township(),
                String.join(",", s.personCategories()), s.standardTags(), s.hospitalCode(),
                hospital == null ? null : hospital.getName(), s.hospitalLevel().name(), s.hospitalInCounty(),
                s.visitType().name(), s.admissionDate(), s.dischargeDate(), s.totalAmount(),
                stored.getPolicyScopeAmount(), stored.getSpecialDrugAmount(), s.fundTotal(), s.selfPay(),
                s.fundLines()));
        book(entry);
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
