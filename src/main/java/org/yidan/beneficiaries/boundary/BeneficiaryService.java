package org.yidan.beneficiaries.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.yidan.beneficiaries.control.BeneficiarySearch;
import org.yidan.beneficiaries.control.BeneficiaryValidator;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.control.NewPersonRows;
import org.yidan.beneficiaries.control.RosterParseResult;
import org.yidan.beneficiaries.control.RosterParser;
import org.yidan.beneficiaries.entity.Beneficiary;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Refusals;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;
import static org.yidan.security.entity.Role.REGISTRAR_NAME;

/** The beneficiary registry (医保扶贫对象库): create, replace, read, search, import a roster. */
@Stateless
public class BeneficiaryService {

    /** How many persons one roster-import query loads at once. */
    private static final int IMPORT_CHUNK = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Refusals refusals;

    @Inject
    IdNumberDisclosure disclosure;

    @Inject
    Policies policies;

    /** What an import did: every person is counted once. */
    public record ImportCounts(int created, int updated, int unchanged) {
    }

    /**
     * What a roster import did, for the screen and the REST answer alike.
     *
     * @param rows        data rows read
     * @param persons     valid persons stored (created, updated or left unchanged)
     * @param invalidRows rows with at least one error
     * @param errors      the first {@link RosterParseResult#REPORTED_ERRORS} errors
     * @param errorCount  every error found
     */
    public record ImportResult(String fileName, int rows, int persons, int created, int updated, int unchanged,
                               int invalidRows, int rejectedPersons, List<RosterParseResult.RowError> errors,
                               int errorCount) implements Serializable {
    }

