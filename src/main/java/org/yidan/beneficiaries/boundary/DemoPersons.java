package org.yidan.beneficiaries.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.interceptor.Interceptor;
import org.yidan.beneficiaries.control.BeneficiaryValidator;
import org.yidan.beneficiaries.control.DemoBeneficiaries;
import org.yidan.beneficiaries.entity.Beneficiary;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.platform.boundary.DemoDataSwitch;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;


/**
 * The embedded demo's beneficiaries of the three shipped county profiles ({@link DemoBeneficiaries}),
 * stored once per database when YIDAN_DEMO_DATA=true; persons already registered are left alone.
 */
@Stateless
public class DemoPersons {

    private static final String LOADED_MARK = "demo-beneficiaries-loaded";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) DemoDataSwitch.DemoDataWanted wanted) {
        if (!wanted.firstTime(LOADED_MARK)) {
            return;
        }
        int persons = 0;
        for (BeneficiaryRecord record : DemoBeneficiaries.all()) {
            BeneficiaryRecord valid = BeneficiaryValidator.validate(record);
            if (em.find(Beneficiary.class, valid.idNumber()) == null) {
                Beneficiary person = new Beneficiary(valid.idNumber());
                person.replaceWith(valid);
                em.persist(person);
                persons++;
            }
        }
        audit.record("system", AuditAction.DEMO_DATA, "demo", AuditEvent.Outcome.SUCCESS,
                persons + " demo beneficiaries loaded");
    }
}
