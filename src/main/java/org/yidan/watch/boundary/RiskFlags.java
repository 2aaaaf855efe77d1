package org.yidan.watch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.CountyClock;
import org.yidan.settlement.boundary.PersonFlags;
import org.yidan.watch.entity.RiskCase;

import java.time.LocalDate;
import java.util.List;

/** Tells the counter that a person has an open return-to-poverty risk case this year or last. */
@ApplicationScoped
public class RiskFlags implements PersonFlags {

    @PersistenceContext
    EntityManager em;

    @Override
    public List<String> flagsFor(String idNumber) {
        int year = LocalDate.now(CountyClock.ZONE).getYear();
        return em.createQuery("select r from RiskCase r where r.idNumber = :id and r.year >= :since"
                        + " and r.status in :open order by r.year desc", RiskCase.class)
                .setParameter("id", idNumber).setParameter("since", year - 1)
                .setParameter("open", List.of(RiskCase.Status.NEW, RiskCase.Status.UNDER_REVIEW,
                        RiskCase.Status.REFERRED))
                .getResultList().stream()
                .map(risk -> FacesMessages.text("watch.risk.flag", risk.getYear(), risk.getSelfPay(),
                        risk.getThreshold(), FacesMessages.text("watch.risk.status." + risk.getStatus().name())))
                .toList();
    }
}
