package org.yidan.ledger.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.ledger.control.HospitalValidator;
import org.yidan.ledger.entity.HospitalRecord;
import org.yidan.ledger.entity.RegisteredHospital;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Policy;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;
import static org.yidan.security.entity.Role.FUND_VIEWER_NAME;
import static org.yidan.security.entity.Role.REGISTRAR_NAME;

/** The registry of designated hospitals (定点医疗机构): administrators maintain it, every role reads it. */
@Stateless
@RolesAllowed({CLERK_NAME, AUDITOR_NAME, FUND_VIEWER_NAME, REGISTRAR_NAME, ADMIN_NAME})
public class HospitalRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    Policies policies;

    @Inject
    AuditTrail audit;

    /** Creates or replaces; true when created. */
    @RolesAllowed(ADMIN_NAME)
    public boolean put(HospitalRecord requested, Boolean inCountyGiven, String username) {
        HospitalRecord record = HospitalValidator.validate(requested, inCountyGiven, counties());
        RegisteredHospital hospital = em.find(RegisteredHospital.class, record.code());
        boolean created = hospital == null;
        if (created) {
            hospital = new RegisteredHospital(record.code());
        }
        hospital.replaceWith(record);
        if (created) {
            em.persist(hospital);
        }
        audit.record(username, AuditAction.HOSPITAL_PUT, record.code(), AuditEvent.Outcome.SUCCESS,
                (created ? "created " : "replaced ") + record.county() + " " + record.name() + " " + record.level());
        return created;
    }

    /** What an import did: hospitals stored, and each refused row with why. */
    public record ImportResult(int stored, List<String> errors) {
    }

    /**
     * Stores every valid row of a hospital list (CSV or XLSX) and reports the others by row number: a row is
     * stored whole or not at all.
     */
    @RolesAllowed(ADMIN_NAME)
    public ImportResult importFile(byte[] content, String username) {
        List<org.yidan.ledger.control.HospitalImport.Line> lines;
        try {
            lines = org.yidan.ledger.control.HospitalImport.read(content);
        } catch (java.io.IOException | RuntimeException unreadable) {
            throw org.yidan.platform.control.RefusedException.unprocessable("FILE_UNREADABLE",
                    "The file is neither CSV nor XLSX: " + unreadable.getMessage());
        }
        Set<String> counties = counties();
        int stored = 0;
        List<String> errors = new java.util.ArrayList<>();
        for (var line : lines) {
            HospitalRecord record;
            try {
                record = HospitalValidator.validate(line.record(), line.inCounty(), counties);
            } catch (org.yidan.platform.control.RefusedException refused) {
                errors.add("row " + line.row() + ": " + refused.getMessage() + " " + refused.errors().stream()
                        .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
                continue;
            }
            RegisteredHospital hospital = em.find(RegisteredHospital.class, record.code());
            if (hospital == null) {
                hospital = new RegisteredHospital(record.code());
                hospital.replaceWith(record);
                em.persist(hospital);
            } else {
                hospital.replaceWith(record);
            }
            stored++;
        }
        audit.record(username, AuditAction.HOSPITAL_IMPORT, null, AuditEvent.Outcome.SUCCESS,
                "stored " + stored + ", refused " + errors.size());
        return new ImportResult(stored, errors);
    }

    /** The hospitals of a county (all when null), by code. */
    public List<HospitalRecord> list(String county) {
        return em.createNamedQuery(RegisteredHospital.BY_COUNTY, RegisteredHospital.class)
                .setParameter("county", county == null || county.isBlank() ? null : county.trim())
                .getResultList().stream().map(RegisteredHospital::toRecord).toList();
    }

    /**
     * The hospitals of a county whose code or name contains {@code text} (case-insensitive), by code: the counter's
     * suggestions as the clerk types. Blank text lists the county's first hospitals.
     */
    public List<HospitalRecord> search(String county, String text, int limit) {
        String part = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return em.createQuery("select h from RegisteredHospital h where h.county = :county and (lower(h.code) like"
                        + " :part escape '!' or lower(h.name) like :part escape '!') order by h.code",
                        RegisteredHospital.class)
                .setParameter("county", county).setParameter("part", "%" + part + "%")
                .setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultList().stream().map(RegisteredHospital::toRecord).toList();
    }

    /** The registered hospital of this code. */
    public java.util.Optional<HospitalRecord> find(String code) {
        if (code == null || code.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(em.find(RegisteredHospital.class, code.strip()))
                .map(RegisteredHospital::toRecord);
    }

    public Set<String> counties() {
        return policies.all().stream().map(Policy::county).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
