package org.yidan.beneficiaries.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.yidan.beneficiaries.control.CoverageParser;
import org.yidan.beneficiaries.control.CoverageRules;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.Beneficiary;
import org.yidan.beneficiaries.entity.Coverage;
import org.yidan.beneficiaries.entity.CoverageFollowUp;
import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.beneficiaries.entity.CoverageStatus;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;
import static org.yidan.security.entity.Role.REGISTRAR_NAME;

/**
 * Insurance coverage (参保, 应保尽保): per person and year whether they are insured, recorded one by one or from the
 * enrolment system's export; the follow-up of everyone who is not (NEW → CONTACTED → ENROLLED / EXITED), each step
 * with its note, who and when, in the audit trail; and the coverage rate by township and by category.
 */
@Stateless
public class CoverageService {

    public static final String INVALID_TRANSITION = "INVALID_TRANSITION";
    public static final String COVERAGE_NOT_FOUND = "COVERAGE_NOT_FOUND";
    public static final String NOTE_REQUIRED = "NOTE_REQUIRED";
    private static final int IMPORT_CHUNK = 1000;
    private static final int MAX_NOTE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** One line of the coverage list. {@code township} is the registry's (乡镇), null when the roster gave none. */
    public record ListRow(String idNumber, String name, String township, boolean insured, CoverageStatus status,
                          CoverageRecord record) {
    }

    /** One person's coverage in one year with the follow-up's history. */
    public record Detail(CoverageRecord record, String name, CoverageStatus status, List<CoverageFollowUp> history) {
    }

    /** What an import did; {@code unknownPersons} are rows of ID numbers the registry does not hold, not stored. */
    public record ImportOutcome(int created, int updated, int unchanged, List<CoverageParser.RowError> unknownPersons) {
    }

    /**
     * The coverage rate of one township or category: persons who held a category in the year (and had not exited
     * the registry before it), how many are insured (or enrolled by the follow-up), recorded uninsured, not
     * recorded at all, and exited by the follow-up (销号). {@code rate} = insured ÷ (persons − exited), 4 decimals,
     * null when there is nobody to count.
     */
    public record Rate(String group, long persons, long insured, long uninsured, long notRecorded, long exited,
                       BigDecimal rate) {
    }

    /** Creates or replaces one person's coverage in one year. Returns true when it is new. */
    @RolesAllowed({REGISTRAR_NAME, ADMIN_NAME})
    public boolean put(CoverageRecord record, String username) {
        CoverageRecord valid = CoverageRules.validate(record);
        Beneficiary person = em.find(Beneficiary.class, valid.idNumber());
        if (person == null) {
            throw RefusedException.notFound("BENEFICIARY_NOT_FOUND", "No beneficiary with this ID number");
        }
        Coverage coverage = em.find(Coverage.class, new Coverage.Key(valid.idNumber(), valid.year()),
                LockModeType.PESSIMISTIC_WRITE);
        boolean created = coverage == null;
        if (created) {
            coverage = new Coverage(valid.idNumber(), valid.year());
        }
        store(coverage, created, valid, username, OffsetDateTime.now(ZoneOffset.UTC), "逐人登记");
        audit.record(username, created ? AuditAction.COVERAGE_CREATE : AuditAction.COVERAGE_REPLACE,
                IdNumbers.mask(valid.idNumber()) + "/" + valid.year(), AuditEvent.Outcome.SUCCESS,
                (valid.insured() ? "insured" : "not insured") + " status " + coverage.getStatus());
        return created;
    }

