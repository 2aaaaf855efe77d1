package org.yidan.settlement.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.yidan.beneficiaries.boundary.IdNumberDisclosure;
import org.yidan.beneficiaries.entity.Beneficiary;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.control.SettlementCalculator;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.RuleKind;
import org.yidan.policy.entity.Step;
import org.yidan.policy.entity.VisitType;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.settlement.control.AccumulatorView;
import org.yidan.settlement.control.SettlementJson;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.SettlementRequestJson;
import org.yidan.settlement.control.SettledPerson;
import org.yidan.settlement.control.SettlementRows;
import org.yidan.settlement.control.SettlementView;
import org.yidan.settlement.entity.AccumulatorEntry;
import org.yidan.settlement.entity.DeltaEntry;
import org.yidan.settlement.entity.LineEntry;
import org.yidan.settlement.entity.Settlement;
import org.yidan.settlement.entity.SettlementFacts;
import org.yidan.settlement.entity.SettlementReversed;
import org.yidan.settlement.entity.SettlementSettled;
import org.yidan.settlement.entity.StepEntry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;
import static org.yidan.security.entity.Role.FUND_VIEWER_NAME;
import static org.yidan.security.entity.Role.REGISTRAR_NAME;

/**
 * Settle, preview and reverse (一站式结算). Each settlement is one JTA transaction: the idempotency
 * record, the person's accumulators for the year (locked {@code PESSIMISTIC_WRITE} in key order, so
 * concurrent settlements of one person queue instead of exceeding a cap), the settlement with its
 * lines, steps and accumulator deltas, the receipt number and the audit line: all or nothing. Components above
 * settlement learn of it through the CDI events {@link SettlementSettled} and {@link SettlementReversed}, fired
 * inside that transaction.
 */
@Stateless
@Interceptors(SettlementMetrics.class)
public class SettlementService {

    public static final String IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT";
    public static final String ALREADY_REVERSED = "ALREADY_REVERSED";
    public static final String UNKNOWN_BENEFICIARY = "UNKNOWN_BENEFICIARY";

    private static final SettlementCalculator CALCULATOR = new SettlementCalculator();

    @PersistenceContext
    EntityManager em;

    @Inject
    Policies policies;

    @Inject
    AuditTrail audit;

    @Inject
    ReceiptNumbers receiptNumbers;

    @Inject
    IdNumberDisclosure disclosure;

    @Inject
    Permissions permissions;

    @Inject
    Event<SettlementSettled> settled;

    @Inject
    Event<SettlementReversed> reversed;

    /**
     * A settlement, whether it was replayed for a repeated Idempotency-Key, and the receipt number of an earlier
     * settlement of the same bill that is still in force (null when there is none): two keys are two settlements,
     * but the caller is told that the bill was settled before.
     */
    public record Outcome(SettlementView settlement, boolean replayed, String possibleDuplicateOf) {
    }

    /** Computes without storing or locking anything. */
    @RolesAllowed({CLERK_NAME, ADMIN_NAME})
    public SettlementView preview(SettlementRequest request) {
        Beneficiary person = person(request.idNumber());
        SettlementCalculator.requireDischargedBy(request.bill(), CountyClock.today());
        Policy policy = policies.require(person.getCounty(), request.bill().dischargeDate());
        SettlementCalculator.validate(request.bill());
        Map<AccumulatorKey, Accumulator> current = new HashMap<>();
        List<AccumulatorKey> keys = policy.accumulatorKeysFor(request.bill());
        for (AccumulatorEntry entry : entries(person.getIdNumber(), policy.year(), keys)) {
            current.put(entry.accumulatorKey(), entry.value());
        }
        PersonSnapshot snapshot = person.snapshotOn(request.bill().dischargeDate());
        Calculation calculation = CALCULATOR.calculate(policy, snapshot, request.bill(), current);
        return shown(SettlementView.preview(policy, request, person.getName(),
                snapshot.categories().stream().map(PersonCategory::name).toList(), calculation));
    }

    @RolesAllowed({CLERK_NAME, ADMIN_NAME})
    public Outcome settle(String idempotencyKey, SettlementRequest request, String username) {
        return settle(idempotencyKey, request, username, null);
    }

