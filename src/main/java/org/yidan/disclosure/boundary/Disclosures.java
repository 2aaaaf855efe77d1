package org.yidan.disclosure.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.control.PersonNames;
import org.yidan.disclosure.control.DisclosureList;
import org.yidan.disclosure.control.DisclosureRow;
import org.yidan.disclosure.entity.Disclosure;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.Fund;
import org.yidan.reports.boundary.Reports;
import org.yidan.reports.boundary.SettledFacts;
import org.yidan.reports.control.SliceLabels;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;

/**
 * Public disclosure (公示) of the settled assistance payments: draft a month's list of a county or township,
 * publish it with its 公示期 and objection contact (frozen from then on), withdraw it with a reason. Full names
 * and ID numbers never leave this class: rows are masked before they are stored.
 */
@Stateless
@RolesAllowed({AUDITOR_NAME, ADMIN_NAME})
public class Disclosures {

    /** The funds disclosed unless a county configures its own ({@code yidan.disclosure.<county>.funds}). */
    public static final String FUNDS_KEY = "yidan.disclosure.funds";

    @PersistenceContext
    EntityManager em;

    @Inject
    SettledFacts facts;

    @Inject
    Reports reports;

    @Inject
    AuditTrail audit;

    @Inject
    Config config;

    @Resource
    SessionContext session;

    @Inject
    jakarta.enterprise.event.Event<PublicPageCache.Changed> changed;

    /** A draft of the month's list; 422 for a month not yet ended or a township the records do not know. */
    public DisclosureList draft(String county, String monthText, String township) {
        String countyName = reports.countyName(county);
        YearMonth month = month(monthText);
        if (!month.atEndOfMonth().isBefore(CountyClock.today())) {
            throw RefusedException.unprocessable("PERIOD_NOT_ENDED", "month",
                    "The month " + month + " has not ended; a list covers a whole month.");
        }
        String place = township == null || township.isBlank() ? null : township.strip();
        if (place != null && !facts.townships(county).contains(place)) {
            throw RefusedException.unprocessable("UNKNOWN_TOWNSHIP", "township",
                    "No settlement of " + countyName + " records the township '" + place + "'.");
        }
        List<Fund> funds = funds(county);
        List<DisclosureRow> rows = rows(county, month, place, funds);
        Map<Fund, BigDecimal> totals = totals(rows, funds);
        BigDecimal total = rows.stream().map(DisclosureRow::total).reduce(Money.ZERO, BigDecimal::add);
        Disclosure disclosure = new Disclosure(county, place, month.toString(),
                funds.stream().map(Fund::name).collect(Collectors.joining(",")), rows.size(), total,
                amountsJson(totals).toString(), OffsetDateTime.now(CountyClock.ZONE), caller());
        em.persist(disclosure);
        em.flush();
        storeRows(disclosure.getId(), rows);
        audit.record(caller(), AuditAction.DISCLOSURE_DRAFT, "disclosure/" + disclosure.getId(), AuditEvent.Outcome.SUCCESS,
                county + " " + month + (place == null ? "" : " " + place) + ": " + rows.size() + " persons, " + total);
        return view(disclosure, rows);
    }

    /**
     * Publishes a draft as it was reviewed. If the settlements changed since the draft (a reversal, a late
     * settlement), the reviewed rows are no longer true: 409 {@code DISCLOSURE_OUTDATED}, draft again.
     */
    public DisclosureList publish(long id, String from, String to, String contact) {
        Disclosure disclosure = lock(id);
        if (disclosure.getStatus() != Disclosure.Status.DRAFT) {
            throw RefusedException.conflict("DISCLOSURE_NOT_DRAFT",
                    "Only a draft can be published; this list is " + disclosure.getStatus() + ".");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw RefusedException.unprocessable("INVALID_PERIOD", "to", "The 公示期 ends before it starts.");
        }
        if (contact == null || contact.isBlank() || contact.length() > 500) {
            throw RefusedException.unprocessable("CONTACT_REQUIRED", "contact",
                    "Where to object (telephone, address; at most 500 characters) is required.");
        }
        List<DisclosureRow> stored = storedRows(id);
        List<Fund> funds = funds(disclosure);
        if (!stored.equals(rows(disclosure.getCounty(), YearMonth.parse(disclosure.getMonth()),
                disclosure.getTownship(), funds))) {
            throw RefusedException.conflict("DISCLOSURE_OUTDATED",
                    "Settlements of the month changed since this draft was made; make a new draft and review it.");
        }
        disclosure.publish(start, end, contact.strip(), OffsetDateTime.now(CountyClock.ZONE), caller());
        audit.record(caller(), AuditAction.DISCLOSURE_PUBLISH, "disclosure/" + id, AuditEvent.Outcome.SUCCESS,
                "公示期 " + start + " – " + end + ", " + stored.size() + " persons");
        changed.fire(new PublicPageCache.Changed(id));
        return view(disclosure, stored);
    }