    /** Creates or replaces one person. Returns true when the person is new. */
    @RolesAllowed({REGISTRAR_NAME, ADMIN_NAME})
    public boolean put(BeneficiaryRecord record, String username) {
        BeneficiaryRecord valid = BeneficiaryValidator.validate(record);
        if (!policies.serves(valid.county())) {
            // a person of a county no one here settles for could never be settled: refuse rather than store
            throw RefusedException.unprocessable("UNKNOWN_COUNTY", "county",
                    "This deployment does not serve county " + valid.county() + " (yidan.counties).");
        }
        Beneficiary existing = em.find(Beneficiary.class, valid.idNumber(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = existing == null;
        if (created) {
            Beneficiary person = new Beneficiary(valid.idNumber());
            person.replaceWith(valid);
            em.persist(person);
        } else if (!existing.sameAs(valid)) {
            existing.replaceWith(valid);
        }
        audit.record(username, created ? AuditAction.BENEFICIARY_CREATE : AuditAction.BENEFICIARY_REPLACE, IdNumbers.mask(valid.idNumber()),
                AuditEvent.Outcome.SUCCESS, valid.county());
        return created;
    }

    /** The person as the caller may see them: the ID number in full or masked, by the one rule. */
    @RolesAllowed({CLERK_NAME, REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public BeneficiaryRecord read(String idNumber) {
        return disclosure.shown(get(idNumber));
    }

    /** The person with the full ID number, for a screen that goes on to work with them (settle, edit). */
    @RolesAllowed({CLERK_NAME, REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public BeneficiaryRecord get(String idNumber) {
        Beneficiary person = em.find(Beneficiary.class, IdNumbers.normalise(idNumber));
        if (person == null) {
            throw RefusedException.notFound("BENEFICIARY_NOT_FOUND", "No beneficiary with this ID number");
        }
        return person.toRecord();
    }

    /**
     * Finds persons by full ID number, by its last digits (at least 4, through the index on the reversed number) or
     * by any part of the name; at most 50.
     */
    @RolesAllowed({CLERK_NAME, REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<BeneficiaryRecord> search(String query) {
        String text = query == null ? "" : query.trim();
        if (text.isEmpty()) {
            return List.of();
        }
        return page(null, text, 0, 50);
    }

    /**
     * One page of the persons of {@code county} (every county when null) that {@code query} finds (everyone when
     * blank), in ID order: the counter's and the registry's browsing table.
     */
    @RolesAllowed({CLERK_NAME, REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<BeneficiaryRecord> page(String county, String query, int first, int size) {
        BeneficiarySearch search = BeneficiarySearch.of(county, query);
        var sql = em.createNativeQuery("select * from beneficiary where " + search.condition()
                + " order by id_number limit " + Math.max(1, Math.min(size, 200)) + " offset " + Math.max(0, first),
                Beneficiary.class);
        for (int i = 0; i < search.parameters().size(); i++) {
            sql.setParameter(i + 1, search.parameters().get(i));
        }
        @SuppressWarnings("unchecked")
        List<Beneficiary> found = sql.getResultList();
        return found.stream().map(Beneficiary::toRecord).toList();
    }

    /** How many persons {@link #page} pages through. */
    @RolesAllowed({CLERK_NAME, REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public long count(String county, String query) {
        BeneficiarySearch search = BeneficiarySearch.of(county, query);
        var sql = em.createNativeQuery("select count(*) from beneficiary where " + search.condition());
        for (int i = 0; i < search.parameters().size(); i++) {
            sql.setParameter(i + 1, search.parameters().get(i));
        }
        return ((Number) sql.getSingleResult()).longValue();
    }

    /**
     * Imports a roster file (CSV in UTF-8 or GBK, or XLSX) for the import screen and the REST API: reads it with
     * {@link RosterParser}, stores the valid persons in one transaction (new ones created, changed ones replaced,
     * identical ones left alone: importing the same file twice changes nothing) and audits what it did. A file
     * that cannot be read at all is refused, and the refusal audited. A person of a county this installation does
     * not serve ({@code yidan.counties}) is refused row by row, as {@link #put} refuses them over REST.
     */
    @RolesAllowed({REGISTRAR_NAME, ADMIN_NAME})
    public ImportResult importRoster(byte[] content, String fileName, String username) {
        String name = fileName == null || fileName.isBlank() ? "roster" : fileName;
        RosterParseResult parsed = refusals.audited(AuditAction.ROSTER_IMPORT, name,
                () -> RosterParser.parse(content == null ? new byte[0] : content, policies::serves));
        ImportCounts counts = store(parsed.records(), name, parsed.invalidRows(), username);
        return new ImportResult(name, parsed.rows(), parsed.records().size(), counts.created(), counts.updated(),
                counts.unchanged(), parsed.invalidRows(), parsed.rejectedPersons(), parsed.errors(),
                parsed.errorCount());
    }

    private ImportCounts store(List<BeneficiaryRecord> records, String fileName, int invalidRows, String username) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        NewPersonRows.Import newPersons = new NewPersonRows.Import(NewPersonRows.over(em));
        for (int start = 0; start < records.size(); start += IMPORT_CHUNK) {
            List<BeneficiaryRecord> chunk = records.subList(start, Math.min(records.size(), start + IMPORT_CHUNK));
            Map<String, Beneficiary> existing = new HashMap<>();
            em.createQuery("select b from Beneficiary b where b.idNumber in :ids", Beneficiary.class)
                    .setParameter("ids", chunk.stream().map(BeneficiaryRecord::idNumber).toList())
                    .setHint("eclipselink.batch.type", "IN")
                    .setHint("eclipselink.batch", "b.categories")
                    .setHint("eclipselink.batch", "b.standardTags")
                    .setHint("eclipselink.batch", "b.chronicDiseases")
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()
                    .forEach(person -> existing.put(person.getIdNumber(), person));
            List<BeneficiaryRecord> fresh = new ArrayList<>();
            for (BeneficiaryRecord record : chunk) {
                Beneficiary person = existing.get(record.idNumber());
                if (person == null) {
                    fresh.add(record);
                    created++;
                } else if (person.sameAs(record)) {
                    unchanged++;
                } else {
                    person.replaceWith(record);
                    updated++;
                }
            }
            em.flush();
            // not em.persist: see NewPersonRows (one round trip per table and chunk instead of two per person)
            newPersons.insert(fresh, start + IMPORT_CHUNK < records.size());
            em.clear();
        }
        audit.record(username, AuditAction.ROSTER_IMPORT, fileName, AuditEvent.Outcome.SUCCESS,
                "created " + created + ", updated " + updated + ", unchanged " + unchanged + ", invalid rows "
                        + invalidRows);
        return new ImportCounts(created, updated, unchanged);
    }
}