    /**
     * Settles; {@code confirmedDuplicateOf} is the earlier receipt the clerk was warned about and settled anyway,
     * recorded in the audit trail in the same transaction as the settlement.
     */
    @RolesAllowed({CLERK_NAME, ADMIN_NAME})
    public Outcome settle(String idempotencyKey, SettlementRequest request, String username,
                          String confirmedDuplicateOf) {
        String requestHash = request.fingerprint();
        Start start = claimAndRead(idempotencyKey, requestHash, request);
        if (!start.claimed()) {
            return replay(idempotencyKey, requestHash);
        }
        String earlier = start.possibleDuplicateOf();
        SettledPerson person = start.person();
        if (person == null) {
            throw RefusedException.unprocessable(UNKNOWN_BENEFICIARY, "idNumber",
                    "No registered beneficiary has this ID number");
        }
        SettlementCalculator.requireDischargedBy(request.bill(), CountyClock.today());
        Policy policy = policies.require(person.county(), request.bill().dischargeDate());
        SettlementCalculator.validate(request.bill());

        List<AccumulatorKey> keys = policy.accumulatorKeysFor(request.bill());
        Map<AccumulatorKey, AccumulatorEntry> locked = lockAccumulators(person.idNumber(), policy.year(), keys);
        Map<AccumulatorKey, Accumulator> current = new HashMap<>();
        locked.forEach((key, entry) -> current.put(key, entry.value()));

        PersonSnapshot snapshot = person.snapshotOn(request.bill().dischargeDate());
        Calculation calculation = CALCULATOR.calculate(policy, snapshot, request.bill(), current);
        // written by this settlement's one writing statement below, not by EclipseLink's flush
        locked.values().forEach(em::detach);
        Map<AccumulatorKey, AccumulatorEntry> changed = new TreeMap<>();
        for (AccumulatorDelta delta : calculation.accumulatorDeltas()) {
            AccumulatorEntry entry = locked.get(delta.key());
            entry.add(delta, policy.capOf(delta.key()).orElse(null));
            changed.put(delta.key(), entry);
        }

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Settlement settlement = new Settlement(receiptNumbers.next(policy.county(),
                now.atZoneSameInstant(CountyClock.ZONE).toLocalDate()));
        fill(settlement, policy, person, snapshot, request, calculation, now, username);
        // allowed, but marked: the counter warned the clerk when the person was looked up
        settlement.setUninsured(person.uninsuredIn(policy.year()));
        store(settlement, changed.values(), idempotencyKey);
        audit.record(username, AuditAction.SETTLE, settlement.getReceiptNo(), AuditEvent.Outcome.SUCCESS,
                person.idNumber().substring(0, 6) + " total " + calculation.totalAmount() + " funds "
                        + calculation.fundTotal() + " self-pay " + calculation.selfPay());
        if (confirmedDuplicateOf != null) {
            audit.record(username, AuditAction.SETTLE_DUPLICATE_CONFIRMED, settlement.getReceiptNo(),
                    AuditEvent.Outcome.SUCCESS, "duplicate of " + confirmedDuplicateOf + " confirmed");
        }
        settled.fire(new SettlementSettled(SettlementFacts.of(settlement, person.township(), person.standardTags())));
        em.flush();
        return new Outcome(shown(SettlementView.of(settlement, policy.countyName())), false, earlier);
    }

    @RolesAllowed({CLERK_NAME, AUDITOR_NAME, ADMIN_NAME, FUND_VIEWER_NAME})
    public SettlementView find(String receiptNo) {
        Settlement settlement = em.find(Settlement.class, receiptNo);
        if (settlement == null) {
            throw RefusedException.notFound("RECEIPT_NOT_FOUND", "No settlement with receipt number " + receiptNo);
        }
        SettlementView view = shown(view(settlement));
        return permissions.onlyFund().map(view::onlyFund).orElse(view);
    }