    public DisclosureList withdraw(long id, String reason) {
        Disclosure disclosure = lock(id);
        if (disclosure.getStatus() != Disclosure.Status.PUBLISHED) {
            throw RefusedException.conflict("DISCLOSURE_NOT_PUBLISHED",
                    "Only a published list can be withdrawn; this list is " + disclosure.getStatus() + ".");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw RefusedException.unprocessable("REASON_REQUIRED", "reason",
                    "A reason (at most 500 characters) is required to withdraw a list.");
        }
        disclosure.withdraw(reason.strip(), OffsetDateTime.now(CountyClock.ZONE), caller());
        audit.record(caller(), AuditAction.DISCLOSURE_WITHDRAW, "disclosure/" + id, AuditEvent.Outcome.SUCCESS, reason.strip());
        changed.fire(new PublicPageCache.Changed(id));
        return view(disclosure, storedRows(id));
    }

    public DisclosureList find(long id) {
        Disclosure disclosure = em.find(Disclosure.class, id);
        if (disclosure == null) {
            throw notFound(id);
        }
        return view(disclosure, storedRows(id));
    }

    /** Every list, newest first, without rows. */
    public List<DisclosureList> all() {
        return em.createNamedQuery(Disclosure.ALL, Disclosure.class).setMaxResults(500).getResultList().stream()
                .map(d -> view(d, List.of())).toList();
    }

    /** The published lists, newest month first, without rows: for anyone. */
    @PermitAll
    public List<DisclosureList> published() {
        return em.createNamedQuery(Disclosure.PUBLISHED, Disclosure.class).getResultList().stream()
                .map(d -> view(d, List.of())).toList();
    }

    /**
     * A list as the public may read it: a published one with its rows, a withdrawn one without rows (so that a
     * link someone kept says it was withdrawn); a draft is not public (404).
     */
    @PermitAll
    public DisclosureList publicList(long id) {
        Disclosure disclosure = em.find(Disclosure.class, id);
        if (disclosure == null || disclosure.getStatus() == Disclosure.Status.DRAFT) {
            throw notFound(id);
        }
        return view(disclosure, disclosure.getStatus() == Disclosure.Status.PUBLISHED ? storedRows(id) : List.of());
    }

    private List<DisclosureRow> rows(String county, YearMonth month, String township, List<Fund> funds) {
        List<DisclosureRow> rows = new ArrayList<>();
        for (SettledFacts.PersonPayments person : facts.payments(county, month.atDay(1), month.atEndOfMonth(),
                township, funds)) {
            Map<Fund, BigDecimal> amounts = new TreeMap<>();
            BigDecimal total = Money.ZERO;
            for (Fund fund : funds) {
                BigDecimal amount = person.amounts().getOrDefault(fund, Money.ZERO);
                amounts.put(fund, amount);
                total = total.add(amount);
            }
            rows.add(new DisclosureRow(person.township(), PersonNames.mask(person.name()),
                    IdNumbers.mask(person.idNumber()),
                    person.categories().stream().map(SliceLabels::category).collect(Collectors.joining("、")),
                    amounts, total));
        }
        return rows;
    }