    /**
     * Stores the valid rows of an export in one transaction; rows of persons the registry does not hold are
     * returned as errors and not stored. Importing the same file twice changes nothing.
     */
    @RolesAllowed({REGISTRAR_NAME, ADMIN_NAME})
    public ImportOutcome importRows(List<CoverageParser.Row> rows, String fileName, int invalidRows, String username) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<CoverageParser.RowError> unknown = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int start = 0; start < rows.size(); start += IMPORT_CHUNK) {
            List<CoverageParser.Row> chunk = rows.subList(start, Math.min(rows.size(), start + IMPORT_CHUNK));
            List<String> ids = chunk.stream().map(row -> row.record().idNumber()).distinct().toList();
            Set<String> registered = new HashSet<>(em.createQuery(
                            "select b.idNumber from Beneficiary b where b.idNumber in :ids", String.class)
                    .setParameter("ids", ids).getResultList());
            Map<String, Coverage> existing = new HashMap<>();
            em.createQuery("select c from Coverage c where c.idNumber in :ids", Coverage.class)
                    .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                    .forEach(c -> existing.put(c.getIdNumber() + "/" + c.getYear(), c));
            for (CoverageParser.Row row : chunk) {
                CoverageRecord record = row.record();
                if (!registered.contains(record.idNumber())) {
                    unknown.add(new CoverageParser.RowError(row.line(), "身份证号", "Not imported: no beneficiary with"
                            + " ID number " + IdNumbers.mask(record.idNumber()) + " is registered."));
                    continue;
                }
                Coverage coverage = existing.get(record.idNumber() + "/" + record.year());
                if (coverage == null) {
                    coverage = new Coverage(record.idNumber(), record.year());
                    store(coverage, true, record, username, now, "导入 " + fileName);
                    created++;
                } else if (coverage.sameAs(record)) {
                    unchanged++;
                } else {
                    store(coverage, false, record, username, now, "导入 " + fileName);
                    updated++;
                }
            }
            em.flush();
            em.clear();
        }
        audit.record(username, AuditAction.COVERAGE_IMPORT, fileName, AuditEvent.Outcome.SUCCESS, "created " + created
                + ", updated " + updated + ", unchanged " + unchanged + ", invalid rows "
                + (invalidRows + unknown.size()));
        return new ImportOutcome(created, updated, unchanged, unknown);
    }

    private void store(Coverage coverage, boolean created, CoverageRecord record, String username,
                       OffsetDateTime now, String how) {
        CoverageStatus before = coverage.getStatus();
        CoverageStatus after = coverage.record(record, username, now);
        if (created) {
            em.persist(coverage);
        }
        if (after != null) {
            // the follow-up's history says why it started or ended: the enrolment system's record, not a contact;
            // in Chinese, as the registrars write their own notes
            em.persist(new CoverageFollowUp(coverage.getIdNumber(), coverage.getYear(), before, after,
                    (record.insured() ? "参保信息登记为已参保（" : "参保信息登记为未参保（") + how + "）", username, now));
        }
    }

    /**
     * The coverage list of a county and year, persons not insured first by follow-up state; {@code insured} null
     * lists everybody recorded.
     */
    @RolesAllowed({REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<ListRow> list(String county, int year, Boolean insured) {
        String jpql = "select c, b.name, b.township from Coverage c, Beneficiary b where b.idNumber = c.idNumber"
                + " and b.county = :county and c.year = :year" + (insured == null ? "" : " and c.insured = :insured")
                + " order by c.insured, c.status, b.name, c.idNumber";
        var query = em.createQuery(jpql, Object[].class).setParameter("county", county).setParameter("year", year);
        if (insured != null) {
            query.setParameter("insured", insured);
        }
        List<ListRow> rows = new ArrayList<>();
        for (Object[] found : query.getResultList()) {
            Coverage coverage = (Coverage) found[0];
            rows.add(new ListRow(coverage.getIdNumber(), (String) found[1], (String) found[2], coverage.isInsured(),
                    coverage.getStatus(), coverage.toRecord()));
        }
        return rows;
    }

    @RolesAllowed({REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public Detail get(String idNumber, int year) {
        Coverage coverage = require(idNumber, year, false);
        Beneficiary person = em.find(Beneficiary.class, coverage.getIdNumber());
        return new Detail(coverage.toRecord(), person.getName(), coverage.getStatus(), history(idNumber, year));
    }

    /**
     * Moves the follow-up of a person recorded uninsured on: NEW or CONTACTED to CONTACTED, ENROLLED or EXITED,
     * with a note. 409 {@code INVALID_TRANSITION} from a final state or for a person recorded insured.
     */
    @RolesAllowed({REGISTRAR_NAME, ADMIN_NAME})
    public Detail transition(String idNumber, int year, CoverageStatus next, String note, String username) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw RefusedException.unprocessable(NOTE_REQUIRED, "note", "Every follow-up step needs a note.");
        }
        if (text.length() > MAX_NOTE) {
            throw RefusedException.unprocessable("FIELD_INVALID", "note", "The note has more than " + MAX_NOTE
                    + " characters.");
        }
        Coverage coverage = require(idNumber, year, true);
        CoverageStatus current = coverage.getStatus();
        if (current == null || !current.allows(next)) {
            throw RefusedException.conflict(INVALID_TRANSITION, current == null
                    ? "This person is recorded insured in " + year + "; there is no follow-up to move on."
                    : "The follow-up cannot go from " + current + " to " + next + ".");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        coverage.moveTo(next, username, now);
        em.persist(new CoverageFollowUp(coverage.getIdNumber(), year, current, next, text, username, now));
        audit.record(username, AuditAction.COVERAGE_FOLLOW_UP, IdNumbers.mask(coverage.getIdNumber()) + "/" + year,
                AuditEvent.Outcome.SUCCESS, current + " -> " + next + ": " + text);
        em.flush();
        Beneficiary person = em.find(Beneficiary.class, coverage.getIdNumber());
        return new Detail(coverage.toRecord(), person.getName(), next, history(coverage.getIdNumber(), year));
    }

    /**
     * The person's coverage in {@code year} when they are recorded as not insured, for the counter's warning and
     * the settlement's mark; empty when insured or not recorded.
     */
    @RolesAllowed({CLERK_NAME, REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public Optional<Detail> uninsured(String idNumber, int year) {
        Coverage coverage = em.find(Coverage.class, new Coverage.Key(IdNumbers.normalise(idNumber), year));
        if (coverage == null || coverage.isInsured()) {
            return Optional.empty();
        }
        return Optional.of(new Detail(coverage.toRecord(), null, coverage.getStatus(), List.of()));
    }

    /**
     * Both coverage rates of a county's year for the reports: counts only, no person. Open to every caller because
     * the monthly report is also generated by the timer, which has no role; the reports check their own readers.
     */
    @jakarta.annotation.security.PermitAll
    public List<List<Rate>> ratesForReport(String county, int year) {
        return List.of(ratesByTownship(county, year), ratesByCategory(county, year));
    }

    /** The coverage rate of a county's year by township; the reports may call this too. */
    @RolesAllowed({REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<Rate> ratesByTownship(String county, int year) {
        return rates(county, year, TOWNSHIP, "");
    }

    /** The coverage rate of a county's year by person category (a person holding two is counted under both). */
    @RolesAllowed({REGISTRAR_NAME, AUDITOR_NAME, ADMIN_NAME})
    public List<Rate> ratesByCategory(String county, int year) {
        List<Rate> rates = new ArrayList<>(rates(county, year, "k.code",
                " and k.valid_from <= ?3 and (k.valid_to is null or k.valid_to >= ?2)"));
        rates.sort(java.util.Comparator.comparingInt(rate -> categoryOrder(rate.group())));
        return rates;
    }

    private static int categoryOrder(String code) {
        for (org.yidan.policy.entity.PersonCategory category : org.yidan.policy.entity.PersonCategory.values()) {
            if (category.name().equals(code)) {
                return category.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** A person's township (乡镇) as the registry holds it from the roster; persons without one are one group. */
    private static final String TOWNSHIP = "b.township";

    private List<Rate> rates(String county, int year, String groupBy, String categoryInYear) {
        // persons who held a category at some time in the year and had not exited before it
        String sql = "select " + groupBy + " as grp, count(distinct b.id_number),"
                + " count(distinct b.id_number) filter (where c.insured or c.status = 'ENROLLED'),"
                + " count(distinct b.id_number) filter (where not c.insured and c.status <> 'ENROLLED'"
                + " and c.status <> 'EXITED'),"
                + " count(distinct b.id_number) filter (where c.id_number is null),"
                + " count(distinct b.id_number) filter (where not c.insured and c.status = 'EXITED')"
                + " from beneficiary b join beneficiary_category k on k.id_number = b.id_number"
                + " left join coverage c on c.id_number = b.id_number and c.year = ?4"
                + " where b.county = ?1 and (b.exited_on is null or b.exited_on > ?2)"
                + (categoryInYear.isEmpty() ? " and exists (select 1 from beneficiary_category y where"
                + " y.id_number = b.id_number and y.valid_from <= ?3 and (y.valid_to is null or y.valid_to >= ?2))"
                : categoryInYear)
                + " group by grp order by grp nulls last";
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(sql)
                .setParameter(1, county)
                .setParameter(2, java.time.LocalDate.of(year, 1, 1))
                .setParameter(3, java.time.LocalDate.of(year, 12, 31))
                .setParameter(4, year)
                .getResultList();
        List<Rate> rates = new ArrayList<>();
        for (Object[] row : found) {
            long persons = ((Number) row[1]).longValue();
            long insured = ((Number) row[2]).longValue();
            long exited = ((Number) row[5]).longValue();
            rates.add(new Rate((String) row[0], persons, insured, ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue(), exited, rate(insured, persons - exited)));
        }
        return rates;
    }

    static BigDecimal rate(long insured, long due) {
        return due <= 0 ? null : BigDecimal.valueOf(insured).divide(BigDecimal.valueOf(due), 4, RoundingMode.HALF_UP);
    }

    private Coverage require(String idNumber, int year, boolean lock) {
        Coverage.Key key = new Coverage.Key(IdNumbers.normalise(idNumber), year);
        Coverage coverage = lock ? em.find(Coverage.class, key, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Coverage.class, key);
        if (coverage == null) {
            throw RefusedException.notFound(COVERAGE_NOT_FOUND, "No coverage is recorded for this person in " + year);
        }
        return coverage;
    }

    private List<CoverageFollowUp> history(String idNumber, int year) {
        return em.createNamedQuery(CoverageFollowUp.FOR_PERSON_YEAR, CoverageFollowUp.class)
                .setParameter("idNumber", IdNumbers.normalise(idNumber)).setParameter("year", year).getResultList();
    }
}