    /** Reverses a settlement (冲销): records who, when and why, and takes back every accumulator delta. */
    @RolesAllowed({AUDITOR_NAME, ADMIN_NAME})
    public SettlementView reverse(String receiptNo, String reason, String username) {
        if (reason == null || reason.isBlank()) {
            throw RefusedException.unprocessable("REASON_REQUIRED", "reason", "A reversal needs a reason");
        }
        if (reason.length() > 500) {
            throw RefusedException.unprocessable("FIELD_INVALID", "reason", "The reason has more than 500 characters");
        }
        Settlement settlement = em.find(Settlement.class, receiptNo, LockModeType.PESSIMISTIC_WRITE);
        if (settlement == null) {
            throw RefusedException.notFound("RECEIPT_NOT_FOUND", "No settlement with receipt number " + receiptNo);
        }
        if (settlement.isReversed()) {
            throw RefusedException.conflict(ALREADY_REVERSED, "Settlement " + receiptNo + " was already reversed on "
                    + settlement.getReversedAt() + " by " + settlement.getReversedBy());
        }
        List<AccumulatorDelta> deltas = settlement.getAccumulatorDeltas().stream().map(DeltaEntry::delta)
                .sorted((a, b) -> a.key().compareTo(b.key())).toList();
        Map<AccumulatorKey, AccumulatorEntry> locked = lockAccumulators(settlement.getIdNumber(),
                settlement.getPolicyYear(), deltas.stream().map(AccumulatorDelta::key).toList());
        for (AccumulatorDelta delta : deltas) {
            AccumulatorEntry entry = locked.get(delta.key());
            entry.add(delta.negate(), entry.getCapAmount());
        }
        settlement.reverse(username, OffsetDateTime.now(ZoneOffset.UTC), reason.trim());
        audit.record(username, AuditAction.REVERSE, receiptNo, AuditEvent.Outcome.SUCCESS, reason.trim());
        reversed.fire(new SettlementReversed(SettlementFacts.of(settlement, null, null), settlement.getReversedAt(),
                settlement.getReversedBy(), settlement.getReversalReason()));
        em.flush();
        return shown(view(settlement));
    }

