package org.yidan.beneficiaries.boundary;

import jakarta.inject.Inject;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Policy;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Permission;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the registrar's county lists (参保核查, 慢病申报) share: only a registrar's screen, the counties this
 * installation serves to choose from (the first chosen at the start), the list's refresh with any failure shown in
 * Chinese, and a refused step audited and shown beside its fields.
 */
public abstract class CountyListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Policies policies;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    private String county;

    /** Requires the registrar's permission and chooses the first county; the subclass then lists. */
    protected void startWithFirstCounty() {
        currentUser.require(Permission.MAINTAIN_REGISTRY);
        county = getCounties().keySet().stream().findFirst().orElse(null);
    }

    /** The counties this installation serves: code → name, by code. */
    public Map<String, String> getCounties() {
        Map<String, String> counties = new LinkedHashMap<>();
        policies.all().stream().sorted(Comparator.comparing(Policy::county))
                .forEach(policy -> counties.putIfAbsent(policy.county(), policy.countyName()));
        return counties;
    }

    /** Empties the lists, then fills them for the chosen county when {@link #ready()} says so. */
    public void search() {
        clear();
        if (county == null || !ready()) {
            return;
        }
        try {
            load(county);
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /** Empties what the screen lists. */
    protected abstract void clear();

    /** Whether everything but the county is chosen that {@link #load} needs. */
    protected boolean ready() {
        return true;
    }

    /** Fills the lists of {@code county}. */
    protected abstract void load(String county);

    /** A refused step: audited once as refused (the service did not get to audit it) and shown beside its fields. */
    protected void refused(AuditAction action, String target, RefusedException refused,
                           Function<String, String> fieldToClientId) {
        auditRefusal(action, target, refused);
        FacesMessages.refused(refused, fieldToClientId);
    }

    /** Audits a refused step once, as refused: the service refused before it could audit it. */
    protected void auditRefusal(AuditAction action, String target, RefusedException refused) {
        audit.recordIndependently(currentUser.getUsername(), action, target, AuditEvent.Outcome.REFUSED,
                refused.code() + ": " + refused.getMessage());
    }

    /** The ID number as the audit trail names a person: masked, or "invalid" for what is not one. */
    protected static String auditTarget(String idNumber) {
        return idNumber != null && IdNumbers.isValid(idNumber) ? IdNumbers.mask(idNumber) : "invalid";
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }
}
