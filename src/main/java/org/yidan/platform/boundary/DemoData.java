package org.yidan.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.beneficiaries.control.BeneficiaryValidator;
import org.yidan.beneficiaries.control.DemoBeneficiaries;
import org.yidan.beneficiaries.entity.Beneficiary;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.UserAccounts;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;

import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * The embedded demo's data, loaded once per database (YIDAN_DEMO_DATA=true): the demo users of
 * api.md and demo beneficiaries of the three shipped county profiles.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final String LOADED_MARK = "demo-data-loaded";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserAccounts users;

    @Inject
    AuditTrail audit;

    public void loadOnce() {
        int marked = em.createNativeQuery(
                        "insert into app_setting (name, value) values (?1, now()::text) on conflict (name) do nothing")
                .setParameter(1, LOADED_MARK).executeUpdate();
        if (marked == 0) {
            return;
        }
        createUser("demo-clerk", "演示窗口经办", EnumSet.of(Role.CLERK));
        createUser("demo-admin", "演示管理员", EnumSet.of(Role.ADMIN));
        createUser("demo-auditor", "演示审核员", EnumSet.of(Role.AUDITOR));
        createUser("demo-registrar", "演示登记员", EnumSet.of(Role.REGISTRAR));
        createUser("demo-fund", "演示医疗救助基金经办", EnumSet.of(Role.FUND_VIEWER));
        users.find("demo-fund").ifPresent(fundOfficer -> fundOfficer.setFund("ASSISTANCE"));
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
        audit.record("system", "DEMO_DATA", "demo", AuditEvent.Outcome.SUCCESS,
                "demo users and " + persons + " demo beneficiaries loaded");
        LOG.info("Loaded the demo data (YIDAN_DEMO_DATA=true)");
    }

    private void createUser(String username, String displayName, EnumSet<Role> roles) {
        if (users.find(username).isEmpty()) {
            users.create(username, displayName, username.toCharArray(), roles);
        }
    }
}
