package org.yidan.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.EmbeddedDatabaseSession;
import org.yidan.platform.ApiFixture;
import org.yidan.platform.PersonIds;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The policy what-if and the watch through the REST contract, in Payara Micro against PostgreSQL. All in 会宁
 * (620422) 2018, which no other IT settles in, each test in its own months: what-if January to June, risk July to
 * September, compliance October to December. arquillian.xml sets 会宁's risk threshold (5,000) and ratio ceiling (0.90).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WhatIfAndWatchIT extends ApiFixture {

    private static final String COUNTY = "620422";
    private static final PersonIds PERSON_IDS = new PersonIds("19600101", 700);

    Api analyst;

    @BeforeEach
    void clients() {
        analyst = demoUser("demo-analyst");
    }

    private String registerPoorPerson() {
        return register(PERSON_IDS.next(COUNTY), """
                {"name": "王五", "county": "%s", "householdId": "H-620422",
                 "categories": [{"code": "REGISTERED_POOR", "from": "2016-01-01", "to": null}],
                 "standardTags": [], "chronicDiseases": []}
                """.formatted(COUNTY));
    }

    private JsonObject settle(String id, String hospital, String visitType, String admitted, String discharged,
                              String total, String scope, String basic) {
        Api.Reply reply = clerk.post("/api/v1/settlements", """
                {"idNumber": "%s", "hospital": {"code": "%s", "level": "COUNTY", "inCounty": true},
                 "visitType": "%s", "admissionDate": "%s", "dischargeDate": "%s",
                 "totalAmount": %s, "policyScopeAmount": %s, "specialDrugAmount": 0,
                 "externalPayments": {"BASIC": %s}}
                """.formatted(id, hospital, visitType, admitted, discharged, total, scope, basic),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private static BigDecimal amount(JsonObject json, String name) {
        return json.getJsonNumber(name).bigDecimalValue();
    }

    private JsonObject waitUntilDone(Api api, long id) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            JsonObject simulation = api.get("/api/v1/simulations/" + id).json();
            String status = simulation.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return simulation;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("simulation " + id + " did not finish");
    }

    private long start(Api api, String overrides) {
        Api.Reply started = api.post("/api/v1/simulations", """
                {"county": "620422", "year": 2018, "from": "2018-01-01", "to": "2018-06-30", "overrides": %s}
                """.formatted(overrides));
        assertEquals(202, started.status(), started::toString);
        return started.json().getJsonNumber("id").longValue();
    }

    @Test
    void whatIfReplaysTheStoredBillsAndADraftChangesOnlyWhatItShould() throws InterruptedException, java.io.IOException {
        String p1 = registerPoorPerson();
        String p2 = registerPoorPerson();
        // 会宁 assistance-backstop: scope left after basic, above 3,000 a year, paid in full
        JsonObject[] settled = {
                settle(p1, "H620422001", "INPATIENT", "2018-01-02", "2018-01-10", "12000", "10000", "5000"),
                settle(p2, "H620422001", "INPATIENT", "2018-02-02", "2018-02-10", "5000", "4000", "2000"),
                settle(p1, "H620422002", "INPATIENT", "2018-03-02", "2018-03-10", "3000", "2000", "1000"),
                settle(p1, "H620422001", "OUTPATIENT_CHRONIC", "2018-04-02", "2018-04-02", "800", "800", "400")};
        BigDecimal funds = BigDecimal.ZERO;
        BigDecimal selfPay = BigDecimal.ZERO;
        for (JsonObject settlement : settled) {
            funds = funds.add(amount(settlement, "fundTotal"));
            selfPay = selfPay.add(amount(settlement, "selfPay"));
        }

        assertEquals(403, clerk.post("/api/v1/simulations", "{\"county\": \"620422\", \"year\": 2018}").status());
        JsonObject unchanged = waitUntilDone(analyst, start(analyst, "{}"));
        assertEquals("DONE", unchanged.getString("status"), unchanged::toString);
        JsonObject baseline = unchanged.getJsonObject("baseline");
        assertEquals(baseline, unchanged.getJsonObject("draft"));
        // the replay of a fresh year equals what was actually settled for the same bills
        assertEquals(4, baseline.getInt("settlements"));
        assertEquals(2, baseline.getInt("persons"));
        assertEquals(funds, amount(baseline, "fundTotal"));
        assertEquals(selfPay, amount(baseline, "selfPay"));
        assertEquals(0, amount(unchanged.getJsonObject("difference"), "fundTotal").signum());
        // the targets are the report's: the same keys read by the same reader, measured alike on the same bills
        Api.Reply report = admin.get("/api/v1/reports/summary?county=620422&from=2018-01-01&to=2018-06-30");
        assertEquals(200, report.status(), report::toString);
        JsonArray reportTargets = report.json().getJsonArray("targets");
        assertEquals(reportTargets, baseline.getJsonArray("targets"));
        assertEquals(Set.of("visitType:OUTPATIENT_CHRONIC", "all"), Set.of(
                reportTargets.getJsonObject(0).getString("slice"), reportTargets.getJsonObject(1).getString("slice")));
        assertTrue(reportTargets.stream().allMatch(target -> !target.asJsonObject().isNull("met")),
                "each target measured: " + reportTargets);
        assertTrue(unchanged.getBoolean("targetsConfigured"));

        // lowering the backstop's deductible to 2,000: p1's first stay gets 1,000 more; p2's 2,000 stays at zero
        JsonObject lower = waitUntilDone(admin, start(admin,
                "{\"rule.assistance-backstop.segments\": \"0-2000:0, 2000-:1.00\"}"));
        JsonObject difference = lower.getJsonObject("difference");
        assertEquals(new BigDecimal("1000.00"), difference.getJsonObject("funds").getJsonNumber("ASSISTANCE")
                .bigDecimalValue());
        assertEquals(0, difference.getJsonObject("funds").getJsonNumber("BASIC").bigDecimalValue().signum());
        assertEquals(0, difference.getJsonObject("funds").getJsonNumber("CRITICAL").bigDecimalValue().signum());
        assertEquals(new BigDecimal("-1000.00"), amount(difference, "selfPay"));
        assertEquals(1, lower.getJsonObject("draft").getInt("betterOff"));
        JsonArray changes = lower.getJsonArray("largestChanges");
        assertEquals(1, changes.size());
        assertEquals(IdNumbers.mask(p1), changes.getJsonObject(0).getString("idNumber"));
        long id = lower.getJsonNumber("id").longValue();
        String draft = analyst.get("/api/v1/simulations/" + id + "/draft.properties").body();
        assertTrue(draft.contains("yidan.policy.620422.2019.rule.assistance-backstop.segments = 0-2000:0, 2000-:1.00"),
                draft);
        HttpResponse<byte[]> xlsx = analyst.getBytes("/api/v1/simulations/" + id + "/result.xlsx");
        assertEquals(200, xlsx.statusCode());
        assertEquals("PK", new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            // rows named as the screen names them (they read "settlements", "TEKUN", "true")
            assertEquals("结算人次 settlements", book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
            for (org.apache.poi.ss.usermodel.Row row : book.getSheet("目标 targets")) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    assertFalse(List.of("true", "false", "FLOOR", "CEILING").contains(text.formatCellValue(cell)),
                            "targets row " + row.getRowNum());
                }
            }
        }
        assertEquals(409, analyst.post("/api/v1/simulations/" + id + "/cancellation", "{}").status());

        Api.Reply invalid = analyst.post("/api/v1/simulations", """
                {"county": "620422", "year": 2018, "overrides": {"rule.assistance-backstop.segments": "0-2000:0, 2500-:1",
                 "rule.nonexistent.cap": "5"}}""");
        assertEquals(422, invalid.status(), invalid::toString);
        assertEquals("INVALID_POLICY", invalid.json().getString("code"));
        Set<String> fields = new HashSet<>();
        invalid.json().getJsonArray("errors").forEach(error -> fields.add(error.asJsonObject().getString("field")));
        assertEquals(Set.of("yidan.policy.620422.2018.rule.assistance-backstop.segments",
                "yidan.policy.620422.2018.rule.nonexistent.cap"), fields);
    }

    /**
     * A restart takes the executor's task with it: the row says RUNNING and nothing would ever end it. Such a row (its
     * last heartbeat five minutes old, as a server stopped then leaves it) ends as interrupted when read, with the
     * reason in Chinese; a row whose server still beats goes on; the interrupted draft runs again.
     */
    @Test
    void aRunWhoseServerIsGoneEndsAsInterruptedAndRunsAgain() throws Exception {
        long gone;
        long alive;
        try (Connection db = DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
             PreparedStatement insert = db.prepareStatement("insert into simulation (county, policy_year,"
                     + " period_from, period_to, overrides_json, draft_properties, status, progress, created_by,"
                     + " created_at, heartbeat_at) values ('620422', 2018, date '2018-01-01', date '2018-06-30',"
                     + " '{\"rule.assistance-backstop.segments\":\"0-2000:0, 2000-:1.00\"}', '', 'RUNNING', 0.4,"
                     + " 'demo-analyst', now() - interval '10 minutes', now() - cast(? as interval)) returning id")) {
            insert.setString(1, "5 minutes");
            gone = insertedId(insert);
            insert.setString(1, "5 seconds");
            alive = insertedId(insert);
        }
        JsonObject interrupted = analyst.get("/api/v1/simulations/" + gone).json();
        assertEquals("FAILED", interrupted.getString("status"), interrupted::toString);
        assertTrue(interrupted.getString("failure").startsWith("测算中断"), interrupted::toString);
        assertTrue(interrupted.isNull("draft"), "nothing kept: " + interrupted);
        assertEquals("RUNNING", analyst.get("/api/v1/simulations/" + alive).json().getString("status"));
        assertEquals(200, analyst.post("/api/v1/simulations/" + alive + "/cancellation", "{}").status());
        assertEquals(409, analyst.post("/api/v1/simulations/" + gone + "/cancellation", "{}").status());

        // running it again: the same county-year, period and overrides, as GET gives them
        Api.Reply again = analyst.post("/api/v1/simulations", Json.createObjectBuilder()
                .add("county", interrupted.getString("county")).add("year", interrupted.getInt("year"))
                .add("from", interrupted.getString("from")).add("to", interrupted.getString("to"))
                .add("overrides", interrupted.getJsonObject("overrides")).build().toString());
        assertEquals(202, again.status(), again::toString);
        JsonObject rerun = waitUntilDone(analyst, again.json().getJsonNumber("id").longValue());
        assertEquals("DONE", rerun.getString("status"), rerun::toString);
    }

    private static long insertedId(PreparedStatement insert) throws Exception {
        try (ResultSet id = insert.executeQuery()) {
            id.next();
            return id.getLong(1);
        }
    }

    @Test
    void theSettlementThatCrossesTheThresholdFlagsThePersonAndItsReversalClearsIt() {
        String person = registerPoorPerson();
        // self-pay 3,000, then 3,500: 6,500 in 2018 passes 会宁's threshold of 5,000 at the second settlement
        settle(person, "H620422001", "INPATIENT", "2018-07-02", "2018-07-10", "5000", "4000", "2000");
        assertTrue(riskCase(person, null) == null, "not flagged under the threshold");
        JsonObject second = settle(person, "H620422001", "INPATIENT", "2018-08-02", "2018-08-10", "4000", "1000", "500");
        JsonObject flagged = riskCase(person, "NEW");
        assertEquals(second.getString("receiptNo"), flagged.getString("flaggedBy"));
        assertEquals(new BigDecimal("6500.00"), amount(flagged, "selfPay"));
        assertEquals(new BigDecimal("5000.00"), amount(flagged, "threshold"));
        assertEquals(2018, flagged.getInt("year"));
        long id = flagged.getJsonNumber("id").longValue();

        Api.Reply skipping = auditor.post("/api/v1/watch/risk/" + id + "/transition",
                "{\"status\": \"CLOSED\", \"note\": \"直接关闭\"}");
        assertEquals(409, skipping.status(), skipping::toString);
        assertEquals("INVALID_TRANSITION", skipping.json().getString("code"));
        assertEquals(422, auditor.post("/api/v1/watch/risk/" + id + "/transition",
                "{\"status\": \"UNDER_REVIEW\"}").status());
        Api.Reply review = auditor.post("/api/v1/watch/risk/" + id + "/transition",
                "{\"status\": \"UNDER_REVIEW\", \"note\": \"入户核查\"}");
        assertEquals(200, review.status(), review::toString);
        JsonArray steps = review.json().getJsonArray("steps");
        assertEquals("UNDER_REVIEW", steps.getJsonObject(1).getString("to"));
        assertEquals("demo-auditor", steps.getJsonObject(1).getString("by"));
        assertEquals("入户核查", steps.getJsonObject(1).getString("note"));

        Api.Reply reversed = auditor.post("/api/v1/settlements/" + second.getString("receiptNo") + "/reversal",
                "{\"reason\": \"重复结算\"}");
        assertEquals(200, reversed.status(), reversed::toString);
        JsonObject cleared = riskCase(person, "CLEARED");
        assertEquals(new BigDecimal("3000.00"), amount(cleared, "selfPay"));
        assertTrue(riskCase(person, "UNDER_REVIEW") == null);

        // a clerk has no work list
        assertEquals(403, clerk.get("/api/v1/watch/risk?county=620422&year=2018").status());
    }

    private JsonObject riskCase(String person, String status) {
        Api.Reply list = auditor.get("/api/v1/watch/risk?county=620422&year=2018"
                + (status == null ? "" : "&status=" + status));
        assertEquals(200, list.status(), list::toString);
        JsonArray cases = Json.createReader(new StringReader(list.body())).readArray();
        return cases.stream().map(value -> value.asJsonObject())
                .filter(risk -> risk.getString("idNumber").equals(person)).findFirst().orElse(null);
    }

    @Test
    void eachComplianceRuleFindsItsPlantedCaseAndNothingElse() {
        String zero = registerPoorPerson();
        String high = registerPoorPerson();
        String split = registerPoorPerson();
        String costly = registerPoorPerson();
        String z = settle(zero, "H620422001", "OUTPATIENT_CHRONIC", "2018-10-03", "2018-10-03", "1000", "1000", "1000")
                .getString("receiptNo");
        String r = settle(high, "H620422001", "OUTPATIENT_CHRONIC", "2018-10-04", "2018-10-04", "1000", "1000", "950")
                .getString("receiptNo");
        settle(split, "H620422001", "INPATIENT", "2018-10-01", "2018-10-05", "3000", "2000", "1000");
        String m = settle(split, "H620422001", "INPATIENT", "2018-10-12", "2018-10-15", "3000", "2000", "1000")
                .getString("receiptNo");
        // 30,000 a stay against the county's (3,000 + 3,000 + 30,000) / 3 = 12,000 × 2 (the default factor)
        String h = settle(costly, "H620422009", "INPATIENT", "2018-11-01", "2018-11-10", "30000", "2000", "1000")
                .getString("receiptNo");

        Api.Reply list = auditor.get("/api/v1/watch/compliance?county=620422&from=2018-10-01&to=2018-12-31");
        assertEquals(200, list.status(), list::toString);
        Set<String> found = new HashSet<>();
        Json.createReader(new StringReader(list.body())).readArray().forEach(value -> found.add(
                value.asJsonObject().getString("receiptNo") + ":" + value.asJsonObject().getString("rule")));
        assertEquals(Set.of(z + ":ZERO_SELF_PAY", z + ":RATIO_ABOVE_CEILING", r + ":RATIO_ABOVE_CEILING",
                m + ":READMISSION", h + ":HOSPITAL_COST"), found);

        Api.Reply readmissions = auditor.get("/api/v1/watch/compliance?county=620422&from=2018-10-01&to=2018-12-31"
                + "&rule=READMISSION");
        assertTrue(readmissions.body().contains("同一医院"), readmissions::toString);
        Api.Reply exported = auditor.get("/api/v1/watch/compliance?county=620422&from=2018-10-01&to=2018-12-31",
                "Accept", "text/csv");
        assertEquals(200, exported.status(), exported::toString);
        assertTrue(exported.body().contains(h + ",HOSPITAL_COST"), exported::toString);
        assertEquals(422, auditor.get("/api/v1/watch/compliance?county=620422&from=2018-13-01&to=2018-12-31")
                .status());
    }
}
