package org.yidan.watch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.settlement.boundary.PersonFlags;
import org.yidan.watch.entity.RiskCase;

import java.util.List;

/** Tells the counter that a person has an open return-to-poverty risk case (of any year: an open case is news). */
@ApplicationScoped
public class RiskFlags implements PersonFlags {

    @PersistenceContext
    EntityManager em;

    @Override
    public List<String> flagsFor(String idNumber) {
        return em.createQuery("select r from RiskCase r where r.idNumber = :id"
                        + " and r.status in :open order by r.year desc", RiskCase.class)
                .setParameter("id", idNumber)
                .setParameter("open", List.of(RiskCase.Status.NEW, RiskCase.Status.UNDER_REVIEW,
                        RiskCase.Status.REFERRED))
                .getResultList().stream()
                .map(risk -> FacesMessages.text("watch.risk.flag", risk.getYear(), risk.getSelfPay(),
                        risk.getThreshold(), FacesMessages.text("watch.risk.status." + risk.getStatus().name())))
                .toList();
    }
}
