package org.yidan.ui;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yidan.platform.Api;
import org.yidan.platform.Deployments;
import org.yidan.platform.EmbeddedDatabaseSession;
import org.yidan.platform.PersonIds;

import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fund a county declares in its configuration (issue 13): the test county 999003 of
 * {@code family-planning-county.properties} settles 计生两户 into {@code FAMILY_PLANNING} (计生补助), declared with
 * {@code yidan.funds.FAMILY_PLANNING.name}; the settlement, the printed receipt and the ledger show it by name, and a
 * fund no one declared is refused. Runs in the container {@code payara-micro-funds} (arquillian.xml), the only one
 * that knows the test county. The receipt screen is looked at in headless Chromium when it is installed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeclaredFundIT {

    private static final String COUNTY = "999003";
    private static final PersonIds PERSON_IDS = new PersonIds("19620415", 500);

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-funds")
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;

    Api admin;
    Api clerk;
    Api auditor;

    /** As {@link org.yidan.platform.ApiFixture}, whose deployment targets the default container. */
    @BeforeEach
    void clients() {
        Api api = new Api(base);
        admin = api.as("demo-admin", "demo-admin");
        clerk = api.as("demo-clerk", "demo-clerk");
        auditor = api.as("demo-auditor", "demo-auditor");
    }

    String registerFamilyPlanningPerson() {
        String id = PERSON_IDS.next(COUNTY);
        Api.Reply put = admin.put("/api/v1/beneficiaries/" + id, """
                {"name": "李四", "county": "%s", "householdId": "H-9003",
                 "categories": [{"code": "FAMILY_PLANNING", "from": "2020-01-01", "to": null}],
                 "standardTags": [], "chronicDiseases": []}
                """.formatted(COUNTY));
        assertEquals(201, put.status(), put::toString);
        return id;
    }

    static String bill(String id, String externalPayments) {
        return """
                {"idNumber": "%s",
                 "hospital": {"code": "H999003001", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "2020-06-10", "dischargeDate": "2020-06-15",
                 "totalAmount": 12000, "policyScopeAmount": 10000, "specialDrugAmount": 0,
                 "externalPayments": %s}
                """.formatted(id, externalPayments);
    }

    Api.Reply settle(String body) {
        return clerk.post("/api/v1/settlements", body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    static JsonObject line(JsonObject settlement, String fund) {
        return settlement.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(line -> fund.equals(line.getString("fund"))).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + fund + " in " + settlement));
    }

    @Test
    void theCountysPolicyNamesTheDeclaredFundInItsChain() {
        Api.Reply policy = clerk.get("/api/v1/policies/" + COUNTY + "/2020");
        assertEquals(200, policy.status(), policy::toString);
        assertTrue(policy.body().contains("FAMILY_PLANNING"), policy::toString);
        assertTrue(clerk.get("/health/ready").body().contains("UP"), "the declarations are valid");
    }

    @Test
    void aBillSettlesIntoTheDeclaredFundAndTheReceiptAndLedgerShowIt() throws java.io.IOException {
        String id = registerFamilyPlanningPerson();
        Api.Reply settled = settle(bill(id, "{\"BASIC\": 4000}"));
        assertEquals(201, settled.status(), settled::toString);
        JsonObject settlement = settled.json();
        String receipt = settlement.getString("receiptNo");
        // critical (10000 - 4000) above 5000 x 50% = 500; family planning (10000 - 4000 - 500) x 50% = 2750
        assertEquals(List.of("BASIC", "CRITICAL", "ASSISTANCE", "FAMILY_PLANNING"), settlement.getJsonArray("lines")
                .getValuesAs(JsonObject.class).stream().map(line -> line.getString("fund")).toList());
        JsonObject familyPlanning = line(settlement, "FAMILY_PLANNING");
        assertEquals("计生补助", familyPlanning.getString("name"));
        assertEquals(new BigDecimal("2750.00"), familyPlanning.getJsonNumber("amount").bigDecimalValue());
        assertEquals(new BigDecimal("4750.00"), settlement.getJsonNumber("selfPay").bigDecimalValue());

        JsonObject read = clerk.get("/api/v1/settlements/" + receipt).json();
        assertEquals("计生补助", line(read, "FAMILY_PLANNING").getString("name"));

        String printed = ReportsDisclosureIT.pdfText(clerk.getBytes("/api/v1/settlements/" + receipt + "/receipt.pdf").body());
        assertTrue(printed.contains("计生补助"), printed);
        assertTrue(printed.contains("2,750.00") || printed.contains("2750.00"), printed);

        Api.Reply ledger = auditor.get("/api/v1/ledger?county=" + COUNTY + "&fund=FAMILY_PLANNING&size=1000");
        assertEquals(200, ledger.status(), ledger::toString);
        JsonObject entry = ledger.json().getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> receipt.equals(e.getString("receiptNo"))).findFirst()
                .orElseThrow(() -> new AssertionError("no ledger entry for " + receipt + ": " + ledger));
        assertEquals(new BigDecimal("2750.00"),
                entry.getJsonObject("funds").getJsonNumber("FAMILY_PLANNING").bigDecimalValue());

        Api.Reply csv = auditor.get("/api/v1/ledger?county=" + COUNTY + "&fund=FAMILY_PLANNING", "Accept", "text/csv");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().contains("计生补助"), "the export's column is named: " + csv.body().lines().findFirst());
    }

    @Test
    void theReceiptScreenShowsTheDeclaredFundByName() {
        assumeTrue(Browser.installed(), "Skipped: the receipt screen needs Debian's headless Chromium");
        String id = registerFamilyPlanningPerson();
        Api.Reply settled = settle(bill(id, "{\"BASIC\": 4000}"));
        assertEquals(201, settled.status(), settled::toString);
        try (Browser browser = new Browser(new Api(base).root())) {
            browser.logIn("demo-clerk", "demo-clerk");
            browser.open("/receipts/receipt.xhtml?no=" + settled.json().getString("receiptNo"));
            String page = browser.pageText();
            browser.screenshot("declared-fund-receipt");
            assertTrue(page.contains("计生补助"), page);
            assertTrue(page.contains("2,750.00"), page);
        }
    }

    @Test
    void aFundNoOneDeclaredIsRefused() {
        String id = registerFamilyPlanningPerson();
        Api.Reply refused = settle(bill(id, "{\"BASIC\": 4000, \"CHARITY\": 100}"));
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("UNKNOWN_VALUE", refused.json().getString("code"), refused::toString);
        assertTrue(refused.body().contains("externalPayments.CHARITY"), refused::toString);

        Api.Reply ledger = auditor.get("/api/v1/ledger?county=" + COUNTY + "&fund=CHARITY");
        assertEquals(422, ledger.status(), ledger::toString);
    }

    @Test
    void theDatabaseRefusesABadlyWrittenFundCode() throws SQLException {
        // a line of this test's own, whatever order the tests run in
        Api.Reply settled = settle(bill(registerFamilyPlanningPerson(), "{\"BASIC\": 4000}"));
        assertEquals(201, settled.status(), settled::toString);
        String receipt = settled.json().getString("receiptNo");
        try (Connection db = DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
             Statement sql = db.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> sql.execute(
                    "update settlement_line set fund = 'family-planning' where receipt_no = '" + receipt + "'"));
            assertEquals("23514", refused.getSQLState(), refused.getMessage());
        }
    }
}
