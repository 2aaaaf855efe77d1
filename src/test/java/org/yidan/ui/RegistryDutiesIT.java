package org.yidan.ui;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.Deployments;
import org.yidan.platform.EmbeddedDatabaseSession;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registry's own duties (issue 15) through the REST contract and on the registrar's screens, in Payara Micro
 * against PostgreSQL: coverage (参保) recorded, imported and followed up, a bill for an uninsured person settled but
 * marked; chronic-disease applications (慢病申报) filed, decided at once or in the quarterly review, counted by the
 * calculator from the day after the decision; bad input refused with nothing stored. One class: each costs a boot.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryDutiesIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 500));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;

    Api admin;
    Api registrar;
    Api clerk;
    Api auditor;
    String root;
    Browser browser;

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void clients() {
        Api api = new Api(base);
        root = api.root();
        admin = api.as("demo-admin", "demo-admin");
        registrar = api.as("demo-registrar", "demo-registrar");
        clerk = api.as("demo-clerk", "demo-clerk");
        auditor = api.as("demo-auditor", "demo-auditor");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    static String newIdNumber(String county) {
        String first17 = county + "19710203" + String.format("%03d", SEQUENCE.incrementAndGet());
        return first17 + IdNumbers.checkCharacter(first17);
    }

    String register(String county, String name, String category, String from, String exitedOn) {
        return register(county, name, category, from, exitedOn, null);
    }

    /** A township of this run alone, so that its coverage rate counts only this test's persons. */
    static String newTownship(String name) {
        return name + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    String register(String county, String name, String category, String from, String exitedOn, String township) {
        String id = newIdNumber(county);
        Api.Reply put = registrar.put("/api/v1/beneficiaries/" + id, """
                {"name": "%s", "county": "%s", "householdId": "H-RD-1",
                 "categories": [{"code": "%s", "from": "%s", "to": null}],
                 "standardTags": [], "chronicDiseases": [], "exitedOn": %s, "township": %s}
                """.formatted(name, county, category, from, exitedOn == null ? "null" : '"' + exitedOn + '"',
                township == null ? "null" : '"' + township + '"'));
        assertEquals(201, put.status(), put::toString);
        return id;
    }

    static JsonArray array(Api.Reply reply) {
        return jakarta.json.Json.createReader(new java.io.StringReader(reply.body())).readArray();
    }

    static JsonObject find(JsonArray list, String idNumber) {
        return list.getValuesAs(JsonObject.class).stream().filter(o -> o.getString("idNumber").equals(idNumber))
                .findFirst().orElse(null);
    }

    static JsonObject rate(Api.Reply rates, String list, String group) {
        return rates.json().getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .filter(o -> group == null ? o.isNull("group") : !o.isNull("group") && o.getString("group").equals(group))
                .findFirst().orElseThrow(() -> new AssertionError("no " + group + " in " + rates));
    }

    /** A list in another representation than JSON, as the registrar's spreadsheet asks for it. */
    String download(String path, String accept) {
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + path)).header("Accept", accept)
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    "demo-registrar:demo-registrar".getBytes(StandardCharsets.UTF_8))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(accept));
            return new String(response.body(), StandardCharsets.UTF_8);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... parameters) {
        try (Connection db = DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
             PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- coverage

    @Test
    void coverageIsRecordedImportedFollowedUpAndCountedInTheRates() {
        Api.Reply before = registrar.get("/api/v1/coverage/rates?county=620422&year=2018");
        assertEquals(200, before.status(), before::toString);
        JsonObject planningBefore = before.json().getJsonArray("byCategory").getValuesAs(JsonObject.class).stream()
                .filter(o -> "FAMILY_PLANNING".equals(o.getString("group", null))).findFirst()
                .orElse(jakarta.json.Json.createObjectBuilder().add("persons", 0).add("insured", 0).add("uninsured", 0)
                        .build());
        String township = newTownship("会师镇");
        String insured = register("620422", "参保甲", "FAMILY_PLANNING", "2018-01-01", null, township);
        String uninsured = register("620422", "未参保乙", "FAMILY_PLANNING", "2018-01-01", null, township);
        String imported = register("620422", "导入丙", "FAMILY_PLANNING", "2018-01-01", null, township);

        Api.Reply put = registrar.put("/api/v1/beneficiaries/" + insured + "/coverage/2018", """
                {"insured": true, "since": "2018-01-01", "scheme": "RESIDENT", "subsidyCategory": "FAMILY_PLANNING",
                 "subsidyAmount": 180}""");
        assertEquals(201, put.status(), put::toString);
        assertEquals(new BigDecimal("180.00"), put.json().getJsonNumber("subsidyAmount").bigDecimalValue());
        assertTrue(put.json().isNull("status"), "an insured person has no follow-up");
        Api.Reply again = registrar.put("/api/v1/beneficiaries/" + insured + "/coverage/2018", """
                {"insured": true, "since": "2018-01-01", "scheme": "RESIDENT", "subsidyCategory": "FAMILY_PLANNING",
                 "subsidyAmount": "180.00"}""");
        assertEquals(200, again.status(), again::toString);

        Api.Reply recorded = registrar.put("/api/v1/beneficiaries/" + uninsured + "/coverage/2018",
                "{\"insured\": false}");
        assertEquals(201, recorded.status(), recorded::toString);
        assertEquals("NEW", recorded.json().getString("status"));

        // bad input: clear codes, nothing stored
        Api.Reply late = registrar.put("/api/v1/beneficiaries/" + imported + "/coverage/2018",
                "{\"insured\": true, \"since\": \"2019-02-01\", \"subsidyAmount\": -3}");
        assertEquals(422, late.status(), late::toString);
        assertEquals("application/problem+json", late.contentType());
        assertEquals("INVALID_COVERAGE", late.json().getString("code"));
        assertEquals(List.of("since", "subsidyAmount"), late.json().getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        Api.Reply nobody = registrar.put("/api/v1/beneficiaries/" + newIdNumber("620422") + "/coverage/2018",
                "{\"insured\": true}");
        assertEquals(404, nobody.status(), nobody::toString);
        assertEquals("BENEFICIARY_NOT_FOUND", nobody.json().getString("code"));
        assertEquals(403, clerk.put("/api/v1/beneficiaries/" + imported + "/coverage/2018", "{\"insured\": true}")
                .status(), "a clerk does not maintain coverage");
        assertEquals(0, count("select count(*) from coverage where id_number = ?", imported));

        // the import: valid rows stored, invalid ones and unregistered persons reported, nothing half-stored
        String stranger = newIdNumber("620422");
        String csv = "身份证号,姓名,年度,是否参保,参保日期,险种,补贴类别,补贴金额\n"
                + imported + ",导入丙,2018,否,,,,\n"
                + stranger + ",陌生人,2018,是,2018-01-01,RESIDENT,,\n"
                + insured + ",参保甲,2018,也许,,,,\n";
        Api.Reply imports = registrar.postBytes("/api/v1/coverage/import?fileName=cbxx.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imports.status(), imports::toString);
        JsonObject result = imports.json();
        assertEquals(3, result.getInt("rows"));
        assertEquals(1, result.getInt("created"));
        assertEquals(2, result.getInt("invalidRows"));
        assertEquals(List.of(3, 4), result.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("line")).toList());
        assertEquals(0, count("select count(*) from coverage where id_number = ?", stranger));
        assertEquals(1, count("select count(*) from coverage where id_number = ? and insured", insured),
                "the invalid row left the stored record alone");
        Api.Reply unreadable = registrar.postBytes("/api/v1/coverage/import", "text/csv",
                "姓名,备注\n张三,无\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, unreadable.status());
        assertEquals("COVERAGE_FILE_INVALID", unreadable.json().getString("code"));

        // the coverage list: who is not insured, with the follow-up
        Api.Reply list = registrar.get("/api/v1/coverage?county=620422&year=2018&insured=false");
        assertEquals(200, list.status(), list::toString);
        JsonObject row = find(array(list), uninsured);
        assertEquals("未参保乙", row.getString("name"));
        assertFalse(row.getBoolean("insured"));
        assertEquals("NEW", row.getString("status"));
        assertEquals(township, row.getString("township"), "the registry's township");
        assertEquals("NEW", find(array(list), imported).getString("status"));
        assertEquals(null, find(array(list), insured), "an insured person is not on the list of the uninsured");
        String csvList = download("/api/v1/coverage?county=620422&year=2018&insured=false", "text/csv");
        assertTrue(csvList.startsWith("\uFEFF身份证号,姓名,乡镇,是否参保,跟进状态"), csvList);
        assertTrue(csvList.contains(uninsured + ",未参保乙," + township + ",否,待核实"), csvList);
        JsonObject masked = find(array(auditor.get("/api/v1/coverage?county=620422&year=2018&insured=false")),
                uninsured);
        assertEquals(uninsured, masked.getString("idNumber"), "an auditor reads full ID numbers");

        // the follow-up: NEW -> CONTACTED -> ENROLLED, each with a note, who and when; then no more
        String transition = "/api/v1/coverage/" + uninsured + "/2018/transition";
        Api.Reply noNote = registrar.post(transition, "{\"status\": \"CONTACTED\"}");
        assertEquals(422, noNote.status());
        assertEquals("NOTE_REQUIRED", noNote.json().getString("code"));
        Api.Reply contacted = registrar.post(transition, "{\"status\": \"CONTACTED\", \"note\": \"电话联系本人，答应下周办理\"}");
        assertEquals(200, contacted.status(), contacted::toString);
        assertEquals("CONTACTED", contacted.json().getString("status"));
        Api.Reply enrolled = registrar.post(transition, "{\"status\": \"ENROLLED\", \"note\": \"已在乡镇医保所参保\"}");
        assertEquals(200, enrolled.status(), enrolled::toString);
        Api.Reply reopened = registrar.post(transition, "{\"status\": \"CONTACTED\", \"note\": \"再次联系\"}");
        assertEquals(409, reopened.status());
        assertEquals("INVALID_TRANSITION", reopened.json().getString("code"));
        Api.Reply unknownState = registrar.post(transition, "{\"status\": \"LOST\", \"note\": \"?\"}");
        assertEquals(422, unknownState.status());
        JsonArray history = registrar.get("/api/v1/coverage/" + uninsured + "/2018").json().getJsonArray("followUp");
        assertEquals(List.of("NEW", "CONTACTED", "ENROLLED"), history.getValuesAs(JsonObject.class).stream()
                .map(step -> step.getString("to")).toList());
        assertEquals("demo-registrar", history.getJsonObject(1).getString("by"));
        assertEquals("电话联系本人，答应下周办理", history.getJsonObject(1).getString("note"));
        assertEquals(2, count("select count(*) from audit_event where action = 'COVERAGE_FOLLOW_UP' and target = ?"
                + " and outcome = 'SUCCESS'", IdNumbers.mask(uninsured) + "/2018"));
        assertEquals(1, count("select count(*) from audit_event where action = 'COVERAGE_FOLLOW_UP' and target = ?"
                + " and outcome = 'REFUSED' and detail like 'INVALID_TRANSITION%'", IdNumbers.mask(uninsured) + "/2018"));

        // the rates: three more persons due, two insured now (one by the follow-up), one not insured
        Api.Reply after = registrar.get("/api/v1/coverage/rates?county=620422&year=2018");
        JsonObject planningAfter = rate(after, "byCategory", "FAMILY_PLANNING");
        assertEquals(3, planningAfter.getInt("persons") - planningBefore.getInt("persons"));
        assertEquals(2, planningAfter.getInt("insured") - planningBefore.getInt("insured"));
        assertEquals(1, planningAfter.getInt("uninsured") - planningBefore.getInt("uninsured"));
        JsonObject townshipRate = rate(after, "byTownship", township);
        assertEquals(3, townshipRate.getInt("persons"), after::toString);
        assertEquals(2, townshipRate.getInt("insured"), after::toString);
        assertEquals(1, townshipRate.getInt("uninsured"), after::toString);
        assertEquals(new BigDecimal("0.6667"), townshipRate.getJsonNumber("rate").bigDecimalValue());
    }

    @Test
    void aBillForAPersonRecordedUninsuredIsSettledButMarked() {
        String person = register("370323", "未参保结算", "DIBAO", "2020-01-01", null);
        assertEquals(201, registrar.put("/api/v1/beneficiaries/" + person + "/coverage/2020",
                "{\"insured\": false}").status());
        String bill = """
                {"idNumber": "%s", "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10",
                 "totalAmount": 60000.00, "policyScopeAmount": 50000.00, "externalPayments": {"BASIC": 30000.00}}
                """;
        Api.Reply settled = clerk.post("/api/v1/settlements", bill.formatted(person), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(201, settled.status(), settled::toString);
        assertTrue(settled.json().getBoolean("uninsured"));
        assertEquals(new BigDecimal("12050.00"), settled.json().getJsonNumber("selfPay").bigDecimalValue(),
                "the figures are those of any other person");
        assertEquals(1, count("select count(*) from settlement where id_number = ? and uninsured", person));

        String other = register("370323", "已参保结算", "DIBAO", "2020-01-01", null);
        Api.Reply normal = clerk.post("/api/v1/settlements", bill.formatted(other), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertFalse(normal.json().getBoolean("uninsured"), "not recorded is not a warning");
    }

    // -------------------------------------------------------------------------- chronic applications

    @Test
    void aListedDiseaseIsApprovedAtOnceAndCountsFromTheNextDay() {
        String person = register("371371", "慢病申报甲", "REGISTERED_POOR", "2017-01-01", null);
        String path = "/api/v1/beneficiaries/" + person + "/chronic-applications";
        Api.Reply filed = registrar.post(path, """
                {"disease": "hypertension", "filedOn": "2017-03-01", "note": "县医院诊断证明、近半年病历"}""");
        assertEquals(201, filed.status(), filed::toString);
        JsonObject application = filed.json();
        assertEquals("FILED", application.getString("status"));
        assertEquals("HYPERTENSION", application.getString("disease"));
        assertEquals("LISTED", application.getString("track"));
        assertEquals("2017-03-01", application.getString("dueBy"));
        long id = application.getJsonNumber("id").longValue();

        Api.Reply twice = registrar.post(path, "{\"disease\": \"HYPERTENSION\", \"filedOn\": \"2017-03-02\"}");
        assertEquals(409, twice.status());
        assertEquals("APPLICATION_PENDING", twice.json().getString("code"));

        Api.Reply early = registrar.post("/api/v1/chronic-applications/" + id + "/decision",
                "{\"approved\": true, \"decidedOn\": \"2017-02-28\"}");
        assertEquals(422, early.status());
        assertEquals("DATES_OUT_OF_ORDER", early.json().getString("code"));
        assertEquals("decidedOn", early.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, registrar.get("/api/v1/beneficiaries/" + person).json().getJsonArray("chronicDiseases").size());

        Api.Reply approved = registrar.post("/api/v1/chronic-applications/" + id + "/decision",
                "{\"approved\": true, \"decidedOn\": \"2017-03-10\"}");
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("APPROVED", approved.json().getString("status"));
        JsonObject disease = registrar.get("/api/v1/beneficiaries/" + person).json().getJsonArray("chronicDiseases")
                .getJsonObject(0);
        assertEquals("HYPERTENSION", disease.getString("code"));
        assertEquals("2017-03-10", disease.getString("approvedOn"));
        Api.Reply second = registrar.post("/api/v1/chronic-applications/" + id + "/decision",
                "{\"approved\": false, \"decidedOn\": \"2017-03-11\", \"reason\": \"改判\"}");
        assertEquals(409, second.status());
        assertEquals("ALREADY_DECIDED", second.json().getString("code"));

        // 临沂高新区: essential drugs at a township hospital are paid in full for an approved hypertension patient,
        // from the day after the approval
        assertEquals(new BigDecimal("0.00"), essentialDrugsPaid(person, "2017-03-10"));
        assertEquals(new BigDecimal("80.00"), essentialDrugsPaid(person, "2017-03-11"));
        assertEquals(2, count("select count(*) from audit_event where action in ('CHRONIC_FILE', 'CHRONIC_APPROVE')"
                + " and target = ? and outcome = 'SUCCESS'", IdNumbers.mask(person)));
    }

    BigDecimal essentialDrugsPaid(String person, String day) {
        Api.Reply preview = clerk.post("/api/v1/settlements/preview", """
                {"idNumber": "%s", "hospital": {"code": "H371371001", "level": "TOWNSHIP", "inCounty": true},
                 "visitType": "OUTPATIENT_CHRONIC", "admissionDate": "%s", "dischargeDate": "%s",
                 "totalAmount": 100.00, "policyScopeAmount": 100.00,
                 "items": [{"category": "ESSENTIAL_DRUG", "amount": 80.00}]}""".formatted(person, day, day));
        assertEquals(200, preview.status(), preview::toString);
        return preview.json().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(line -> line.getString("fund").equals("BASIC")).findFirst().orElseThrow()
                .getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(step -> step.getString("rule").equals("basic-essential-drugs"))
                .map(step -> step.getJsonNumber("amount").bigDecimalValue())
                .findFirst().orElse(new BigDecimal("0.00"));
    }

    @Test
    void otherDiseasesWaitForTheQuarterlyReviewAndBadApplicationsStoreNothing() {
        String person = register("371371", "慢病申报乙", "REGISTERED_POOR", "2017-01-01", null);
        String exited = register("371371", "已销号丙", "REGISTERED_POOR", "2017-01-01", "2017-06-01");
        String path = "/api/v1/beneficiaries/" + person + "/chronic-applications";
        long before = count("select count(*) from chronic_application");

        Api.Reply unknown = registrar.post(path, "{\"disease\": \"FLU\", \"filedOn\": \"2017-05-10\"}");
        assertEquals(422, unknown.status());
        assertEquals("UNKNOWN_DISEASE", unknown.json().getString("code"));
        assertEquals("disease", unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply future = registrar.post(path, "{\"disease\": \"UREMIA\", \"filedOn\": \"2099-01-01\"}");
        assertEquals(422, future.status());
        assertEquals("DATES_OUT_OF_ORDER", future.json().getString("code"));
        Api.Reply gone = registrar.post("/api/v1/beneficiaries/" + exited + "/chronic-applications",
                "{\"disease\": \"DIABETES\", \"filedOn\": \"2017-07-01\"}");
        assertEquals(422, gone.status());
        assertEquals("BENEFICIARY_EXITED", gone.json().getString("code"));
        Api.Reply badDate = registrar.post(path, "{\"disease\": \"UREMIA\", \"filedOn\": \"2017-13-01\"}");
        assertEquals(422, badDate.status());
        assertEquals(403, clerk.post(path, "{\"disease\": \"UREMIA\", \"filedOn\": \"2017-05-10\"}").status());
        assertEquals(before, count("select count(*) from chronic_application"), "nothing stored");
        assertEquals(4, count("select count(*) from audit_event where action = 'CHRONIC_FILE' and outcome = 'REFUSED'"
                + " and target in (?, ?)", IdNumbers.mask(person), IdNumbers.mask(exited)));

        Api.Reply filed = registrar.post(path, "{\"disease\": \"UREMIA\", \"filedOn\": \"2017-05-10\", \"note\": \"透析记录\"}");
        assertEquals(201, filed.status(), filed::toString);
        assertEquals("QUARTERLY", filed.json().getString("track"));
        assertEquals("2017-06-30", filed.json().getString("dueBy"));
        long id = filed.json().getJsonNumber("id").longValue();

        JsonArray waiting = array(registrar.get("/api/v1/chronic-applications?county=371371&status=FILED"));
        assertTrue(waiting.getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getJsonNumber("id").longValue() == id));
        JsonArray due = array(registrar.get("/api/v1/chronic-applications?county=371371&due=true"));
        assertTrue(due.getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getJsonNumber("id").longValue() == id),
                "an application of a past quarter is overdue on the work list");
        Api.Reply badStatus = registrar.get("/api/v1/chronic-applications?county=371371&status=LOST");
        assertEquals(422, badStatus.status());

        String decision = "/api/v1/chronic-applications/" + id + "/decision";
        Api.Reply noReason = registrar.post(decision, "{\"approved\": false, \"decidedOn\": \"2017-06-20\"}");
        assertEquals(422, noReason.status());
        assertEquals("REFUSAL_REASON_REQUIRED", noReason.json().getString("code"));
        Api.Reply refused = registrar.post(decision,
                "{\"approved\": false, \"decidedOn\": \"2017-06-20\", \"reason\": \"透析记录不足三个月\"}");
        assertEquals(200, refused.status(), refused::toString);
        assertEquals("REFUSED", refused.json().getString("status"));
        assertEquals("透析记录不足三个月", refused.json().getString("reason"));
        assertEquals(0, registrar.get("/api/v1/beneficiaries/" + person).json().getJsonArray("chronicDiseases").size());
        assertEquals(404, registrar.post("/api/v1/chronic-applications/999999999/decision",
                "{\"approved\": true, \"decidedOn\": \"2017-06-20\"}").status());
    }

    // --------------------------------------------------------------------------------------- screens

    @Test
    void theRegistrarFollowsUpOnTheCoverageListAndTheCounterWarns() {
        assumeTrue(Browser.installed(), "Skipped: needs Debian's headless Chromium and chromedriver");
        String township = newTownship("南麻街道");
        String person = register("370323", "屏幕未参保", "DIBAO", "2020-01-01", null, township);
        String insured = register("370323", "屏幕已参保", "DIBAO", "2020-01-01", null, township);
        String typedIn = register("370323", "屏幕逐人登记", "DIBAO", "2020-01-01", null, township);
        assertEquals(201, registrar.put("/api/v1/beneficiaries/" + person + "/coverage/2020",
                "{\"insured\": false}").status());
        assertEquals(201, registrar.put("/api/v1/beneficiaries/" + insured + "/coverage/2020",
                "{\"insured\": true, \"since\": \"2020-01-01\", \"scheme\": \"RESIDENT\"}").status());
        assertEquals(201, registrar.post("/api/v1/beneficiaries/" + person + "/chronic-applications",
                "{\"disease\": \"UREMIA\", \"filedOn\": \"2020-04-01\"}").status());

        browser = new Browser(root);
        browser.logIn("demo-registrar", "demo-registrar");
        browser.open("/beneficiaries/coverage.xhtml");
        browser.replace("coverageForm:year_input", "2020");
        browser.click("coverageForm:searchButton");
        String rowXpath = "//tr[.//span[contains(@class,'yd-coverage-name') and normalize-space()='屏幕未参保']]";
        assertTrue(browser.text(By.xpath(rowXpath)).contains("待核实"), browser.text(By.xpath(rowXpath)));
        assertTrue(browser.text(By.xpath(rowXpath)).contains(person), "a registrar reads the full ID number");
        assertFalse(browser.pageText().contains("屏幕已参保"), "the list shows who is not insured");
        assertTrue(browser.text(By.id("byCategory")).contains("低保对象"), browser.text(By.id("byCategory")));
        assertTrue(browser.text(By.xpath(rowXpath)).contains(township), "the list shows the registry's township");
        // this run's township: two persons due, one insured, one not, one not recorded yet
        String townshipRate = browser.text(By.xpath("//table[@id='byTownship']//tr[td[normalize-space()='"
                + township + "']]"));
        assertTrue(townshipRate.contains("33.3%") && townshipRate.contains("已参保 1 / 应参保 3"), townshipRate);
        browser.screenshot("registry-01-coverage-list");

        // one person's coverage typed in: the rules' refusal in Chinese beside the field, nothing stored, audited
        browser.type("recordForm:recordIdNumber", typedIn);
        browser.replace("recordForm:recordYear_input", "2020");
        browser.click("recordForm:readRecord");
        assertTrue(browser.pageText().contains("2020 年度尚未登记此人的参保信息"), browser.pageText());
        browser.click(By.xpath("//*[@id='recordForm:recordInsured']//label[normalize-space()='未参保']"));
        browser.type("recordForm:recordSince_input", "2020-01-01");
        browser.click(By.cssSelector("h1.yd-page-title"));
        browser.click("recordForm:saveRecord");
        assertEquals("未参保人员不填参保日期。", browser.text(By.xpath(
                "//*[@id='recordForm:recordSince']/following::*[contains(@class,'ui-message-error')][1]")));
        assertTrue(browser.pageText().contains("参保信息有误，未保存"), browser.pageText());
        assertEquals(typedIn, browser.find("recordForm:recordIdNumber").getAttribute("value"), "nothing typed is lost");
        browser.screenshot("registry-01a-coverage-form-refused");
        assertEquals(0, count("select count(*) from coverage where id_number = ?", typedIn));
        assertEquals(1, count("select count(*) from audit_event where action = 'COVERAGE_PUT' and target = ?"
                + " and outcome = 'REFUSED' and detail like 'INVALID_COVERAGE%'", IdNumbers.mask(typedIn) + "/2020"));

        browser.click(By.xpath("//*[@id='recordForm:recordInsured']//label[normalize-space()='已参保']"));
        browser.choose("recordForm:recordScheme", "城乡居民基本医疗保险");
        browser.choose("recordForm:recordSubsidyCategory", "低保对象");
        browser.replace("recordForm:recordSubsidyAmount", "180");
        browser.click("recordForm:saveRecord");
        browser.awaitText(By.cssSelector(".ui-growl"), "已新建");
        browser.screenshot("registry-01b-coverage-form-saved");
        JsonObject saved = registrar.get("/api/v1/coverage/" + typedIn + "/2020").json();
        assertTrue(saved.getBoolean("insured"), saved::toString);
        assertEquals("2020-01-01", saved.getString("since"));
        assertEquals("RESIDENT", saved.getString("scheme"));
        assertEquals("DIBAO", saved.getString("subsidyCategory"));
        assertEquals(new BigDecimal("180.00"), saved.getJsonNumber("subsidyAmount").bigDecimalValue());
        assertEquals(1, count("select count(*) from audit_event where action = 'COVERAGE_CREATE' and target = ?"
                + " and outcome = 'SUCCESS'", IdNumbers.mask(typedIn) + "/2020"));

        // the list's 修改 brings a person's record into the form
        browser.click(By.xpath(rowXpath + "//button[contains(@id,'editButton')]"));
        browser.await(driver -> person.equals(driver.findElement(By.id("recordForm:recordIdNumber"))
                .getAttribute("value")));
        assertEquals(Boolean.TRUE, browser.script(
                "return document.getElementById('recordForm:recordInsured:1').checked;"), "recorded as not insured");

        browser.click(By.xpath(rowXpath + "//button[contains(@id,'followUpButton')]"));
        browser.find("followUpForm:note");
        browser.click("followUpForm:moveOn");
        assertEquals("请填写跟进情况。", browser.text(By.xpath(
                "//*[@id='followUpForm:note']/following::*[contains(@class,'ui-message-error')][1]")));
        browser.choose("followUpForm:next", "已联系");
        browser.type("followUpForm:note", "入户核实，本人在外务工，已通知家属代办");
        browser.screenshot("registry-02-follow-up-dialog");
        browser.click("followUpForm:moveOn");
        browser.awaitText(By.xpath(rowXpath), "已联系");
        browser.screenshot("registry-03-coverage-contacted");
        assertEquals("CONTACTED", registrar.get("/api/v1/coverage/" + person + "/2020").json().getString("status"));

        browser.open("/beneficiaries/chronic-applications.xhtml");
        assertTrue(browser.text(By.id("listForm:dueTable")).contains("屏幕未参保"), "the quarter's work list");
        browser.screenshot("registry-04-chronic-applications");
        browser.close();

        browser = new Browser(root);
        browser.logIn("demo-clerk", "demo-clerk");
        browser.awaitPath("/settlement/counter.xhtml");
        browser.type("lookupForm:query", person);
        browser.click("lookupForm:findButton");
        browser.find("personForm:personName");
        browser.type("billForm:dischargeDate_input", "2020-06-01");
        browser.click(By.cssSelector("h1.yd-page-title"));
        browser.awaitText(By.id("personForm:uninsuredWarning"), "未参保");
        assertTrue(browser.text("personForm:uninsuredWarning").contains("2020"));
        assertTrue(browser.text("personForm:uninsuredWarning").contains("已联系"));
        assertTrue(browser.text("personForm:pendingApplications").contains("尿毒症"));
        browser.screenshot("registry-05-counter-warning");
    }
}
