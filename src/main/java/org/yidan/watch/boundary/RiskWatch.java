package org.yidan.watch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.settlement.entity.SettlementFacts;
import org.yidan.settlement.entity.SettlementReversed;
import org.yidan.settlement.entity.SettlementSettled;
import org.yidan.watch.control.WatchSettings;
import org.yidan.watch.entity.RiskCase;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Flags a person at the settlement that takes this year's self-pay past the county's threshold, and clears the flag
 * when a reversal takes it back under. Observes settlement's event inside the settlement's transaction, so the flag
 * and the settlement commit together or not at all.
 */
@ApplicationScoped
public class RiskWatch {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Whether the registry keeps household income (a later migration may add it); asked once. */
    private volatile Boolean incomeKnown;

    /** The county's watch settings as configured now (MicroProfile Config). */
    static WatchSettings settingsOf(String county) {
        Config config = ConfigProvider.getConfig(RiskWatch.class.getClassLoader());
        return WatchSettings.read(key -> config.getOptionalValue(key, String.class), county);
    }

    void settled(@Observes SettlementSettled settled) {
        check(settled.settlement(), false);
    }

    void reversed(@Observes SettlementReversed reversed) {
        check(reversed.settlement(), true);
    }

    private void check(SettlementFacts change, boolean reversal) {
        WatchSettings settings = settingsOf(change.county());
        Optional<BigDecimal> threshold = settings.thresholdFor(settings.incomeShare() == null ? null
                : householdIncome(change.idNumber()));
        if (threshold.isEmpty()) {
            return;
        }
        // this settlement's own row may not be flushed yet: the others from the database, this one from the event
        BigDecimal others = (BigDecimal) em.createNativeQuery("select coalesce(sum(self_pay), 0) from settlement"
                        + " where id_number = ?1 and policy_year = ?2 and status = 'SETTLED' and receipt_no <> ?3")
                .setParameter(1, change.idNumber()).setParameter(2, change.policyYear())
                .setParameter(3, change.receiptNo()).getSingleResult();
        BigDecimal selfPay = reversal ? others : others.add(change.selfPay());
        List<RiskCase> found = em.createQuery("select r from RiskCase r where r.idNumber = :id and r.year = :year",
                        RiskCase.class).setParameter("id", change.idNumber()).setParameter("year", change.policyYear())
                .getResultList();
        RiskCase existing = found.isEmpty() ? null : found.get(0);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean above = selfPay.compareTo(threshold.get()) > 0;
        if (above && (existing == null || !existing.isOpen())) {
            RiskCase flagged = existing == null ? new RiskCase(change.idNumber(), change.county(), change.policyYear())
                    : existing;
            flagged.flag(change.receiptNo(), selfPay, threshold.get(), "self-pay " + selfPay.toPlainString()
                    + " this year passed the threshold " + threshold.get().toPlainString() + " at "
                    + change.receiptNo(), now);
            if (existing == null) {
                em.persist(flagged);
            }
            audit.record("system", AuditAction.RISK_FLAG, change.idNumber().substring(0, 6) + "…/" + change.policyYear(),
                    AuditEvent.Outcome.SUCCESS, "at " + change.receiptNo() + " self-pay " + selfPay);
        } else if (existing != null && existing.isOpen()) {
            existing.setSelfPay(selfPay);
            if (!above && reversal) {
                existing.move(RiskCase.Status.CLEARED, "reversal of " + change.receiptNo() + " took this year's"
                        + " self-pay back to " + selfPay.toPlainString() + ", under " + threshold.get()
                        .toPlainString(), "system", now);
                audit.record("system", AuditAction.RISK_CLEAR, change.idNumber().substring(0, 6) + "…/" + change.policyYear(),
                        AuditEvent.Outcome.SUCCESS, "reversal " + change.receiptNo());
            }
        }
    }

    private BigDecimal householdIncome(String idNumber) {
        if (incomeKnown == null) {
            incomeKnown = ((Number) em.createNativeQuery("select count(*) from information_schema.columns"
                    + " where table_name = 'beneficiary' and column_name = 'household_income'").getSingleResult())
                    .intValue() > 0;
        }
        if (!incomeKnown) {
            return null;
        }
        List<?> income = em.createNativeQuery("select household_income from beneficiary where id_number = ?1")
                .setParameter(1, idNumber).getResultList();
        return income.isEmpty() || income.get(0) == null ? null : new BigDecimal(income.get(0).toString());
    }
}