    private void storeRows(long id, List<DisclosureRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (DisclosureRow row : rows) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("name", row.name()).add("id", row.idNumber())
                    .add("categories", row.categories()).add("amounts", amountsJson(row.amounts()).toString())
                    .add("total", row.total().toPlainString());
            if (row.township() == null) {
                json.addNull("township");
            } else {
                json.add("township", row.township());
            }
            array.add(json);
        }
        // one statement for the whole list: thousands of rows in one round trip
        em.createNativeQuery("insert into disclosure_row (disclosure_id, position, township, masked_name, masked_id,"
                        + " categories, amounts, total) select ?1, r.ordinality, r.value->>'township', r.value->>'name',"
                        + " r.value->>'id', r.value->>'categories', r.value->>'amounts', (r.value->>'total')::numeric"
                        + " from json_array_elements(cast(?2 as json)) with ordinality r")
                .setParameter(1, id).setParameter(2, array.build().toString()).executeUpdate();
    }

    private List<DisclosureRow> storedRows(long id) {
        List<DisclosureRow> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("select township, masked_name, masked_id, categories, amounts, total"
                + " from disclosure_row where disclosure_id = ?1 order by position").setParameter(1, id).getResultList()) {
            Object[] cells = (Object[]) row;
            rows.add(new DisclosureRow((String) cells[0], (String) cells[1], (String) cells[2], (String) cells[3],
                    amounts((String) cells[4]), Money.toFen(new BigDecimal(cells[5].toString()))));
        }
        return rows;
    }

    private static Map<Fund, BigDecimal> totals(List<DisclosureRow> rows, List<Fund> funds) {
        Map<Fund, BigDecimal> totals = new TreeMap<>();
        for (Fund fund : funds) {
            totals.put(fund, rows.stream().map(r -> r.amounts().get(fund)).reduce(Money.ZERO, BigDecimal::add));
        }
        return totals;
    }

    private static JsonObject amountsJson(Map<Fund, BigDecimal> amounts) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        amounts.forEach((fund, amount) -> json.add(fund.name(), Money.toFen(amount).toPlainString()));
        return json.build();
    }

    private static Map<Fund, BigDecimal> amounts(String json) {
        Map<Fund, BigDecimal> amounts = new TreeMap<>();
        JsonObject object = JsonFactories.READERS.createReader(new StringReader(json)).readObject();
        object.forEach((fund, value) -> amounts.put(DeclaredFunds.current().stored(fund),
                Money.toFen(new BigDecimal(((jakarta.json.JsonString) value).getString()))));
        return amounts;
    }

    private DisclosureList view(Disclosure d, List<DisclosureRow> rows) {
        List<Fund> funds = funds(d);
        return new DisclosureList(d.getId(), d.getCounty(), reports.countyName(d.getCounty()), d.getTownship(),
                d.getMonth().strip(), d.getStatus().name(), funds, d.getPersons(), rows, amounts(d.getFundTotals()),
                Money.toFen(d.getTotal()), d.getPublicFrom(), d.getPublicTo(), d.getContact(), d.getCreatedAt(),
                d.getPublishedAt(), d.getWithdrawnAt(), d.getWithdrawalReason());
    }

    private static List<Fund> funds(Disclosure d) {
        return Arrays.stream(d.getFunds().split(",")).map(DeclaredFunds.current()::stored).toList();
    }

    List<Fund> funds(String county) {
        String configured = config.getOptionalValue("yidan.disclosure." + county + ".funds", String.class)
                .or(() -> config.getOptionalValue(FUNDS_KEY, String.class)).orElse("ASSISTANCE,RE_ASSISTANCE");
        List<Fund> funds = new ArrayList<>();
        for (String fund : configured.split(",")) {
            if (!fund.isBlank()) {
                funds.add(Fund.parse(FUNDS_KEY, fund.strip()));
            }
        }
        return funds;
    }

    private Disclosure lock(long id) {
        Disclosure disclosure = em.find(Disclosure.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (disclosure == null) {
            throw notFound(id);
        }
        return disclosure;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static RefusedException notFound(long id) {
        return RefusedException.notFound("DISCLOSURE_NOT_FOUND", "There is no disclosure list " + id + ".");
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeException bad) {
            throw RefusedException.unprocessable("INVALID_PERIOD", "month", "A month is YYYY-MM, not '" + text + "'.");
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeException bad) {
            throw RefusedException.unprocessable("INVALID_PERIOD", field,
                    "'" + field + "' must be a date YYYY-MM-DD, not '" + text + "'.");
        }
    }
}
