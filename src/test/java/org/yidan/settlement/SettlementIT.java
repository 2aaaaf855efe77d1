package org.yidan.settlement;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.ApiFixture;
import org.yidan.platform.EmbeddedDatabaseSession;
import org.yidan.platform.PersonIds;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registry and settlement through the REST contract, in Payara Micro against PostgreSQL: the worked
 * examples of policy.md, idempotency, concurrency, a forced failure, bad requests, reversal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettlementIT extends ApiFixture {

    private static final PersonIds PERSON_IDS = new PersonIds("19580312", 100);

    /** A new valid ID number of county 370323 for each test, so that tests do not share accumulators. */
    static String newIdNumber(String county) {
        return PERSON_IDS.next(county);
    }

    String registerDibaoPerson(String county) {
        return registerDibaoPerson(county, "2020-01-01");
    }

    String registerDibaoPerson(String county, String from) {
        return register(newIdNumber(county), """
                {"name": "张三", "county": "%s", "householdId": "H-0001",
                 "categories": [{"code": "DIBAO", "from": "%s", "to": null}],
                 "standardTags": ["NATIONAL"],
                 "chronicDiseases": [{"code": "HYPERTENSION", "approvedOn": "2019-03-01"}]}
                """.formatted(county, from));
    }

    static String bill(String id, String discharge, String total, String scope, String basic) {
        return """
                {"idNumber": "%s",
                 "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "2020-05-01", "dischargeDate": "%s",
                 "totalAmount": %s, "policyScopeAmount": %s, "specialDrugAmount": 0,
                 "externalPayments": {"BASIC": %s}}
                """.formatted(id, discharge, total, scope, basic);
    }

    Api.Reply settle(String body) {
        return clerk.post("/api/v1/settlements", body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    static BigDecimal amount(JsonObject json, String name) {
        return json.getJsonNumber(name).bigDecimalValue();
    }

    static BigDecimal line(JsonObject settlement, String fund) {
        return settlement.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(line -> fund.equals(line.getString("fund")))
                .map(line -> line.getJsonNumber("amount").bigDecimalValue())
                .findFirst().orElseThrow(() -> new AssertionError("no line " + fund + " in " + settlement));
    }

    /**
     * Issue 9: the demo (demo data switch on, as in these tests) adds the current year to each county by inheriting
     * its latest year, said plainly in the API, and a bill discharged today settles under it.
     */
    @Test
    void theDemoSettlesTodaysBillsUnderADemoCopyOfTheLatestYear() {
        int thisYear = java.time.LocalDate.now(org.yidan.platform.control.CountyClock.ZONE).getYear();
        Api.Reply current = admin.get("/api/v1/policies/370323/" + thisYear);
        assertEquals(200, current.status(), current::toString);
        assertEquals(2020, current.json().getInt("inheritsFrom"));
        assertEquals(2020, current.json().getInt("demoCopyOf"));
        assertTrue(current.json().getString("notice").contains("DEMO"), current::toString);
        Api.Reply shipped = admin.get("/api/v1/policies/370323/2020");
        assertTrue(shipped.json().isNull("demoCopyOf") && shipped.json().isNull("inheritsFrom"), shipped::toString);
        assertTrue(admin.get("/api/v1/policies").body().contains("\"demoCopyOf\":2018"), "会宁县 copies 2018");

        String id = registerDibaoPerson("370323");
        String today = java.time.LocalDate.now(org.yidan.platform.control.CountyClock.ZONE).toString();
        Api.Reply settled = settle(bill(id, today, "60000.00", "50000.00", "30000.00").replace("2020-05-01", today));
        assertEquals(201, settled.status(), settled::toString);
        assertEquals(new BigDecimal("12050.00"), amount(settled.json(), "selfPay"), "the 2020 parameters, this year");
    }

    /** A bill is settled at discharge: tomorrow's discharge date is a slip, refused before anything is booked. */
    @Test
    void aDischargeAfterTodayIsRefusedInPreviewAndSettlement() {
        String id = registerDibaoPerson("370323");
        java.time.LocalDate today = java.time.LocalDate.now(org.yidan.platform.control.CountyClock.ZONE);
        String body = bill(id, today.plusDays(1).toString(), "5000.00", "4000.00", "0")
                .replace("2020-05-01", today.toString());
        for (Api.Reply reply : List.of(clerk.post("/api/v1/settlements/preview", body),
                clerk.post("/api/v1/settlements", body, "Idempotency-Key", "tomorrow-" + UUID.randomUUID()))) {
            assertEquals(422, reply.status(), reply::toString);
            assertEquals("DATES_INVALID", reply.json().getString("code"), reply::toString);
        }
        assertEquals(0, countRows("select count(*) from settlement where id_number = '" + id + "'"));
    }

    /**
     * Issue 9: finding a person by the last digits of the ID number used {@code like '%0215'}, a full scan of the
     * registry. The search's own SQL condition is now answered by the index on the reversed number (V6). Shown with
     * EXPLAIN over 60,000 synthetic persons, rolled back afterwards.
     */
    @Test
    void theIdSuffixSearchUsesTheIndexOnTheReversedNumber() throws SQLException {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("insert into beneficiary (id_number, name, county) select lpad(g::text, 18, '0'),"
                        + " 'synthetic ' || g, '370323' from generate_series(1, 60000) g");
                sql.execute("analyze beneficiary");
                String lookup = "select * from beneficiary where "
                        + org.yidan.beneficiaries.control.BeneficiarySearch.of(null, "120215").condition()
                        + " order by id_number limit 50";
                String plan = explain(sql, lookup);
                System.out.println("EXPLAIN " + lookup + "\n" + plan);
                assertTrue(plan.contains("beneficiary_id_reversed"), plan);
                String browse = "select * from beneficiary where "
                        + org.yidan.beneficiaries.control.BeneficiarySearch.of("370323", "120215").condition()
                                .replace("?1", "'370323'") + " order by id_number limit 10";
                String browsePlan = explain(sql, browse);
                System.out.println("EXPLAIN " + browse + "\n" + browsePlan);
                assertTrue(browsePlan.contains("beneficiary_id_reversed"), browsePlan);
                String before = explain(sql, "select * from beneficiary where id_number like '%120215'"
                        + " order by id_number limit 50");
                System.out.println("EXPLAIN (the old suffix search)\n" + before);
                assertFalse(before.contains("beneficiary_id_reversed"), before);
            } finally {
                db.rollback();
            }
        }
    }

    private static String explain(Statement sql, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("explain " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** The business figures on /metrics (SettlementMetrics) count each committed settlement once, per fund too. */
    @Test
    void aSettlementCountsOnTheMetricsPageOncePerCountyAndFund() {
        String id = registerDibaoPerson("370323");
        String before = admin.get("/metrics").body();
        Api.Reply settled = settle(bill(id, "2020-06-10", "60000.00", "50000.00", "30000.00"));
        assertEquals(201, settled.status(), settled::toString);
        String after = admin.get("/metrics").body();
        assertEquals(metric(before, "yidan_settlements_total", "370323", null) + 1,
                metric(after, "yidan_settlements_total", "370323", null), after);
        long paidFen = 0;
        for (JsonObject line : settled.json().getJsonArray("lines").getValuesAs(JsonObject.class)) {
            BigDecimal amount = line.getJsonNumber("amount").bigDecimalValue();
            if (amount.signum() > 0) {
                String fund = line.getString("fund");
                assertEquals(metric(before, "yidan_fund_settlements_total", "370323", fund) + 1,
                        metric(after, "yidan_fund_settlements_total", "370323", fund), fund);
                paidFen += metric(after, "yidan_fund_paid_fen_total", "370323", fund)
                        - metric(before, "yidan_fund_paid_fen_total", "370323", fund);
            }
        }
        assertEquals(new BigDecimal(settled.json().getJsonNumber("fundTotal").toString()).movePointRight(2)
                .longValueExact(), paidFen, "the funds' money in fen");
    }

    /** A counter's value in Prometheus text; 0 when it is not there yet. */
    private static long metric(String text, String name, String county, String fund) {
        return text.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> line.contains("county=\"" + county + "\""))
                .filter(line -> fund == null ? !line.contains("fund=") : line.contains("fund=\"" + fund + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Issue 9: two keys are two settlements, but the second answer names the first receipt of the same bill. */
    @Test
    void theSameBillUnderTwoKeysIsSettledTwiceAndTheSecondNamesTheFirst() {
        String id = registerDibaoPerson("370323");
        Api.Reply first = settle(bill(id, "2020-05-10", "60000.00", "50000.00", "30000.00"));
        assertEquals(201, first.status(), first::toString);
        assertTrue(first.json().isNull("possibleDuplicateOf"), first::toString);
        String firstNo = first.json().getString("receiptNo");

        Api.Reply second = settle(bill(id, "2020-05-10", "60000", "50000", "30000"));
        assertEquals(201, second.status(), second::toString);
        assertFalse(firstNo.equals(second.json().getString("receiptNo")), "a different key is a different settlement");
        assertEquals(firstNo, second.json().getString("possibleDuplicateOf"), second::toString);

        // another bill of the same person is no duplicate
        Api.Reply other = settle(bill(id, "2020-05-11", "60000.00", "50000.00", "30000.00"));
        assertEquals(201, other.status(), other::toString);
        assertTrue(other.json().isNull("possibleDuplicateOf"), other::toString);
    }

    @Test
    void registryPutGetMasksTheIdNumberForAClerk() {
        String id = registerDibaoPerson("370323");
        Api.Reply again = admin.put("/api/v1/beneficiaries/" + id, """
                {"name": "张三", "county": "370323", "householdId": "H-0002",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}]}
                """);
        assertEquals(200, again.status(), again::toString);
        JsonObject asAdmin = admin.get("/api/v1/beneficiaries/" + id).json();
        assertEquals(id, asAdmin.getString("idNumber"));
        assertEquals("H-0002", asAdmin.getString("householdId"));
        JsonObject asClerk = clerk.get("/api/v1/beneficiaries/" + id).json();
        assertEquals(IdNumbers.mask(id), asClerk.getString("idNumber"));
        assertEquals(404, admin.get("/api/v1/beneficiaries/" + newIdNumber("370323")).status());
        Api.Reply clerkWrites = clerk.put("/api/v1/beneficiaries/" + id, "{\"name\": \"x\", \"county\": \"370323\"}");
        assertEquals(403, clerkWrites.status(), clerkWrites::toString);
    }

    @Test
    void aPersonOfACountyThisDeploymentDoesNotServeIsRefused() {
        String beijing = newIdNumber("110105");
        Api.Reply put = admin.put("/api/v1/beneficiaries/" + beijing, """
                {"name": "李四", "county": "110105", "householdId": "H-0009",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}]}
                """);
        assertEquals(422, put.status(), put::toString);
        assertEquals("UNKNOWN_COUNTY", put.json().getString("code"));
        assertEquals(404, admin.get("/api/v1/beneficiaries/" + beijing).status(), "nothing was stored");
    }

    @Test
    void theWorkedExamplesOfPolicyMdThroughRest() {
        String id = registerDibaoPerson("370323");

        Api.Reply preview = clerk.post("/api/v1/settlements/preview",
                bill(id, "2020-05-10", "60000.00", "50000.00", "30000.00"));
        assertEquals(200, preview.status(), preview::toString);
        assertEquals(0, new BigDecimal("12050.00").compareTo(amount(preview.json(), "selfPay")));

        Api.Reply first = settle(bill(id, "2020-05-10", "60000.00", "50000.00", "30000.00"));
        assertEquals(201, first.status(), first::toString);
        JsonObject one = first.json();
        assertEquals("SETTLED", one.getString("status"));
        assertEquals("370323/2020", one.getString("policy"));
        assertEquals(IdNumbers.mask(id), one.getString("idNumber"));
        assertTrue(one.getString("receiptNo").matches("370323-\\d{8}-\\d{6}"), one.getString("receiptNo"));
        assertEquals("30000.00", one.getJsonArray("lines").getJsonObject(0).getJsonNumber("amount").toString(),
                "amounts are written with exactly two decimals");
        assertEquals(new BigDecimal("30000.00"), line(one, "BASIC"));
        assertEquals(new BigDecimal("9750.00"), line(one, "CRITICAL"));
        assertEquals(new BigDecimal("8200.00"), line(one, "ASSISTANCE"));
        assertEquals(new BigDecimal("0.00"), line(one, "HOSPITAL_REDUCTION"));
        assertEquals(new BigDecimal("0.00"), line(one, "COMMERCIAL"));
        assertEquals(new BigDecimal("0.00"), line(one, "RE_ASSISTANCE"));
        assertEquals(6, one.getJsonArray("lines").size());
        assertEquals(new BigDecimal("47950.00"), amount(one, "fundTotal"));
        assertEquals(new BigDecimal("12050.00"), amount(one, "selfPay"));

        JsonObject two = settle(bill(id, "2020-09-10", "20000.00", "18000.00", "9000.00")).json();
        assertEquals(new BigDecimal("5850.00"), line(two, "CRITICAL"));
        assertEquals(new BigDecimal("2520.00"), line(two, "ASSISTANCE"));
        assertEquals(new BigDecimal("2630.00"), amount(two, "selfPay"));
        assertTrue(two.getString("receiptNo").compareTo(one.getString("receiptNo")) > 0,
                "receipt numbers increase within a county and day");

        var pdf = clerk.getBytes("/api/v1/settlements/" + one.getString("receiptNo") + "/receipt.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String printed = pdfText(pdf.body());
        assertTrue(printed.contains(one.getString("receiptNo")), printed);
        assertTrue(printed.contains("壹万贰仟零伍拾元整"), printed);
        assertTrue(printed.contains("沂源县"), printed);
        assertTrue(printed.contains(IdNumbers.mask(id)), printed);
        // issue 9: the DIBAO rule that paid is explained; the rules of the other categories are left out
        assertTrue(printed.contains("10,250.00 × 80% = 8,200.00"), printed);
        assertFalse(printed.contains("不属于上述人员"), printed);
        assertTrue(printed.contains("低保对象") && printed.contains("参保人（家属）签字"), printed);

        // a fund officer of the medical assistance fund reads that fund's line only
        JsonObject asFundOfficer = new Api(base).as("demo-fund", "demo-fund")
                .get("/api/v1/settlements/" + one.getString("receiptNo")).json();
        assertEquals(1, asFundOfficer.getJsonArray("lines").size(), asFundOfficer::toString);
        assertEquals(new BigDecimal("8200.00"), line(asFundOfficer, "ASSISTANCE"));
        assertEquals(IdNumbers.mask(id), asFundOfficer.getString("idNumber"));
        assertEquals(403, new Api(base).as("demo-fund", "demo-fund").post("/api/v1/settlements/preview",
                bill(id, "2020-05-10", "60000.00", "50000.00", "30000.00")).status());

        JsonObject stored = clerk.get("/api/v1/settlements/" + one.getString("receiptNo")).json();
        assertEquals(one.getString("receiptNo"), stored.getString("receiptNo"));
        assertEquals(new BigDecimal("8200.00"), line(stored, "ASSISTANCE"));

        JsonObject accumulators = clerk.get("/api/v1/beneficiaries/" + id + "/accumulators?year=2020").json();
        JsonObject assistance = accumulators.getJsonArray("accumulators").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("rule").startsWith("assistance") && amount(a, "paid").signum() > 0)
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("10720.00"), amount(assistance, "paid"));
        assertEquals(new BigDecimal("9280.00"), amount(assistance, "capLeft"));

        // reversing settlement 1 restores every accumulator it moved; a third bill is computed as if it never happened
        Api.Reply reversal = auditor.post("/api/v1/settlements/" + one.getString("receiptNo") + "/reversal",
                "{\"reason\": \"重复结算\"}");
        assertEquals(200, reversal.status(), reversal::toString);
        assertEquals("REVERSED", reversal.json().getString("status"));
        Api.Reply twice = auditor.post("/api/v1/settlements/" + one.getString("receiptNo") + "/reversal",
                "{\"reason\": \"again\"}");
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("ALREADY_REVERSED", twice.json().getString("code"));

        JsonObject three = settle(bill(id, "2020-10-10", "60000.00", "50000.00", "30000.00")).json();
        // B0 for critical is now 9000 (bill 2 only): f(29000) - f(9000) = (24000 - 4000) x 0.65 = 13000
        assertEquals(new BigDecimal("13000.00"), line(three, "CRITICAL"));
        assertEquals(new BigDecimal("5600.00"), line(three, "ASSISTANCE"));
    }

    @Test
    void theSameIdempotencyKeyReplaysAndADifferentBodyConflicts() {
        String id = registerDibaoPerson("370323");
        String key = "his-" + UUID.randomUUID();
        Api.Reply first = clerk.post("/api/v1/settlements", bill(id, "2020-05-10", "1000.00", "800.00", "400"),
                "Idempotency-Key", key);
        assertEquals(201, first.status(), first::toString);
        Api.Reply replay = clerk.post("/api/v1/settlements",
                bill(id, "2020-05-10", "1000", "800.00", "\"400.00\""), "Idempotency-Key", key);
        assertEquals(200, replay.status(), replay::toString);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("receiptNo"), replay.json().getString("receiptNo"));
        Api.Reply conflict = clerk.post("/api/v1/settlements", bill(id, "2020-05-10", "1000.00", "900.00", "400"),
                "Idempotency-Key", key);
        assertEquals(422, conflict.status(), conflict::toString);
        assertEquals("IDEMPOTENCY_CONFLICT", conflict.json().getString("code"));
        Api.Reply noKey = clerk.post("/api/v1/settlements", bill(id, "2020-05-10", "1000.00", "800.00", "400"));
        assertEquals(422, noKey.status(), noKey::toString);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMakeExactlyOneSettlement() throws Exception {
        String id = registerDibaoPerson("370323");
        String key = "burst-" + UUID.randomUUID();
        String body = bill(id, "2020-06-01", "10000.00", "9000.00", "4500.00");
        List<Api.Reply> replies = inParallel(20, i -> clerk.post("/api/v1/settlements", body, "Idempotency-Key", key));
        long created = replies.stream().filter(reply -> reply.status() == 201).count();
        long replayed = replies.stream().filter(reply -> reply.status() == 200).count();
        assertEquals(1, created, () -> replies.toString());
        assertEquals(19, replayed, () -> replies.toString());
        assertEquals(1, replies.stream().map(reply -> reply.json().getString("receiptNo")).distinct().count());
        assertEquals(1, countRows("select count(*) from settlement where id_number = '" + id + "'"));
    }

    @Test
    void fortyConcurrentSettlementsForOnePersonNeverExceedACap() throws Exception {
        String id = registerDibaoPerson("370323");
        // each bill: scope 5000 with nothing external: the DIBAO assistance rule pays 80% of what is left,
        // capped at 20000 for the year; forty bills would want far more than the cap allows
        String body = bill(id, "2020-07-01", "6000.00", "5000.00", "0");
        List<Api.Reply> replies = inParallel(40, i -> settle(body));
        replies.forEach(reply -> assertEquals(201, reply.status(), reply::toString));
        BigDecimal assistancePaid = replies.stream().map(reply -> line(reply.json(), "ASSISTANCE"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("20000.00").compareTo(assistancePaid), "the cap holds exactly");
        BigDecimal reAssistancePaid = replies.stream().map(reply -> line(reply.json(), "RE_ASSISTANCE"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(reAssistancePaid.compareTo(new BigDecimal("20000.00")) <= 0);
        // the accumulators equal the sum of the stored lines
        assertEquals(0, sum("select coalesce(sum(paid_amount), 0) from accumulator where id_number = '" + id
                + "' and acc_key like 'rule:assistance%'").compareTo(sum("select coalesce(sum(l.amount), 0)"
                + " from settlement_line l join settlement s on s.receipt_no = l.receipt_no"
                + " where s.id_number = '" + id + "' and l.fund = 'ASSISTANCE'")));
        assertEquals(40, countRows("select count(distinct receipt_no) from settlement where id_number = '" + id + "'"));
    }

    @Test
    void aFailureAfterSomeLinesAreWrittenLeavesNothingBehind() throws Exception {
        String id = registerDibaoPerson("370323");
        String key = "fail-" + UUID.randomUUID();
        try (Connection db = database(); Statement sql = db.createStatement()) {
            // the database refuses the steps of this one person's settlement, after the settlement row and its
            // lines have been written in the same transaction
            sql.execute("create or replace function fail_steps_for_test() returns trigger language plpgsql as $$"
                    + " begin if (select id_number from settlement where receipt_no = new.receipt_no) = '" + id
                    + "' then raise exception 'forced failure for a test'; end if; return new; end; $$");
            sql.execute("create trigger fail_steps_for_test before insert on settlement_step"
                    + " for each row execute function fail_steps_for_test()");
        }
        Api.Reply failed;
        try {
            failed = clerk.post("/api/v1/settlements", bill(id, "2020-05-10", "60000.00", "50000.00", "30000.00"),
                    "Idempotency-Key", key);
        } finally {
            try (Connection db = database(); Statement sql = db.createStatement()) {
                sql.execute("drop trigger fail_steps_for_test on settlement_step");
            }
        }
        assertEquals(500, failed.status(), failed::toString);
        assertTrue(failed.contentType().startsWith("application/problem+json"));
        assertFalse(failed.body().contains("forced failure"), "no internals leak: " + failed.body());
        assertEquals(0, countRows("select count(*) from settlement where id_number = '" + id + "'"));
        assertEquals(0, countRows("select count(*) from settlement_line l join settlement s using (receipt_no)"
                + " where s.id_number = '" + id + "'"));
        assertEquals(0, sum("select coalesce(sum(base_amount + paid_amount), 0) from accumulator where id_number = '"
                + id + "'").signum());
        assertEquals(0, countRows("select count(*) from idempotency_record where idem_key = '" + key + "'"));

        Api.Reply retried = clerk.post("/api/v1/settlements", bill(id, "2020-05-10", "60000.00", "50000.00",
                "30000.00"), "Idempotency-Key", key);
        assertEquals(201, retried.status(), retried::toString);
        assertEquals(new BigDecimal("8200.00"), line(retried.json(), "ASSISTANCE"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative total                 | 422 | AMOUNT_INVALID        | {"totalAmount": -1}
            three decimals                 | 422 | AMOUNT_INVALID        | {"totalAmount": 100.001}
            amount as text                 | 422 | AMOUNT_INVALID        | {"totalAmount": "abc"}
            amount as boolean              | 422 | AMOUNT_INVALID        | {"policyScopeAmount": true}
            scope above total              | 422 | SCOPE_EXCEEDS_TOTAL   | {"totalAmount": 100, "policyScopeAmount": 200}
            scope plus drugs above total   | 422 | SCOPE_EXCEEDS_TOTAL   | {"totalAmount": 100, "policyScopeAmount": 80, "specialDrugAmount": 30}
            items above scope              | 422 | ITEMS_EXCEED_SCOPE    | {"totalAmount": 100, "policyScopeAmount": 50, "items": [{"category": "REGISTRATION", "amount": 60}]}
            unknown item category          | 422 | UNKNOWN_VALUE         | {"items": [{"category": "MASSAGE", "amount": 1}]}
            external above base            | 422 | EXTERNAL_EXCEEDS_BASE | {"externalPayments": {"BASIC": 999999}}
            unknown fund                   | 422 | UNKNOWN_VALUE         | {"externalPayments": {"LOTTERY": 1}}
            discharge before admission     | 422 | DATES_INVALID         | {"admissionDate": "2020-05-11", "dischargeDate": "2020-05-10"}
            discharge after today          | 422 | DATES_INVALID         | {"admissionDate": "2099-12-01", "dischargeDate": "2099-12-05"}
            impossible date                | 422 | DATE_INVALID          | {"dischargeDate": "2020-02-30"}
            unknown visit type             | 422 | UNKNOWN_VALUE         | {"visitType": "SPA"}
            unknown hospital level         | 422 | UNKNOWN_VALUE         | {"hospital": {"code": "H1", "level": "GALACTIC", "inCounty": true}}
            hospital not an object         | 422 | FIELD_INVALID         | {"hospital": "H1"}
            missing total                  | 422 | FIELD_REQUIRED        | {"totalAmount": null}
            missing hospital               | 422 | FIELD_REQUIRED        | {"hospital": null}
            bad check digit                | 422 | INVALID_ID_NUMBER     | {"idNumber": "370323195803120210"}
            short id number                | 422 | INVALID_ID_NUMBER     | {"idNumber": "37032319580312"}
            unregistered person            | 422 | UNKNOWN_BENEFICIARY   | {"idNumber": "11010519491231002X"}
            no category on discharge date  | 422 | NOT_ELIGIBLE          | {"admissionDate": "2020-02-01", "dischargeDate": "2020-02-20"}
            no policy for the year         | 422 | NO_POLICY             | {"admissionDate": "2021-03-01", "dischargeDate": "2021-03-05"}
            more than 12 digits of yuan    | 422 | AMOUNT_INVALID        | {"totalAmount": 10000000000000}
            empty idempotency key          | 422 | IDEMPOTENCY_KEY_REQUIRED | {"idempotencyKey": ""}
            malformed json                 | 400 | MALFORMED_JSON        | {"totalAmount": 1,
            json array                     | 400 | MALFORMED_JSON        | [1, 2]
            """)
    void badRequestsAreRefusedWithACodeAndStoreNothing(String name, int status, String code, String change) {
        // DIBAO from 2020-03-01 only: a discharge in February finds no category
        String id = registerDibaoPerson("370323", "2020-03-01");
        String body = merge(bill(id, "2020-05-10", "60000.00", "50000.00", "30000.00"), change);
        String key = change.contains("idempotencyKey") ? "" : "bad-" + UUID.randomUUID();
        Api.Reply reply = clerk.post("/api/v1/settlements", body, "Idempotency-Key", key);
        assertEquals(status, reply.status(), () -> name + ": " + reply);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(code, problem.getString("code"), () -> name + ": " + reply);
        assertNotNull(problem.getString("detail"));
        assertFalse(reply.body().contains("Exception"), () -> "leaks internals: " + reply);
        assertEquals(0, countRows("select count(*) from settlement where id_number = '" + id + "'"));
        assertEquals(0, countRows("select count(*) from accumulator where id_number = '" + id
                + "' and (base_amount <> 0 or paid_amount <> 0)"));
    }

    @Test
    void unknownReceiptIs404AndAClerkMayNotReverse() {
        Api.Reply missing = clerk.get("/api/v1/settlements/370323-20200101-999999");
        assertEquals(404, missing.status(), missing::toString);
        assertEquals("application/problem+json", missing.contentType().split(";")[0]);
        String id = registerDibaoPerson("370323");
        String receipt = settle(bill(id, "2020-05-10", "1000.00", "800.00", "400")).json().getString("receiptNo");
        Api.Reply forbidden = clerk.post("/api/v1/settlements/" + receipt + "/reversal", "{\"reason\": \"x\"}");
        assertEquals(403, forbidden.status(), forbidden::toString);
        Api.Reply noReason = auditor.post("/api/v1/settlements/" + receipt + "/reversal", "{}");
        assertEquals(422, noReason.status(), noReason::toString);
        assertEquals("SETTLED", clerk.get("/api/v1/settlements/" + receipt).json().getString("status"));
    }

    @Test
    void aRosterImportsOnceReportsBadRowsAndChangesNothingTheSecondTime() throws Exception {
        byte[] utf8 = SettlementIT.class.getResourceAsStream("/rosters/roster-370323.csv").readAllBytes();
        byte[] gbk = SettlementIT.class.getResourceAsStream("/rosters/roster-370323-gbk.csv").readAllBytes();
        Api.Reply first = admin.postBytes("/api/v1/beneficiaries/import?fileName=roster-370323.csv", "text/csv", utf8);
        assertEquals(200, first.status(), first::toString);
        JsonObject counts = first.json();
        assertEquals(18, counts.getInt("persons"), counts::toString);
        assertEquals(18, counts.getInt("created") + counts.getInt("updated") + counts.getInt("unchanged"));
        assertEquals(2, counts.getInt("invalidRows"));
        JsonObject badId = counts.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .filter(error -> error.getInt("line") == 22).findFirst()
                .orElseThrow(() -> new AssertionError(counts.toString()));
        assertEquals("身份证号", badId.getString("column"));

        JsonObject again = admin.postBytes("/api/v1/beneficiaries/import", "text/csv", gbk).json();
        assertEquals(18, again.getInt("unchanged"), again::toString);
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));

        Api.Reply notARoster = admin.postBytes("/api/v1/beneficiaries/import", "text/csv",
                "hello world".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, notARoster.status(), notARoster::toString);
        Api.Reply clerkImports = clerk.postBytes("/api/v1/beneficiaries/import", "text/csv", utf8);
        assertEquals(403, clerkImports.status(), clerkImports::toString);

        // the size of 沂源's roster: not a timed assertion, the figure is printed for the issue note
        StringBuilder big = new StringBuilder("身份证号,姓名,县区代码,户编号,人员类别,类别起始日期\n");
        for (int i = 0; i < 35_000; i++) {
            String first17 = "370323" + (1950 + i / 1000) + "0101" + String.format("%03d", i % 1000);
            big.append(first17).append(IdNumbers.checkCharacter(first17)).append(",名").append(i)
                    .append(",370323,R-").append(i).append(",DIBAO,2020-01-01\n");
        }
        long start = System.nanoTime();
        Api.Reply imported = admin.postBytes("/api/v1/beneficiaries/import?fileName=big.csv", "text/csv",
                big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, imported.status(), imported::toString);
        System.out.printf("ROSTER IMPORT: %d persons in %.2f s (created %d, updated %d, unchanged %d)%n",
                imported.json().getInt("persons"), seconds, imported.json().getInt("created"),
                imported.json().getInt("updated"), imported.json().getInt("unchanged"));
    }

    /** The import refuses, row by row, persons of a county this installation does not serve (yidan.counties). */
    @Test
    void aRosterImportRefusesPersonsOfACountyNotServed() {
        String served = "370323" + "19520202" + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        String unserved = "110101" + "19520202" + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        served += IdNumbers.checkCharacter(served);
        unserved += IdNumbers.checkCharacter(unserved);
        String roster = "身份证号,姓名,县区代码,户编号,人员类别,类别起始日期\n"
                + served + ",本县人,370323,S-1,DIBAO,2020-01-01\n"
                + unserved + ",外县人,110101,S-2,DIBAO,2020-01-01\n";
        Api.Reply imported = admin.postBytes("/api/v1/beneficiaries/import?fileName=counties.csv", "text/csv",
                roster.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, imported.status(), imported::toString);
        JsonObject counts = imported.json();
        assertEquals(1, counts.getInt("persons"), counts::toString);
        assertEquals(1, counts.getInt("invalidRows"), counts::toString);
        JsonObject error = counts.getJsonArray("errors").getJsonObject(0);
        assertEquals(3, error.getInt("line"), counts::toString);
        assertEquals("县区代码", error.getString("column"));
        assertTrue(error.getString("reason").contains("110101"), counts::toString);
        assertEquals(200, admin.get("/api/v1/beneficiaries/" + served).status());
        assertEquals(404, admin.get("/api/v1/beneficiaries/" + unserved).status(), "nothing stored of the other county");
    }

    @Test
    void settlementsAndReversalsAreInTheAppendOnlyAuditTrail() throws SQLException {
        String id = registerDibaoPerson("370323");
        String receipt = settle(bill(id, "2020-05-10", "1000.00", "800.00", "400")).json().getString("receiptNo");
        assertEquals(200, auditor.post("/api/v1/settlements/" + receipt + "/reversal", "{\"reason\": \"录入错误\"}")
                .status());
        assertEquals(1, countRows("select count(*) from audit_event where action = 'SETTLE' and target = '" + receipt
                + "' and username = 'demo-clerk' and outcome = 'SUCCESS'"));
        assertEquals(1, countRows("select count(*) from audit_event where action = 'REVERSE' and target = '" + receipt
                + "' and username = 'demo-auditor' and detail = '录入错误'"));
        try (Connection db = database(); Statement sql = db.createStatement()) {
            for (String tampering : List.of("update audit_event set username = 'someone-else'",
                    "delete from audit_event", "truncate audit_event")) {
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> sql.execute(tampering), tampering);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
    }

    /**
     * The receipt prints the categories the person held on the discharge date, as stored with the settlement: a
     * later change in the registry never changes a reprint (it read today's registry before).
     */
    @Test
    void aReprintKeepsTheCategoriesHeldOnTheDischargeDate() throws SQLException {
        String id = registerDibaoPerson("370323");
        String receipt = settle(bill(id, "2020-05-10", "1000.00", "800.00", "400")).json().getString("receiptNo");
        Api.Reply changed = admin.put("/api/v1/beneficiaries/" + id, """
                {"name": "张三", "county": "370323", "householdId": "H-0001",
                 "categories": [{"code": "TEKUN", "from": "2015-01-01", "to": null}],
                 "standardTags": ["NATIONAL"], "chronicDiseases": []}
                """);
        assertEquals(200, changed.status(), changed::toString);

        String printed = pdfText(clerk.getBytes("/api/v1/settlements/" + receipt + "/receipt.pdf").body());
        assertTrue(printed.contains("低保"), printed);
        assertFalse(printed.contains("特困"), printed);
        assertEquals(1, countRows("select count(*) from settlement where receipt_no = '" + receipt
                + "' and person_categories = 'DIBAO' and jsonb_typeof(request_json) = 'object'"
                + " and request_json ->> 'idNumber' = '" + id + "'"));
        try (Connection db = database(); Statement sql = db.createStatement()) {
            for (String wrong : List.of("visit_type = 'DAYCARE'", "hospital_level = 'CLINIC'")) {
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> sql.execute("update settlement set " + wrong + " where receipt_no = '" + receipt + "'"));
                assertEquals("23514", refused.getSQLState(), refused.getMessage());
            }
        }
    }

    @Test
    void thePolicyEndpointShowsTheResolvedParametersAndFingerprint() {
        Api.Reply policy = clerk.get("/api/v1/policies/370323/2020");
        assertEquals(200, policy.status(), policy::toString);
        JsonObject json = policy.json();
        assertEquals(64, json.getString("fingerprint").length());
        assertTrue(json.getJsonArray("rules").size() >= 7, json::toString);
        assertEquals(404, clerk.get("/api/v1/policies/370323/1999").status());
    }

    // --- helpers ---

    /** Applies the members of {@code change} to {@code body}; a change that is not JSON replaces the body. */
    static String merge(String body, String change) {
        if (change.startsWith("[") || !change.trim().endsWith("}")) {
            return change;
        }
        JsonObject original = jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
        JsonObject patch = jakarta.json.Json.createReader(new java.io.StringReader(change)).readObject();
        var merged = jakarta.json.Json.createObjectBuilder(original);
        patch.forEach((name, value) -> {
            if (!name.equals("idempotencyKey")) {
                merged.add(name, value);
            }
        });
        return merged.build().toString();
    }

    static List<Api.Reply> inParallel(int count, java.util.function.IntFunction<Api.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    static String pdfText(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError("not a readable PDF", unreadable);
        }
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
    }

    static long countRows(String query) {
        return sum(query).longValue();
    }

    static BigDecimal sum(String query) {
        try (Connection db = database(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getBigDecimal(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