    /** Per rule of the person's policy for {@code year}: base and paid this year, the cap and what it still allows. */
    @RolesAllowed({CLERK_NAME, AUDITOR_NAME, ADMIN_NAME, REGISTRAR_NAME})
    public List<AccumulatorView> accumulators(String idNumber, int year) {
        Beneficiary person = em.find(Beneficiary.class, idNumber);
        if (person == null) {
            throw RefusedException.notFound("BENEFICIARY_NOT_FOUND", "No beneficiary with this ID number");
        }
        Policy policy = policies.find(person.getCounty(), year).orElseThrow(() -> RefusedException.notFound(
                "NO_POLICY", "No policy for county " + person.getCounty() + " in " + year));
        Map<String, AccumulatorEntry> stored = new HashMap<>();
        em.createNamedQuery(AccumulatorEntry.FOR_PERSON_YEAR, AccumulatorEntry.class)
                .setParameter("idNumber", idNumber).setParameter("year", year).getResultList()
                .forEach(entry -> stored.put(entry.getKey(), entry));
        List<AccumulatorView> views = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            if (rule.kind() != RuleKind.TIERED) {
                continue;
            }
            AccumulatorEntry own = stored.get(rule.accumulatorKey().value());
            BigDecimal base = own == null ? zero() : own.getBaseAmount();
            BigDecimal paid = own == null ? zero() : own.getPaidAmount();
            BigDecimal capLeft = null;
            if (rule.cap() != null) {
                AccumulatorEntry capEntry = stored.get(rule.capAccumulatorKey().value());
                BigDecimal paidAgainstCap = capEntry == null ? zero() : capEntry.getPaidAmount();
                capLeft = rule.cap().subtract(paidAgainstCap).max(BigDecimal.ZERO).setScale(2);
            }
            views.add(new AccumulatorView(rule.id(), rule.fund().name(), rule.fund().displayName(), base, paid,
                    rule.cap() == null ? null : rule.cap().setScale(2), rule.capKey(), capLeft));
        }
        return views;
    }

    /** The view as the caller may see it: the ID number in full or masked, by the one rule. */
    private SettlementView shown(SettlementView view) {
        return view.withIdNumber(disclosure.shown(view.idNumber()));
    }

    /** Whether the person can be settled for a discharge on {@code day}: the calculator's answer, exit included. */
    @RolesAllowed({CLERK_NAME, AUDITOR_NAME, ADMIN_NAME, REGISTRAR_NAME})
    public boolean eligibleOn(String idNumber, LocalDate day) {
        return SettlementCalculator.eligible(existing(idNumber).snapshotOn(day));
    }

    /**
     * The accumulators of the annual rules that can pay this person for a discharge on {@code day} (see
     * {@link SettlementCalculator#rulesFor}): none for a person who has exited or holds no category then.
     */
    @RolesAllowed({CLERK_NAME, AUDITOR_NAME, ADMIN_NAME, REGISTRAR_NAME})
    public List<AccumulatorView> applicableAccumulators(String idNumber, int year, LocalDate day) {
        Beneficiary person = existing(idNumber);
        Policy policy = policies.find(person.getCounty(), year).orElseThrow(() -> RefusedException.notFound(
                "NO_POLICY", "No policy for county " + person.getCounty() + " in " + year));
        List<String> rules = SettlementCalculator.rulesFor(policy, person.snapshotOn(day), null).stream()
                .map(Rule::id).toList();
        return accumulators(idNumber, year).stream().filter(view -> rules.contains(view.rule())).toList();
    }

    private Beneficiary existing(String idNumber) {
        Beneficiary person = em.find(Beneficiary.class, idNumber);
        if (person == null) {
            throw RefusedException.notFound("BENEFICIARY_NOT_FOUND", "No beneficiary with this ID number");
        }
        return person;
    }

    /**
     * The earliest settlement in force (not reversed) of the same bill: the same person, hospital, visit type,
     * admission and discharge dates, total, policy-scope and special-drug amounts. Uses the index on
     * (id_number, settled_at).
     */
    @RolesAllowed({CLERK_NAME, ADMIN_NAME})
    public Optional<String> possibleDuplicateOf(SettlementRequest request) {
        return possibleDuplicateOf(request, null);
    }

    private Optional<String> possibleDuplicateOf(SettlementRequest request, String except) {
        var bill = request.bill();
        if (request.idNumber() == null || bill.hospital() == null || bill.visitType() == null
                || bill.totalAmount() == null || bill.policyScopeAmount() == null) {
            return Optional.empty();
        }
        List<?> found = em.createNativeQuery("select receipt_no from settlement where id_number = ?1"
                        + " and hospital_code = ?2 and visit_type = ?3 and admission_date = ?4 and discharge_date = ?5"
                        + " and total_amount = ?6 and policy_scope_amount = ?7 and special_drug_amount = ?8"
                        + " and status <> 'REVERSED' and receipt_no <> ?9 order by settled_at, receipt_no limit 1")
                .setParameter(1, request.idNumber()).setParameter(2, bill.hospital().code())
                .setParameter(3, bill.visitType().name()).setParameter(4, bill.admissionDate())
                .setParameter(5, bill.dischargeDate()).setParameter(6, bill.totalAmount())
                .setParameter(7, bill.policyScopeAmount())
                .setParameter(8, bill.specialDrugAmount() == null ? BigDecimal.ZERO : bill.specialDrugAmount())
                .setParameter(9, except == null ? "" : except)
                .getResultList();
        return found.stream().map(String::valueOf).findFirst();
    }

    private static SettlementRequest requestOf(Settlement settlement) {
        return new SettlementRequest(settlement.getIdNumber(), new Bill(
                settlement.getVisitType(),
                new Hospital(settlement.getHospitalCode(),
                        settlement.getHospitalLevel(),
                        settlement.isHospitalInCounty()),
                settlement.getAdmissionDate(), settlement.getDischargeDate(), settlement.getTotalAmount(),
                settlement.getPolicyScopeAmount(), settlement.getSpecialDrugAmount(), List.of(), Map.of()));
    }

    private SettlementView view(Settlement settlement) {
        String countyName = policies.find(settlement.getCounty(), settlement.getPolicyYear())
                .map(Policy::countyName).orElse(settlement.getCounty());
        return SettlementView.of(settlement, countyName);
    }

    private Beneficiary person(String idNumber) {
        Beneficiary person = em.find(Beneficiary.class, idNumber);
        if (person == null) {
            throw RefusedException.unprocessable(UNKNOWN_BENEFICIARY, "idNumber",
                    "No registered beneficiary has this ID number");
        }
        return person;
    }

    /**
     * The settlement's first statement: whether this request claimed its Idempotency-Key, the person (null when
     * not registered) and the earliest settlement in force of the same bill (see {@link #possibleDuplicateOf}).
     */
    private record Start(boolean claimed, SettledPerson person, String possibleDuplicateOf) {
    }

    /**
     * One round trip instead of six: claims the key (a concurrent request with the same key waits on the unique
     * index until the first commits, then replays it, or rolls back, then takes over the key), and reads the
     * person with categories, disease approvals and the years recorded as not insured (the rule of
     * {@code CoverageService#uninsured}: a coverage record that says not insured), and an earlier settlement of the
     * same bill (the query of {@link #possibleDuplicateOf(SettlementRequest, String)}).
     */
    private Start claimAndRead(String key, String requestHash, SettlementRequest request) {
        var bill = request.bill();
        Object[] row = (Object[]) em.createNamedQuery(Settlement.CLAIM_AND_READ)
                .setParameter(1, key).setParameter(2, requestHash).setParameter(3, request.idNumber())
                .setParameter(4, bill.hospital() == null ? null : bill.hospital().code())
                .setParameter(5, bill.visitType() == null ? null : bill.visitType().name())
                .setParameter(6, bill.admissionDate()).setParameter(7, bill.dischargeDate())
                .setParameter(8, bill.totalAmount()).setParameter(9, bill.policyScopeAmount())
                .setParameter(10, bill.specialDrugAmount() == null ? BigDecimal.ZERO : bill.specialDrugAmount())
                .getSingleResult();
        boolean claimed = ((Number) row[0]).intValue() == 1;
        SettledPerson person = row[1] == null ? null : SettledPerson.of((String) row[1], (String) row[2],
                (String) row[3], (String) row[4], localDate(row[5]), (String) row[6], (String) row[7],
                (String) row[8], (String) row[9]);
        return new Start(claimed, person, (String) row[10]);
    }

    private static LocalDate localDate(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }

    /** The key was claimed before: the same request is answered with its settlement, another one refused. */
    private Outcome replay(String key, String requestHash) {
        Object[] existing = (Object[]) em.createNativeQuery(
                        "select request_hash, receipt_no from idempotency_record where idem_key = ?1")
                .setParameter(1, key).getSingleResult();
        if (!requestHash.equals(existing[0])) {
            throw RefusedException.unprocessable(IDEMPOTENCY_CONFLICT, "Idempotency-Key",
                    "This Idempotency-Key was already used for a different request");
        }
        Settlement original = em.find(Settlement.class, (String) existing[1]);
        return new Outcome(shown(view(original)), true,
                possibleDuplicateOf(requestOf(original), original.getReceiptNo()).orElse(null));
    }

    private Map<AccumulatorKey, AccumulatorEntry> lockAccumulators(String idNumber, int year,
                                                                    List<AccumulatorKey> keys) {
        Map<AccumulatorKey, AccumulatorEntry> locked = new HashMap<>();
        if (keys.isEmpty()) {
            return locked;
        }
        // one statement creates the missing rows and locks all of them in key order (AccumulatorEntry.LOCK)
        @SuppressWarnings("unchecked")
        List<AccumulatorEntry> rows = em.createNamedQuery(AccumulatorEntry.LOCK)
                .setParameter(1, idNumber).setParameter(2, year)
                .setParameter(3, String.join(",", keys.stream().map(AccumulatorKey::value).toList()))
                .getResultList();
        for (AccumulatorEntry entry : rows) {
            locked.put(entry.accumulatorKey(), entry);
        }
        return locked;
    }

    /**
     * One statement instead of a flush of about twenty rows in six batches: the settlement, its lines, steps and
     * accumulator deltas, the accumulators' new values (their rows are locked since {@link #lockAccumulators}) and
     * the idempotency record's completion. The settlement is not managed afterwards: the response and the event
     * are made from the object in memory, which holds what was written.
     */
    private void store(Settlement s, Collection<AccumulatorEntry> changed, String idempotencyKey) {
        Object[] written = (Object[]) em.createNamedQuery(Settlement.STORE)
                .setParameter(1, s.getReceiptNo()).setParameter(2, s.getCounty())
                .setParameter(3, s.getPolicyYear()).setParameter(4, s.getPolicyFingerprint())
                .setParameter(5, s.getIdNumber()).setParameter(6, s.getPersonName())
                .setParameter(7, s.getHospitalCode()).setParameter(8, s.getHospitalLevel().name())
                .setParameter(9, s.isHospitalInCounty()).setParameter(10, s.getVisitType().name())
                .setParameter(11, s.getAdmissionDate()).setParameter(12, s.getDischargeDate())
                .setParameter(13, s.getTotalAmount()).setParameter(14, s.getPolicyScopeAmount())
                .setParameter(15, s.getSpecialDrugAmount()).setParameter(16, s.getFundTotal())
                .setParameter(17, s.getSelfPay()).setParameter(18, s.getStatus().name())
                .setParameter(19, s.getRequestJson()).setParameter(20, String.join(",", s.getPersonCategories()))
                .setParameter(21, s.getVerificationCode()).setParameter(22, s.getSettledAt())
                .setParameter(23, s.getSettledBy()).setParameter(24, s.isUninsured())
                .setParameter(25, SettlementRows.json(s, changed)).setParameter(26, idempotencyKey)
                .getSingleResult();
        int[] expected = {s.getLines().size(), s.getSteps().size(), s.getAccumulatorDeltas().size(), changed.size(), 1};
        for (int i = 0; i < expected.length; i++) {
            if (((Number) written[i]).intValue() != expected[i]) {
                // rolls the whole settlement back rather than commit it in part
                throw new IllegalStateException("Settlement " + s.getReceiptNo() + " wrote " + written[i]
                        + " rows where " + expected[i] + " were due (lines, steps, deltas, accumulators, idempotency)");
            }
        }
    }

    private List<AccumulatorEntry> entries(String idNumber, int year, List<AccumulatorKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // native SQL with the keys as one text parameter: a JPQL IN over a list is translated anew on every call,
        // which showed as a twentieth of a settlement's CPU time in the benchmark's profile
        String sql = "select * from accumulator where id_number = ?1 and year = ?2"
                + " and acc_key = any (string_to_array(?3, ',')) order by acc_key collate \"C\"";
        @SuppressWarnings("unchecked")
        List<AccumulatorEntry> entries = em.createNativeQuery(sql, AccumulatorEntry.class)
                .setParameter(1, idNumber).setParameter(2, year)
                .setParameter(3, String.join(",", keys.stream().map(AccumulatorKey::value).toList()))
                .getResultList();
        return entries;
    }

    private static void fill(Settlement settlement, Policy policy, SettledPerson person, PersonSnapshot snapshot,
                             SettlementRequest request, Calculation calculation, OffsetDateTime now,
                             String username) {
        var bill = request.bill();
        settlement.setCounty(policy.county());
        settlement.setPolicyYear(policy.year());
        settlement.setPolicyFingerprint(policy.fingerprint());
        settlement.setIdNumber(person.idNumber());
        settlement.setPersonName(person.name());
        settlement.setHospitalCode(bill.hospital().code());
        settlement.setHospitalLevel(bill.hospital().level());
        settlement.setHospitalInCounty(bill.hospital().inCounty());
        settlement.setVisitType(bill.visitType());
        settlement.setPersonCategories(snapshot.categories());
        settlement.setAdmissionDate(bill.admissionDate());
        settlement.setDischargeDate(bill.dischargeDate());
        settlement.setTotalAmount(bill.totalAmount());
        settlement.setPolicyScopeAmount(bill.policyScopeAmount());
        settlement.setSpecialDrugAmount(bill.specialDrugAmount());
        settlement.setFundTotal(calculation.fundTotal());
        settlement.setSelfPay(calculation.selfPay());
        settlement.setRequestJson(SettlementRequestJson.write(request).toString());
        settlement.setSettledAt(now);
        settlement.setSettledBy(username);
        for (var line : calculation.lines()) {
            settlement.getLines().add(new LineEntry(line.fund().name(), line.amount()));
        }
        for (Step step : calculation.steps()) {
            settlement.getSteps().add(new StepEntry(step.ruleId(), step.fund().name(), step.base(), step.amount(),
                    step.explanation(), step.outcome().name()));
        }
        for (AccumulatorDelta delta : calculation.accumulatorDeltas()) {
            settlement.getAccumulatorDeltas().add(new DeltaEntry(delta));
        }
        settlement.setVerificationCode(verificationCode(settlement));
    }

    /** A short code printed on the receipt; it changes when any printed figure changes. */
    static String verificationCode(Settlement settlement) {
        String text = settlement.getReceiptNo() + '|' + settlement.getIdNumber() + '|' + settlement.getTotalAmount()
                + '|' + settlement.getFundTotal() + '|' + settlement.getSelfPay() + '|' + settlement.getSettledAt()
                + '|' + settlement.getPolicyFingerprint();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static BigDecimal zero() {
        return new BigDecimal("0.00");
    }
}
