package org.yidan.ui;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.Deployments;
import org.yidan.platform.EmbeddedDatabaseSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reports and public disclosure (公示) through REST, the reports screen with its charts and the public pages in a
 * real headless Chromium. The database is shared with the other integration tests, so each figure is checked
 * against an independent plain SQL sum over the same filter, and this test's own settlements against the
 * difference they make.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsDisclosureIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);
    private static final Pattern FULL_ID = Pattern.compile("[1-9]\\d{5}(18|19|20)\\d{2}[01]\\d[0-3]\\d{4}[\\dXx]");
    private static final String COUNTY = "370323";
    private static final String MONTH = "2020-11";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;

    Api anonymous;
    Api admin;
    Api clerk;
    Api auditor;

    @BeforeEach
    void clients() {
        anonymous = new Api(base);
        admin = anonymous.as("demo-admin", "demo-admin");
        clerk = anonymous.as("demo-clerk", "demo-clerk");
        auditor = anonymous.as("demo-auditor", "demo-auditor");
    }

    String register(String name, String categories, String tags) {
        return register(name, categories, tags, null);
    }

    String register(String name, String categories, String tags, String township) {
        String first17 = COUNTY + "19620815" + String.format("%03d", SEQUENCE.incrementAndGet());
        String id = first17 + IdNumbers.checkCharacter(first17);
        assertEquals(201, putPerson(id, name, categories, tags, township));
        return id;
    }

    /** Registers or replaces a person; the status of the PUT. */
    int putPerson(String id, String name, String categories, String tags, String township) {
        Api.Reply put = admin.put("/api/v1/beneficiaries/" + id, """
                {"name": "%s", "county": "%s", "householdId": "H-RPT", "categories": [%s],
                 "standardTags": [%s], "chronicDiseases": [], "township": %s}
                """.formatted(name, COUNTY, categories, tags, township == null ? "null" : "\"" + township + "\""));
        assertTrue(put.status() == 200 || put.status() == 201, put::toString);
        return put.status();
    }

    void coverage(String id, int year, boolean insured) {
        Api.Reply put = admin.put("/api/v1/beneficiaries/" + id + "/coverage/" + year, insured
                ? "{\"insured\": true, \"since\": \"" + year + "-01-01\", \"scheme\": \"城乡居民医保\","
                + " \"subsidyCategory\": \"DIBAO\", \"subsidyAmount\": 180}"
                : "{\"insured\": false}");
        assertTrue(put.status() == 200 || put.status() == 201, put::toString);
    }

    static JsonObject row(JsonArray rows, String key, String value) {
        return rows.getValuesAs(JsonObject.class).stream().filter(r -> !r.isNull(key) && value.equals(r.getString(key)))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key + " = " + value + " in " + rows));
    }

    JsonObject settle(String id, String visitType, String discharge, String total, String scope, String basic,
                      boolean inCounty) {
        Api.Reply reply = clerk.post("/api/v1/settlements", """
                {"idNumber": "%s", "hospital": {"code": "H370323009", "level": "COUNTY", "inCounty": %s},
                 "visitType": "%s", "admissionDate": "%s", "dischargeDate": "%s",
                 "totalAmount": %s, "policyScopeAmount": %s, "specialDrugAmount": 0,
                 "externalPayments": {"BASIC": %s}}
                """.formatted(id, inCounty, visitType, discharge, discharge, total, scope, basic),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    void reverse(JsonObject settlement) {
        Api.Reply reply = auditor.post("/api/v1/settlements/" + settlement.getString("receiptNo") + "/reversal",
                "{\"reason\": \"报表测试冲销\"}");
        assertEquals(200, reply.status(), reply::toString);
    }

    static BigDecimal line(JsonObject settlement, String fund) {
        return settlement.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> fund.equals(l.getString("fund"))).map(l -> l.getJsonNumber("amount").bigDecimalValue())
                .findFirst().orElse(BigDecimal.ZERO);
    }

    static BigDecimal number(JsonObject json, String name) {
        return json.getJsonNumber(name).bigDecimalValue();
    }

    JsonObject summary(String county, String from, String to) {
        Api.Reply reply = auditor.get("/api/v1/reports/summary?county=" + county + "&from=" + from + "&to=" + to);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
    }

    /** The same filter as a plain SQL sum, written independently of the report's GROUPING SETS query. */
    static Map<String, BigDecimal> plainSums(String county, String from, String to) throws SQLException {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        try (Connection db = database()) {
            try (PreparedStatement s = db.prepareStatement("select count(*), coalesce(sum(total_amount), 0),"
                    + " coalesce(sum(fund_total), 0), coalesce(sum(self_pay), 0), count(distinct id_number)"
                    + " from settlement where status = 'SETTLED' and county = ? and discharge_date between ?::date and ?::date")) {
                s.setString(1, county);
                s.setString(2, from);
                s.setString(3, to);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    sums.put("settlements", r.getBigDecimal(1));
                    sums.put("totalAmount", r.getBigDecimal(2));
                    sums.put("fundTotal", r.getBigDecimal(3));
                    sums.put("selfPay", r.getBigDecimal(4));
                    sums.put("persons", r.getBigDecimal(5));
                }
            }
            try (PreparedStatement s = db.prepareStatement("select l.fund, sum(l.amount) from settlement s join"
                    + " settlement_line l using (receipt_no) where s.status = 'SETTLED' and s.county = ?"
                    + " and s.discharge_date between ?::date and ?::date group by l.fund")) {
                s.setString(1, county);
                s.setString(2, from);
                s.setString(3, to);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sums.put("fund:" + r.getString(1), r.getBigDecimal(2));
                    }
                }
            }
        }
        return sums;
    }

    static long count(String sql) throws SQLException {
        try (Connection db = database(); ResultSet r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void summaryTotalsEqualThePlainSumOfTheSettlementsAndCountEachCategoryOfAPerson() throws Exception {
        String from = "2020-10-01";
        String to = "2020-10-31";
        JsonObject before = summary(COUNTY, from, to);
        String township = "报表镇" + SEQUENCE.incrementAndGet();
        String singleDibao = "{\"code\": \"DIBAO\", \"from\": \"2020-01-01\", \"to\": null}";
        String single = register("李报表", singleDibao, "\"NATIONAL\"", township);
        String twoCategories = register("王双类", "{\"code\": \"DIBAO\", \"from\": \"2020-01-01\", \"to\": null},"
                + " {\"code\": \"REGISTERED_POOR\", \"from\": \"2020-01-01\", \"to\": null}", "\"PROVINCIAL\"", township);
        coverage(single, 2020, true);
        coverage(twoCategories, 2020, false);
        List<JsonObject> kept = List.of(
                settle(single, "INPATIENT", "2020-10-05", "60000.00", "50000.00", "30000.00", true),
                settle(twoCategories, "INPATIENT", "2020-10-12", "20000.00", "18000.00", "9000.00", false),
                settle(twoCategories, "OUTPATIENT_CHRONIC", "2020-10-20", "800.00", "800.00", "400.00", true));
        JsonObject reversed = settle(single, "INPATIENT", "2020-10-25", "9000.00", "9000.00", "4000.00", true);
        reverse(reversed);
        // the registry changes the person's standard tag after the settlements: past reports must not follow it
        assertEquals(200, putPerson(single, "李报表", singleDibao, "\"MUNICIPAL\"", township));
        JsonObject after = summary(COUNTY, from, to);

        // the tags as they stood at booking: 国标 gains the kept settlement of 李报表, 市标 nothing
        assertEquals(tagSettlements(before, "NATIONAL") + 1, tagSettlements(after, "NATIONAL"), "国标 as booked");
        assertEquals(tagSettlements(before, "PROVINCIAL") + 2, tagSettlements(after, "PROVINCIAL"));
        assertEquals(tagSettlements(before, "MUNICIPAL"), tagSettlements(after, "MUNICIPAL"),
                "a later tag change does not rewrite the report");
        // the township the journal booked: this test's township holds exactly its three kept settlements
        JsonObject town = row(after.getJsonArray("byTownship"), "township", township);
        assertEquals(3, town.getInt("settlements"));
        assertEquals(2, town.getInt("persons"));
        assertEquals(0, new BigDecimal("80800.00").compareTo(number(town, "totalAmount")));
        assertEquals(township, town.getString("name"));
        // the coverage rate of the year by township and by category (参保率)
        JsonObject coverage = after.getJsonObject("coverage");
        assertEquals(2020, coverage.getInt("year"));
        JsonObject covered = row(coverage.getJsonArray("byTownship"), "township", township);
        assertEquals(2, covered.getInt("persons"));
        assertEquals(1, covered.getInt("insured"));
        assertEquals(1, covered.getInt("uninsured"));
        assertEquals(new BigDecimal("0.5000"), number(covered, "rate"));
        JsonObject poor = row(coverage.getJsonArray("byCategory"), "category", "REGISTERED_POOR");
        assertEquals("建档立卡/脱贫享受政策人员", poor.getString("name"), "the category's Chinese name");
        assertTrue(poor.getInt("persons") >= 1 && poor.getInt("uninsured") >= 1, poor::toString);

        // the summary's totals equal the ledger's (台账) for the same filter: a whole month of fee months
        JsonObject ledger = auditor.get("/api/v1/ledger?county=" + COUNTY + "&from=2020-10&to=2020-10&size=1").json()
                .getJsonObject("totals");
        for (String total : List.of("totalAmount", "policyScopeAmount", "fundTotal", "selfPay")) {
            assertEquals(0, number(ledger, total).compareTo(number(after, total)), "ledger " + total);
        }
        for (String fund : ledger.getJsonObject("funds").keySet()) {
            assertEquals(0, number(ledger.getJsonObject("funds"), fund).compareTo(number(after.getJsonObject("funds"), fund)),
                    "ledger fund " + fund);
        }

        // this test's settlements make exactly their difference; the reversed one none
        assertEquals(before.getInt("settlements") + 3, after.getInt("settlements"));
        for (String fund : List.of("BASIC", "CRITICAL", "ASSISTANCE", "HOSPITAL_REDUCTION", "COMMERCIAL", "RE_ASSISTANCE")) {
            BigDecimal mine = kept.stream().map(s -> line(s, fund)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, number(before.getJsonObject("funds"), fund).add(mine)
                    .compareTo(number(after.getJsonObject("funds"), fund)), fund);
        }
        // and every total equals a plain sum over the same filter
        Map<String, BigDecimal> plain = plainSums(COUNTY, from, to);
        assertEquals(plain.get("settlements").intValue(), after.getInt("settlements"));
        assertEquals(plain.get("persons").intValue(), after.getInt("persons"));
        for (String total : List.of("totalAmount", "fundTotal", "selfPay")) {
            assertEquals(0, plain.get(total).compareTo(number(after, total)), total);
        }
        for (Map.Entry<String, BigDecimal> fund : plain.entrySet()) {
            if (fund.getKey().startsWith("fund:")) {
                assertEquals(0, fund.getValue().compareTo(number(after.getJsonObject("funds"),
                        fund.getKey().substring(5))), fund.getKey());
            }
        }
        BigDecimal funds = after.getJsonObject("funds").values().stream()
                .map(v -> ((jakarta.json.JsonNumber) v).bigDecimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, funds.compareTo(number(after, "fundTotal")));
        // ratios: fund total over total, four decimals
        assertEquals(number(after, "fundTotal").divide(number(after, "totalAmount"), 4, java.math.RoundingMode.HALF_UP),
                number(after, "actualRatio"));
        assertTrue(Pattern.compile("\"actualRatio\":0\\.\\d{4}[,}]").matcher(
                auditor.get("/api/v1/reports/summary?county=" + COUNTY + "&from=" + from + "&to=" + to).body()).find());

        // the person with two categories counts under both: the category rows add up to more, and say why
        JsonArray byCategory = after.getJsonArray("byCategory");
        int counted = byCategory.getValuesAs(JsonObject.class).stream().mapToInt(c -> c.getInt("settlements")).sum();
        assertTrue(counted > after.getInt("settlements"), "a person with two categories is counted under each");
        assertEquals(counted, after.getJsonObject("categoryNote").getInt("settlementsCounted"));
        assertTrue(after.getJsonObject("categoryNote").getString("explanation").contains("two"));
        int poorBefore = settlementsOf(before.getJsonArray("byCategory"), "category", "REGISTERED_POOR");
        assertEquals(poorBefore + 2, settlementsOf(byCategory, "category", "REGISTERED_POOR"));
        // the single-valued breakdowns add up to the total
        for (String breakdown : List.of("byVisitType", "byHospitalLevel", "byMonth", "byHospital", "byTownship")) {
            assertEquals(after.getInt("settlements"), after.getJsonArray(breakdown).getValuesAs(JsonObject.class)
                    .stream().mapToInt(c -> c.getInt("settlements")).sum(), breakdown);
        }
        long inCounty = count("select count(*) from settlement where status = 'SETTLED' and county = '" + COUNTY
                + "' and discharge_date between '" + from + "' and '" + to + "' and hospital_in_county");
        assertEquals(BigDecimal.valueOf(inCounty).divide(BigDecimal.valueOf(after.getInt("settlements")), 4,
                java.math.RoundingMode.HALF_UP), number(after, "inCountyShare"));
        // the default ceiling is there, and says it is a default
        JsonObject ceiling = after.getJsonArray("targets").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("name").contains("实际补偿比上限")).findFirst().orElseThrow();
        assertEquals("CEILING", ceiling.getString("bound"));
        assertEquals("default", ceiling.getString("source"));
        assertEquals(new BigDecimal("0.9000"), number(ceiling, "target"));
        assertEquals(number(ceiling, "actual").compareTo(new BigDecimal("0.90")) <= 0, ceiling.getBoolean("met"));

        // XLSX and PDF of the same summary
        HttpResponse<byte[]> xlsx = auditorBytes("/api/v1/reports/summary?county=" + COUNTY + "&from=" + from + "&to=" + to,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertTrue(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue().contains("沂源县"));
        }
        HttpResponse<byte[]> pdf = auditorBytes("/api/v1/reports/summary?county=" + COUNTY + "&from=" + from + "&to=" + to,
                "application/pdf");
        assertEquals(200, pdf.statusCode());
        String text = pdfText(pdf.body());
        assertTrue(text.contains("实际补偿比") && text.contains("按月份") && text.contains("按人员类别"), text);

        // a clerk may not read reports; a bad period is refused with a code
        assertEquals(403, clerk.get("/api/v1/reports/summary?county=" + COUNTY + "&from=" + from + "&to=" + to).status());
        Api.Reply bad = auditor.get("/api/v1/reports/summary?county=" + COUNTY + "&from=2020-13-01&to=" + to);
        assertEquals(422, bad.status());
        assertEquals("INVALID_PERIOD", bad.json().getString("code"));
        assertEquals("UNKNOWN_COUNTY", auditor.get("/api/v1/reports/summary?county=999999&from=" + from + "&to=" + to)
                .json().getString("code"));
    }

    @Test
    void huiningShowsItsChronicOutpatientFloorAndTheBackstop() {
        JsonObject huining = summary("620422", "2018-01-01", "2018-12-31");
        JsonObject chronic = huining.getJsonArray("targets").getValuesAs(JsonObject.class).stream()
                .filter(t -> "visitType:OUTPATIENT_CHRONIC".equals(t.getString("slice"))).findFirst().orElseThrow();
        assertEquals("FLOOR", chronic.getString("bound"));
        assertEquals(new BigDecimal("0.8500"), number(chronic, "target"));
        assertEquals("county", chronic.getString("source"));
        JsonObject backstop = huining.getJsonObject("backstop");
        assertEquals("assistance-backstop", backstop.getString("rule"));
        assertNotNull(huining.getJsonArray("budgets"));
    }

    @Test
    void theMonthlyReportIsKeptAsGeneratedAndRegeneratingAddsAnAuditedRevision() throws Exception {
        Api.Reply first = auditor.post("/api/v1/reports/monthly/" + COUNTY + "/2020-09/regeneration", "");
        assertEquals(201, first.status(), first::toString);
        int revision = first.json().getInt("revision");
        HttpResponse<byte[]> one = auditorBytes("/api/v1/reports/monthly/" + COUNTY + "/2020-09.pdf", "application/pdf");
        HttpResponse<byte[]> again = auditorBytes("/api/v1/reports/monthly/" + COUNTY + "/2020-09.pdf", "application/pdf");
        assertEquals(200, one.statusCode());
        assertArrayEquals(one.body(), again.body(), "the kept document, byte for byte");
        Api.Reply second = auditor.post("/api/v1/reports/monthly/" + COUNTY + "/2020-09/regeneration", "");
        assertEquals(revision + 1, second.json().getInt("revision"));
        assertEquals(2, count("select count(*) from audit_event where action = 'REPORT_REGENERATE' and target = '"
                + COUNTY + "/2020-09' and username = 'demo-auditor'") - (revision - 1));
        assertEquals(404, auditor.get("/api/v1/reports/monthly/" + COUNTY + "/2019-01.xlsx").status());
    }

    @Test
    void disclosureRowsEqualEachPersonsDisclosedFundsAndAPublishedListIsFrozen() throws Exception {
        String a = register("赵公示", "{\"code\": \"DIBAO\", \"from\": \"2020-01-01\", \"to\": null}", "");
        String b = register("钱二", "{\"code\": \"TEKUN\", \"from\": \"2020-01-01\", \"to\": null}", "");
        JsonObject a1 = settle(a, "INPATIENT", "2020-11-03", "60000.00", "50000.00", "30000.00", true);
        JsonObject a2 = settle(a, "INPATIENT", "2020-11-20", "12000.00", "10000.00", "5000.00", true);
        JsonObject b1 = settle(b, "INPATIENT", "2020-11-08", "30000.00", "28000.00", "14000.00", true);
        JsonObject b2 = settle(b, "INPATIENT", "2020-11-28", "8000.00", "8000.00", "4000.00", true);
        reverse(b2);

        Api.Reply drafted = auditor.post("/api/v1/disclosures", "{\"county\": \"" + COUNTY + "\", \"month\": \"" + MONTH + "\"}");
        assertEquals(201, drafted.status(), drafted::toString);
        JsonObject draft = drafted.json();
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(draft.getJsonArray("rows").size(), draft.getInt("persons"));
        JsonObject rowA = rowOf(draft, a);
        JsonObject rowB = rowOf(draft, b);
        assertEquals("赵*示", rowA.getString("name"));
        assertEquals("钱*", rowB.getString("name"));
        for (var person : List.of(Map.entry(rowA, List.of(a1, a2)), Map.entry(rowB, List.of(b1)))) {
            BigDecimal total = BigDecimal.ZERO;
            for (String fund : List.of("ASSISTANCE", "RE_ASSISTANCE")) {
                BigDecimal expected = person.getValue().stream().map(s -> line(s, fund)).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, expected.compareTo(number(person.getKey().getJsonObject("amounts"), fund)), fund);
                total = total.add(expected);
            }
            assertEquals(0, total.compareTo(number(person.getKey(), "total")));
        }
        // the list's total is the plain sum of the disclosed funds of the month's settled settlements
        Map<String, BigDecimal> plain = plainSums(COUNTY, "2020-11-01", "2020-11-30");
        assertEquals(0, plain.getOrDefault("fund:ASSISTANCE", BigDecimal.ZERO)
                .add(plain.getOrDefault("fund:RE_ASSISTANCE", BigDecimal.ZERO)).compareTo(number(draft, "total")));
        assertFalse(drafted.body().contains(a) || drafted.body().contains("赵公示"), "the draft is masked too");
        long id = draft.getJsonNumber("id").longValue();
        assertEquals(404, anonymous.get("/public/disclosures/" + id).status(), "a draft is not public");

        assertEquals("CONTACT_REQUIRED", auditor.post("/api/v1/disclosures/" + id + "/publication",
                "{\"from\": \"2020-12-01\", \"to\": \"2020-12-07\"}").json().getString("code"));
        Api.Reply published = auditor.post("/api/v1/disclosures/" + id + "/publication",
                "{\"from\": \"2020-12-01\", \"to\": \"2020-12-07\", \"contact\": \"沂源县医保局 0533-3241234\"}");
        assertEquals(200, published.status(), published::toString);
        assertEquals("PUBLISHED", published.json().getString("status"));
        assertEquals(409, auditor.post("/api/v1/disclosures/" + id + "/publication",
                "{\"from\": \"2020-12-01\", \"to\": \"2020-12-07\", \"contact\": \"x\"}").status());
        Api.Reply publicPage = anonymous.get("/public/disclosures/" + id);
        assertEquals(200, publicPage.status());

        // frozen: a later reversal changes neither the stored list nor its public page
        reverse(a2);
        JsonObject still = auditor.get("/api/v1/disclosures/" + id).json();
        assertEquals(number(draft, "total"), number(still, "total"));
        assertEquals(0, number(rowA, "total").compareTo(number(rowOf(still, a), "total")));
        try (Connection db = database()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () ->
                    db.createStatement().executeUpdate("update disclosure_row set total = 0 where disclosure_id = " + id));
            assertTrue(refused.getMessage().contains("frozen"), refused.getMessage());
        }
        // a draft made before a reversal can no longer be published: what was reviewed is not true any more
        long stale = auditor.post("/api/v1/disclosures", "{\"county\": \"" + COUNTY + "\", \"month\": \"" + MONTH + "\"}")
                .json().getJsonNumber("id").longValue();
        reverse(b1);
        Api.Reply outdated = auditor.post("/api/v1/disclosures/" + stale + "/publication",
                "{\"from\": \"2020-12-01\", \"to\": \"2020-12-07\", \"contact\": \"x\"}");
        assertEquals(409, outdated.status());
        assertEquals("DISCLOSURE_OUTDATED", outdated.json().getString("code"));

        assertEquals(422, auditor.post("/api/v1/disclosures/" + id + "/withdrawal", "{}").status());
        Api.Reply withdrawn = auditor.post("/api/v1/disclosures/" + id + "/withdrawal", "{\"reason\": \"金额更正\"}");
        assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
        assertEquals(1, count("select count(*) from audit_event where action = 'DISCLOSURE_PUBLISH' and target = 'disclosure/" + id + "'"));
        assertEquals(1, count("select count(*) from audit_event where action = 'DISCLOSURE_WITHDRAW' and target = 'disclosure/" + id + "'"));
        assertEquals(403, clerk.post("/api/v1/disclosures", "{\"county\": \"" + COUNTY + "\", \"month\": \"" + MONTH + "\"}").status());
        assertEquals("PERIOD_NOT_ENDED", auditor.post("/api/v1/disclosures", "{\"county\": \"" + COUNTY
                + "\", \"month\": \"2999-01\"}").json().getString("code"));
        assertEquals("UNKNOWN_TOWNSHIP", auditor.post("/api/v1/disclosures", "{\"county\": \"" + COUNTY
                + "\", \"month\": \"" + MONTH + "\", \"township\": \"不存在镇\"}").json().getString("code"));
    }

    static JsonObject rowOf(JsonObject list, String idNumber) {
        String masked = IdNumbers.mask(idNumber);
        List<JsonObject> rows = list.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> masked.equals(r.getString("idNumber"))).toList();
        assertEquals(1, rows.size(), "one row for " + masked);
        return rows.get(0);
    }

    @Test
    void noPublicPageShowsAFullNameOrIdNumberAndNoneCanChangeAnything() throws Exception {
        // something published, so that there is a list to read
        String p = register("孙公开示", "{\"code\": \"DIBAO\", \"from\": \"2020-01-01\", \"to\": null}", "");
        settle(p, "INPATIENT", "2020-12-04", "40000.00", "35000.00", "20000.00", true);
        long id = auditor.post("/api/v1/disclosures", "{\"county\": \"" + COUNTY + "\", \"month\": \"2020-12\"}")
                .json().getJsonNumber("id").longValue();
        assertEquals(200, auditor.post("/api/v1/disclosures/" + id + "/publication",
                "{\"from\": \"2021-01-04\", \"to\": \"2021-01-10\", \"contact\": \"沂源县医疗保障局 电话 0533-3241234\"}").status());

        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        try (Connection db = database(); ResultSet r = db.createStatement().executeQuery("select name, id_number from beneficiary")) {
            while (r.next()) {
                names.add(r.getString(1).strip());
                ids.add(r.getString(2).strip());
            }
        }
        Api.Reply index = anonymous.get("/public/disclosures");
        assertEquals(200, index.status());
        List<String> pages = new ArrayList<>(List.of("/public/disclosures"));
        Matcher links = Pattern.compile("href=\"disclosures/(\\d+)\"").matcher(index.body());
        while (links.find()) {
            pages.add("/public/disclosures/" + links.group(1));
            pages.add("/public/disclosures/" + links.group(1) + ".pdf");
        }
        assertTrue(pages.contains("/public/disclosures/" + id), pages::toString);
        for (String page : pages) {
            HttpResponse<byte[]> response = anonymous.getBytes(page);
            assertEquals(200, response.statusCode(), page);
            String text = page.endsWith(".pdf") ? pdfText(response.body()) : new String(response.body(), StandardCharsets.UTF_8);
            Matcher full = FULL_ID.matcher(text);
            assertFalse(full.find(), () -> page + " shows a full ID number " + full.group());
            for (String id18 : ids) {
                assertFalse(text.contains(id18), page + " shows " + id18);
            }
            for (String name : names) {
                if (name.codePointCount(0, name.length()) >= 2) {
                    assertFalse(text.contains(name), page + " shows the full name " + name);
                }
            }
            for (String forbidden : List.of("H370323009", "医院", "诊断", "HYPERTENSION")) {
                assertFalse(text.contains(forbidden), page + " shows " + forbidden);
            }
            // read-only, nothing else reachable, security headers, cacheable, no session
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"), page);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), page);
            assertTrue(response.headers().firstValue("Cache-Control").orElse("").startsWith("public, max-age="), page);
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), page + " starts a session");
            if (!page.endsWith(".pdf")) {
                Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(text);
                while (href.find()) {
                    assertTrue(href.group(1).matches("(\\.\\./disclosures|disclosures/\\d+|\\d+\\.pdf)"),
                            page + " links to " + href.group(1));
                }
                assertFalse(text.contains("<script") || text.contains("<form"), page);
            }
        }
        assertTrue(anonymous.get("/public/disclosures/" + id).body().contains("孙**示"));
        assertEquals(405, anonymous.post("/public/disclosures/" + id, "{}").status());
        assertEquals(404, anonymous.get("/public/disclosures/abc").status());
        assertEquals(302, anonymous.get("/settlement/history.xhtml").status(), "the screens still need a sign-in");
        assertEquals(401, anonymous.get("/api/v1/disclosures/" + id).status());
    }

    @Test
    void theReportsScreenDrawsItsChartsAndThePublicPagePrints() throws Exception {
        assumeTrue(Browser.installed(), "needs Debian's chromium and chromedriver");
        // a chronic outpatient visit in a second month, so that the stacked bars have two months
        String p = register("周图表", "{\"code\": \"DIBAO\", \"from\": \"2020-01-01\", \"to\": null}", "\"MUNICIPAL\"",
                "图表镇");
        coverage(p, 2020, true);
        String q = register("吴未保", "{\"code\": \"TEKUN\", \"from\": \"2020-01-01\", \"to\": null}", "", "图表镇");
        coverage(q, 2020, false);
        settle(p, "INPATIENT", "2020-08-14", "30000.00", "26000.00", "15000.00", false);
        try (Browser browser = new Browser(anonymous.root())) {
            browser.logIn("demo-auditor", "demo-auditor");
            browser.open("/reports/reports.xhtml");
            browser.choose("reportForm:county", "沂源县");
            // the screen opens on the county's latest policy year, which the demo's inherited copy makes this year:
            // the settlements of this test are in 2020
            browser.replace("reportForm:year_input", "2020");
            browser.click("reportForm:searchButton");
            browser.find("reportForm:fundsChart");
            Object datasets = browser.await(d -> browser.script("var c = document.querySelector("
                    + "\"[id='reportForm:fundsChart'] canvas\"); var chart = c && window.Chart && Chart.getChart(c);"
                    + " return chart && chart.data.datasets.length > 0 ? chart.data.datasets.length : null;"));
            assertTrue(((Number) datasets).intValue() >= 3, "stacked funds per month: " + datasets);
            Object months = browser.script("return Chart.getChart(document.querySelector(\"[id='reportForm:fundsChart']"
                    + " canvas\")).data.labels.join(',');");
            assertTrue(String.valueOf(months).contains("2020-08"), String.valueOf(months));
            Object targetLines = browser.script("return Chart.getChart(document.querySelector(\"[id='reportForm:categoryChart']"
                    + " canvas\")).data.datasets.map(function (d) { return d.label; }).join('|');");
            assertTrue(String.valueOf(targetLines).contains("上限 0.90"), String.valueOf(targetLines));
            Object painted = browser.script("var c = document.querySelector(\"[id='reportForm:fundsChart'] canvas\");"
                    + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                    + " for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
            assertTrue(((Number) painted).intValue() > 1000, "the chart is drawn: " + painted);
            assertTrue(browser.text("fSettlements").matches("\\d+"));
            browser.screenshot("reports-01-charts");
            browser.script("document.getElementById('reportForm:targets').scrollIntoView();");
            browser.screenshot("reports-02-targets-tables");
            // the coverage rate by township and category: a chart and its tables
            Object coverageLabels = browser.script("return Chart.getChart(document.querySelector(\"[id='reportForm:coverageChart']"
                    + " canvas\")).data.labels.join('|');");
            assertTrue(String.valueOf(coverageLabels).contains("图表镇") && String.valueOf(coverageLabels).contains("低保对象"),
                    String.valueOf(coverageLabels));
            Object coverageRates = browser.script("var c = Chart.getChart(document.querySelector(\"[id='reportForm:coverageChart']"
                    + " canvas\")); return c.data.datasets[0].data[c.data.labels.indexOf('图表镇')];");
            assertEquals(0.5, ((Number) coverageRates).doubleValue(), 1e-9, "图表镇: one of two insured");
            assertTrue(browser.text("reportForm:coverageTitle").contains("2020年参保率"));
            assertTrue(browser.pageText().contains("按乡镇") && browser.pageText().contains("图表镇"));
            browser.script("document.getElementById('reportForm:coverageChart').scrollIntoView();");
            browser.screenshot("reports-04-coverage");
            browser.script("window.scrollTo(0, document.body.scrollHeight);");
            browser.screenshot("reports-05-township-coverage-tables");
            browser.choose("reportForm:kind", "月");
            browser.choose("reportForm:part", "8月");
            browser.click("reportForm:searchButton");
            browser.awaitText(org.openqa.selenium.By.id("reportTitle"), "2020年8月");
            browser.screenshot("reports-03-month");
            // the office's disclosure screen: draft the month, review the masked rows
            browser.open("/disclosure/disclosures.xhtml");
            browser.replace("draftForm:month", "2020-08");
            browser.click("draftForm:draftButton");
            browser.find("detailTitle");
            assertTrue(browser.pageText().contains("周*表"), "the draft shows masked names");
            assertFalse(browser.pageText().contains("周图表"));
            browser.screenshot("disclosure-01-draft");
        }
        long id = auditor.post("/api/v1/disclosures", "{\"county\": \"" + COUNTY + "\", \"month\": \"2020-08\"}")
                .json().getJsonNumber("id").longValue();
        auditor.post("/api/v1/disclosures/" + id + "/publication",
                "{\"from\": \"2020-09-01\", \"to\": \"2020-09-07\", \"contact\": \"沂源县医疗保障局 0533-3241234\"}");
        try (Browser visitor = new Browser(anonymous.root())) {
            visitor.open("/public/disclosures");
            assertTrue(visitor.pageText().contains("医疗救助公示"));
            visitor.screenshot("public-01-index");
            visitor.open("/public/disclosures/" + id);
            assertTrue(visitor.text("contact").contains("0533-3241234"));
            assertTrue(visitor.pageText().contains("周*表"));
            assertFalse(visitor.pageText().contains("周图表"));
            visitor.screenshot("public-02-list");
        }
    }

    HttpResponse<byte[]> auditorBytes(String path, String accept) throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(anonymous.root() + path)).header("Accept", accept)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "demo-auditor:demo-auditor".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int tagSettlements(JsonObject summary, String tag) {
        return settlementsOf(summary.getJsonArray("byStandardTag"), "standardTag", tag);
    }

    static int settlementsOf(JsonArray slices, String key, String value) {
        return slices.getValuesAs(JsonObject.class).stream().filter(s -> !s.isNull(key) && value.equals(s.getString(key)))
                .mapToInt(s -> s.getInt("settlements")).sum();
    }
}
