package org.yidan.clearing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.Json;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.ApiFixture;
import org.yidan.platform.PersonIds;
import org.yidan.platform.EmbeddedDatabaseSession;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The funds' journal (台账) and the clearing (清算) through the REST contract, in Payara Micro against PostgreSQL:
 * hospitals, one entry per settlement and one negated entry per reversal, exports, statements and their
 * invariants, concurrency, and bad input that stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerClearingIT extends ApiFixture {

    private static final PersonIds PERSON_IDS = new PersonIds("19600101", 500);
    private static final String HUINING = "620422";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    Api assistanceOfficer;

    @BeforeEach
    void clients() {
        assistanceOfficer = demoUser("demo-fund");
    }

    static String newIdNumber(String county) {
        return PERSON_IDS.next(county);
    }

    static String uniqueHospital(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    String registerPerson(String county, String township) {
        return register(newIdNumber(county), """
                {"name": "李四", "county": "%s", "township": "%s", "village": "南关村", "householdIncome": 8000,
                 "categories": [{"code": "DIBAO", "from": "2017-01-01", "to": null}]}
                """.formatted(county, township));
    }

    void registerHospital(String code, String county, String name) {
        Api.Reply put = admin.put("/api/v1/hospitals/" + code, """
                {"name": "%s", "county": "%s", "level": "COUNTY", "inCounty": true, "township": "会师镇"}
                """.formatted(name, county));
        assertEquals(201, put.status(), put::toString);
    }

    /** Settles a 会宁 inpatient bill; basic insurance pays {@code basic} (adjudicated outside). */
    /** Settles a 10,000-yuan stay of which basic insurance (settled by its own system) paid {@code basic}. */
    JsonObject settle(String id, String hospital, String discharge, String basic) {
        return settle(id, hospital, discharge, basic, "0");
    }

    /** The same, paid by critical-illness insurance's own system instead. */
    JsonObject settleCritical(String id, String hospital, String discharge, String critical) {
        return settle(id, hospital, discharge, "0", critical);
    }

    JsonObject settle(String id, String hospital, String discharge, String basic, String critical) {
        Api.Reply reply = clerk.post("/api/v1/settlements", """
                {"idNumber": "%s", "hospital": {"code": "%s", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "%s", "dischargeDate": "%s",
                 "totalAmount": 10000.00, "policyScopeAmount": 8000.00, "specialDrugAmount": 0,
                 "externalPayments": {"BASIC": %s, "CRITICAL": %s}}
                """.formatted(id, hospital, discharge, discharge, basic, critical),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    void reverse(String receiptNo) {
        Api.Reply reply = auditor.post("/api/v1/settlements/" + receiptNo + "/reversal", "{\"reason\": \"录入错误\"}");
        assertEquals(200, reply.status(), reply::toString);
    }

    static JsonArray array(Api.Reply reply) {
        JsonStructure parsed = Json.createReader(new StringReader(reply.body())).read();
        return parsed.asJsonArray();
    }

    static BigDecimal amount(JsonObject json, String name) {
        return json.getJsonNumber(name).bigDecimalValue();
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    Api.Reply generate(Api as, String county, String fund, String period, String hospital) {
        return as.post("/api/v1/clearing/statements", """
                {"county": "%s", "fund": "%s", "period": "%s"%s}
                """.formatted(county, fund, period, hospital == null ? "" : ", \"hospitalCode\": \"" + hospital + "\""));
    }

    static JsonObject only(JsonArray statements, String hospital) {
        List<JsonObject> found = statements.getValuesAs(JsonObject.class).stream()
                .filter(s -> hospital.equals(s.getString("hospitalCode"))).toList();
        assertEquals(1, found.size(), statements::toString);
        return found.get(0);
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ hospitals

    @Test
    void hospitalsAreRegisteredListedByCountyAndValidated() {
        String code = uniqueHospital("HR");
        registerHospital(code, HUINING, "会宁县人民医院");
        Api.Reply again = admin.put("/api/v1/hospitals/" + code, """
                {"name": "会宁县第一人民医院", "county": "620422", "level": "county", "inCounty": true}
                """);
        assertEquals(200, again.status(), again::toString);
        JsonObject listed = array(clerk.get("/api/v1/hospitals?county=620422")).getValuesAs(JsonObject.class)
                .stream().filter(h -> code.equals(h.getString("code"))).findFirst().orElseThrow();
        assertEquals("会宁县第一人民医院", listed.getString("name"));
        assertEquals("COUNTY", listed.getString("level"));
        assertTrue(listed.isNull("township"));
        assertTrue(array(clerk.get("/api/v1/hospitals?county=370323")).getValuesAs(JsonObject.class).stream()
                .noneMatch(h -> code.equals(h.getString("code"))));

        Api.Reply unknownCounty = admin.put("/api/v1/hospitals/" + uniqueHospital("HX"), """
                {"name": "某医院", "county": "999999", "level": "COUNTY", "inCounty": true}""");
        assertEquals(422, unknownCounty.status(), unknownCounty::toString);
        assertEquals("UNKNOWN_COUNTY", unknownCounty.json().getString("code"));
        Api.Reply badLevel = admin.put("/api/v1/hospitals/" + uniqueHospital("HX"), """
                {"name": "某医院", "county": "620422", "level": "GALACTIC"}""");
        assertEquals(422, badLevel.status(), badLevel::toString);
        assertEquals("application/problem+json", badLevel.contentType());
        assertEquals(403, clerk.put("/api/v1/hospitals/" + code, """
                {"name": "x", "county": "620422", "level": "COUNTY", "inCounty": true}""").status());
    }

    // ------------------------------------------------------------------------------------------------ journal

    @Test
    void everySettlementBooksOneEntryAndEveryReversalOneNegatedEntry() throws Exception {
        String hospital = uniqueHospital("HJ");
        registerHospital(hospital, HUINING, "会宁县中医院");
        String id = registerPerson(HUINING, "郭城驿镇");
        JsonObject settled = settle(id, hospital, "2018-03-10", "4000.00");
        String receiptNo = settled.getString("receiptNo");

        String query = "/api/v1/ledger?county=620422&from=2018-03&to=2018-03&hospital=" + hospital;
        JsonObject page = auditor.get(query).json();
        assertEquals(1, page.getInt("total"), page::toString);
        JsonObject entry = page.getJsonArray("entries").getJsonObject(0);
        assertEquals(receiptNo, entry.getString("receiptNo"));
        assertEquals("SETTLEMENT", entry.getString("entryType"));
        assertTrue(entry.isNull("reversalOf"));
        assertEquals("2018-03", entry.getString("feeMonth"));
        assertEquals(id, entry.getString("idNumber"));
        assertEquals("李四", entry.getString("name"));
        assertEquals("郭城驿镇", entry.getString("township"));
        assertEquals("DIBAO", entry.getJsonArray("categories").getString(0));
        assertEquals("会宁县中医院", entry.getString("hospitalName"));
        assertEquals("INPATIENT", entry.getString("visitType"));
        assertEquals("2018-03-10", entry.getString("dischargeDate"));
        assertEquals("10000.00", entry.getJsonNumber("totalAmount").toString());
        assertEquals("4000.00", entry.getJsonObject("funds").getJsonNumber("BASIC").toString());
        assertAmount(settled.getJsonNumber("fundTotal").toString(), amount(entry, "fundTotal"));

        reverse(receiptNo);
        JsonObject after = auditor.get(query).json();
        assertEquals(2, after.getInt("total"), after::toString);
        JsonObject reversal = after.getJsonArray("entries").getJsonObject(1);
        assertEquals("REVERSAL", reversal.getString("entryType"), "newest last");
        assertEquals(entry.getJsonNumber("id").longValue(), reversal.getJsonNumber("reversalOf").longValue());
        assertEquals("-4000.00", reversal.getJsonObject("funds").getJsonNumber("BASIC").toString());
        assertAmount("-10000.00", amount(reversal, "totalAmount"));
        assertAmount("0", amount(after.getJsonObject("totals"), "fundTotal"));

        // a fund officer reads its own fund's column only, whatever it asks for, with masked ID numbers
        JsonObject asOfficer = assistanceOfficer.get(query + "&fund=BASIC").json();
        for (JsonObject e : asOfficer.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            assertEquals(List.of("ASSISTANCE"), List.copyOf(e.getJsonObject("funds").keySet()), e::toString);
            assertEquals(IdNumbers.mask(id), e.getString("idNumber"));
        }
        assertEquals(403, clerk.get(query).status());

        // the journal is append-only in the database itself
        try (Connection c = database(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update ledger_entry set total_amount = 0 where receipt_no = '" + receiptNo + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "delete from ledger_entry_fund where entry_id = " + entry.getJsonNumber("id").longValue()));
            assertThrows(SQLException.class, () -> s.executeUpdate("truncate ledger_entry cascade"));
        }
        // every settlement stored so far (by any test) has its entry, every reversal its negated entry
        assertEquals(0, count("select count(*) from settlement s where not exists (select 1 from ledger_entry e"
                + " where e.receipt_no = s.receipt_no and e.entry_type = 'SETTLEMENT')"));
        assertEquals(0, count("select count(*) from settlement s where s.status = 'REVERSED' and not exists"
                + " (select 1 from ledger_entry e where e.receipt_no = s.receipt_no and e.entry_type = 'REVERSAL')"));
        assertEquals(0, count("select count(*) from ledger_entry r join ledger_entry e on e.id = r.reversal_of"
                + " where r.fund_total <> -e.fund_total or r.total_amount <> -e.total_amount"));

        Api.Reply badMonth = auditor.get("/api/v1/ledger?from=2018-13");
        assertEquals(422, badMonth.status(), badMonth::toString);
        assertEquals("PERIOD_INVALID", badMonth.json().getString("code"));
        assertEquals(422, auditor.get("/api/v1/ledger?size=1001").status());
        assertEquals(422, auditor.get("/api/v1/ledger?fund=NOPE").status());
    }

    @Test
    void theLedgerExportsEveryEntryOfAFilterAsCsvAndXlsx() throws Exception {
        String hospital = uniqueHospital("HE");
        registerHospital(hospital, HUINING, "会宁县妇幼保健院");
        String id = registerPerson(HUINING, "会师镇");
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            receipts.add(settle(id, hospital, "2018-02-1" + i, "1000.00").getString("receiptNo"));
        }
        String query = "/api/v1/ledger?county=620422&hospital=" + hospital;
        HttpResponse<byte[]> csv = fetch(query, "text/csv", "demo-auditor");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(4, lines.size(), text);
        assertTrue(lines.get(0).contains("收据号") && lines.get(0).contains("基本医保"), lines.get(0));
        for (String receipt : receipts) {
            assertTrue(text.contains(receipt), text);
        }

        HttpResponse<byte[]> xlsx = fetch(query, XLSX, "demo-auditor");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(3, sheet.getLastRowNum(), "a header and three entries");
            assertEquals(receipts.get(0), sheet.getRow(1).getCell(0).getStringCellValue());
        }
    }

    private HttpResponse<byte[]> fetch(String path, String accept, String user) throws Exception {
        URI uri = URI.create(new Api(base).root() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user).getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    // ------------------------------------------------------------------------------------------------ clearing

    @Test
    void generateConfirmPayWithHoldbackPrepaymentAndALateReversal() throws Exception {
        String hospital = uniqueHospital("HC");
        registerHospital(hospital, HUINING, "会宁县第二人民医院");
        String id = registerPerson(HUINING, "会师镇");
        JsonObject first = settle(id, hospital, "2018-04-05", "1000.00");
        settle(id, hospital, "2018-04-20", "500.00");
        Api.Reply prepaid = admin.post("/api/v1/clearing/prepayments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "amount": 300,
                 "paidOn": "2018-03-01", "reference": "YB-2018-001"}""".formatted(hospital));
        assertEquals(201, prepaid.status(), prepaid::toString);

        Api.Reply generated = generate(admin, HUINING, "BASIC", "2018-04", hospital);
        assertEquals(201, generated.status(), generated::toString);
        JsonObject april = only(array(generated), hospital);
        long aprilId = april.getJsonNumber("id").longValue();
        assertEquals("DRAFT", april.getString("status"));
        assertAmount("1500", amount(april, "total"));
        assertAmount("600", amount(april, "heldBack"));          // 会宁 holds 40 % of basic insurance
        assertAmount("300", amount(april, "prepaymentApplied"));
        assertAmount("600", amount(april, "payable"));

        JsonObject read = admin.get("/api/v1/clearing/statements/" + aprilId).json();
        assertEquals(2, read.getJsonArray("lines").size(), read::toString);
        assertEquals("2018-04", read.getString("period"));
        assertEquals("SETTLEMENT", read.getJsonArray("lines").getJsonObject(0).getString("entryType"));

        // regenerating a draft makes no second statement
        assertEquals(201, generate(admin, HUINING, "BASIC", "2018-04", null).status());
        assertEquals(1, count("select count(*) from clearing_statement where hospital_code = '" + hospital + "'"));

        Api.Reply confirmed = admin.post("/api/v1/clearing/statements/" + aprilId + "/confirmation", "");
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("CONFIRMED", confirmed.json().getString("status"));
        Api.Reply refresh = generate(admin, HUINING, "BASIC", "2018-04", hospital);
        assertEquals(409, refresh.status(), refresh::toString);
        assertEquals("PERIOD_CLOSED", refresh.json().getString("code"));

        // a reversal after the confirmation goes to the next open period, negative; April stays as confirmed
        reverse(first.getString("receiptNo"));
        JsonObject aprilAfter = admin.get("/api/v1/clearing/statements/" + aprilId).json();
        assertAmount("1500", amount(aprilAfter, "total"));
        assertEquals(2, aprilAfter.getJsonArray("lines").size());
        JsonObject may = only(array(generate(admin, HUINING, "BASIC", "2018-05", hospital)), hospital);
        assertAmount("-1000", amount(may, "total"));
        assertAmount("-400", amount(may, "heldBack"));
        assertAmount("0", amount(may, "payable"));
        assertAmount("-600", amount(may, "prepaymentApplied"));   // the overpayment is carried forward as a credit
        JsonObject mayRead = admin.get("/api/v1/clearing/statements/" + may.getJsonNumber("id").longValue()).json();
        JsonObject reversalLine = mayRead.getJsonArray("lines").getJsonObject(0);
        assertEquals("REVERSAL", reversalLine.getString("entryType"));
        assertEquals("2018-04", reversalLine.getString("feeMonth"));
        assertEquals(first.getString("receiptNo"), reversalLine.getString("receiptNo"));

        // payment: only the payable amount, only once
        Api.Reply wrong = admin.post("/api/v1/clearing/statements/" + aprilId + "/payment", """
                {"paidOn": "2018-05-10", "reference": "BK-1", "amount": 1500}""");
        assertEquals(422, wrong.status(), wrong::toString);
        assertEquals("AMOUNT_MISMATCH", wrong.json().getString("code"));
        Api.Reply paid = admin.post("/api/v1/clearing/statements/" + aprilId + "/payment", """
                {"paidOn": "2018-05-10", "reference": "BK-1", "amount": "600.00"}""");
        assertEquals(200, paid.status(), paid::toString);
        assertEquals("PAID", paid.json().getString("status"));
        assertEquals(409, admin.post("/api/v1/clearing/statements/" + aprilId + "/payment", """
                {"paidOn": "2018-05-10", "reference": "BK-1", "amount": "600.00"}""").status());

        assertEquals(200, admin.post("/api/v1/clearing/statements/" + may.getJsonNumber("id").longValue()
                + "/confirmation", "").status());
        Api.Reply assessed = admin.post("/api/v1/clearing/assessments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "year": 2018, "score": 0.5}
                """.formatted(hospital));
        assertEquals(201, assessed.status(), assessed::toString);
        assertAmount("200", amount(assessed.json(), "held"));
        assertAmount("100", amount(assessed.json(), "released"));

        // the statement prints and exports
        HttpResponse<byte[]> pdf = fetch("/api/v1/clearing/statements/" + aprilId, "application/pdf", "demo-auditor");
        assertEquals(200, pdf.statusCode());
        String printed = pdfText(pdf.body());
        assertTrue(printed.contains("陆佰元整"), printed);
        assertTrue(printed.contains("医疗机构（盖章）") && printed.contains("基金经办机构（盖章）"), printed);
        assertFalse(printed.contains("冲销多于结算"), printed);
        // May's negative month says in words what its negative prepayment line means
        String mayPrinted = pdfText(fetch("/api/v1/clearing/statements/" + may.getJsonNumber("id").longValue(),
                "application/pdf", "demo-auditor").body());
        assertTrue(mayPrinted.replaceAll("\\s", "").contains("已多拨付的600.00元记入该机构的预拨资金余额"), mayPrinted);
        HttpResponse<byte[]> xlsx = fetch("/api/v1/clearing/statements/" + aprilId, XLSX, "demo-auditor");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertNotNull(workbook.getSheetAt(0).getRow(0));
            // the status in words, as the PDF says it (it read PAID)
            boolean said = false;
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
                org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
                said |= "状态".equals(text.formatCellValue(row.getCell(0)))
                        && "已拨付".equals(text.formatCellValue(row.getCell(1)));
            }
            assertTrue(said, "状态 已拨付 in the statement's sheet");
        }

        // every change is audited
        assertTrue(count("select count(*) from audit_event where action in ('CLEARING_GENERATE', 'CLEARING_CONFIRM',"
                + " 'CLEARING_PAY', 'CLEARING_PREPAY', 'CLEARING_ASSESS') and target like '%" + hospital + "%'") >= 6);
        assertInvariants();
    }

    /** Settles a 会宁 inpatient bill of which critical-illness insurance pays {@code critical} (adjudicated outside). */
    /**
     * This deployment clears 会宁's critical-illness insurance by quarter ({@code yidan.clearing.620422.CRITICAL.period
     * =QUARTER} in arquillian.xml) and basic insurance by month (the default): fee months go to their quarter, the
     * quarter's statement can be generated once it ended, and what is booked after its confirmation, a late
     * settlement and a reversal, goes to the next open quarter while the confirmed one stays as it was.
     */
    @Test
    void aFundClearedByQuarterTakesEachFeeMonthToItsQuarterAndLateEntriesToTheNextOpenQuarter() throws Exception {
        String hospital = uniqueHospital("HQ");
        registerHospital(hospital, HUINING, "会宁县中医医院");
        String id = registerPerson(HUINING, "会师镇");
        JsonObject january = settleCritical(id, hospital, "2018-01-10", "700.00");
        settleCritical(id, hospital, "2018-03-20", "300.00");

        Api.Reply aMonth = generate(admin, HUINING, "CRITICAL", "2018-03", hospital);
        assertProblem(422, "PERIOD_INVALID", aMonth);
        assertTrue(aMonth.body().contains("2018-Q1"), aMonth::toString);
        assertProblem(422, "PERIOD_INVALID", generate(admin, HUINING, "BASIC", "2018-Q1", hospital));
        assertProblem(422, "PERIOD_INVALID", generate(admin, HUINING, "CRITICAL", "2018-Q5", hospital));
        String runningQuarter = org.yidan.clearing.control.ClearingPeriod.containing(
                YearMonth.now(ZoneId.of("Asia/Shanghai")), org.yidan.clearing.control.ClearingPeriod.Length.QUARTER)
                .toString();
        assertProblem(422, "PERIOD_NOT_ENDED", generate(admin, HUINING, "CRITICAL", runningQuarter, hospital));
        assertEquals(0, count("select count(*) from clearing_statement where hospital_code = '" + hospital + "'"));

        JsonObject q1 = only(array(generate(admin, HUINING, "CRITICAL", "2018-Q1", hospital)), hospital);
        long q1Id = q1.getJsonNumber("id").longValue();
        assertEquals("2018-Q1", q1.getString("period"));
        assertEquals(2, q1.getInt("lineCount"), q1::toString);
        assertAmount("1000", amount(q1, "total"));                 // January and March together
        assertAmount("0", amount(q1, "heldBack"));                 // no holdback configured for CRITICAL
        assertAmount("1000", amount(q1, "payable"));
        JsonArray listed = array(auditor.get("/api/v1/clearing/statements?county=620422&fund=CRITICAL&period=2018-Q1"
                + "&hospital=" + hospital));
        assertEquals(q1Id, only(listed, hospital).getJsonNumber("id").longValue());
        assertEquals(200, admin.post("/api/v1/clearing/statements/" + q1Id + "/confirmation", "").status());
        assertProblem(409, "PERIOD_CLOSED", generate(admin, HUINING, "CRITICAL", "2018-Q1", hospital));

        // after the confirmation: a late February bill, the reversal of January's, and a May bill all go to Q2
        JsonObject lateFebruary = settleCritical(id, hospital, "2018-02-25", "400.00");
        reverse(january.getString("receiptNo"));
        settleCritical(id, hospital, "2018-05-02", "2000.00");
        JsonObject q1After = admin.get("/api/v1/clearing/statements/" + q1Id).json();
        assertAmount("1000", amount(q1After, "total"));
        assertEquals(2, q1After.getJsonArray("lines").size(), q1After::toString);
        assertEquals("CONFIRMED", q1After.getString("status"));

        JsonObject q2 = only(array(generate(admin, HUINING, "CRITICAL", "2018-Q2", hospital)), hospital);
        assertEquals("2018-Q2", q2.getString("period"));
        assertEquals(3, q2.getInt("lineCount"), q2::toString);
        assertAmount("1700", amount(q2, "total"));                 // 400 + 2000 - 700
        JsonObject q2Read = admin.get("/api/v1/clearing/statements/" + q2.getJsonNumber("id").longValue()).json();
        List<JsonObject> lines = q2Read.getJsonArray("lines").getValuesAs(JsonObject.class);
        JsonObject reversal = lines.stream().filter(l -> "REVERSAL".equals(l.getString("entryType"))).findFirst()
                .orElseThrow(() -> new AssertionError(q2Read.toString()));
        assertEquals("2018-01", reversal.getString("feeMonth"));
        assertAmount("-700", amount(reversal, "amount"));
        assertTrue(lines.stream().anyMatch(l -> lateFebruary.getString("receiptNo").equals(l.getString("receiptNo"))
                && "2018-02".equals(l.getString("feeMonth"))), q2Read::toString);
        assertEquals(0, count("select count(*) from clearing_line where hospital_code = '" + hospital + "'"
                + " and fund = 'CRITICAL' and period not in ('2018-Q1', '2018-Q2')"));
        // basic insurance of the same bills is still cleared by month
        assertEquals(0, count("select count(*) from clearing_line where hospital_code = '" + hospital + "'"
                + " and fund = 'BASIC' and period like '%Q%'"));

        HttpResponse<byte[]> pdf = fetch("/api/v1/clearing/statements/" + q1Id, "application/pdf", "demo-auditor");
        assertEquals(200, pdf.statusCode());
        String printed = pdfText(pdf.body());
        assertTrue(printed.contains("2018年第一季度"), printed);
        assertTrue(printed.contains("壹仟元整"), printed);
        assertInvariants();
    }

    @Test
    void aDraftOutdatedByALaterBookingIsNotConfirmedAndRolesAreEnforced() throws Exception {
        String hospital = uniqueHospital("HO");
        registerHospital(hospital, HUINING, "会宁县第三人民医院");
        String id = registerPerson(HUINING, "会师镇");
        settle(id, hospital, "2018-07-05", "700.00");
        JsonObject july = only(array(generate(admin, HUINING, "BASIC", "2018-07", hospital)), hospital);
        settle(id, hospital, "2018-07-25", "300.00");
        Api.Reply outdated = admin.post("/api/v1/clearing/statements/" + july.getJsonNumber("id").longValue()
                + "/confirmation", "");
        assertEquals(409, outdated.status(), outdated::toString);
        assertEquals("STATEMENT_OUTDATED", outdated.json().getString("code"));
        JsonObject again = only(array(generate(admin, HUINING, "BASIC", "2018-07", hospital)), hospital);
        assertAmount("1000", amount(again, "total"));

        // the assistance fund's officer acts on its own fund only; an auditor only reads
        Api.Reply notOwnFund = generate(assistanceOfficer, HUINING, "BASIC", "2018-07", hospital);
        assertEquals(403, notOwnFund.status(), notOwnFund::toString);
        assertEquals(403, generate(auditor, HUINING, "BASIC", "2018-07", hospital).status());
        assertEquals(201, generate(assistanceOfficer, HUINING, "ASSISTANCE", "2018-07", hospital).status());
        assertEquals(200, auditor.get("/api/v1/clearing/statements?county=620422&fund=BASIC&hospital=" + hospital)
                .status());
        assertTrue(array(assistanceOfficer.get("/api/v1/clearing/statements?fund=BASIC&hospital=" + hospital))
                .getValuesAs(JsonObject.class).stream().allMatch(s -> "ASSISTANCE".equals(s.getString("fund"))));
        assertEquals(404, assistanceOfficer.get("/api/v1/clearing/statements/" + again.getJsonNumber("id").longValue())
                .status());
        assertInvariants();
    }

    @Test
    void generatingTheSamePeriodTwiceAtOnceMakesOneSetOfStatements() throws Exception {
        String hospital = uniqueHospital("HP");
        registerHospital(hospital, HUINING, "会宁县第四人民医院");
        String id = registerPerson(HUINING, "会师镇");
        settle(id, hospital, "2018-08-05", "800.00");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> generate(admin, HUINING, "BASIC", "2018-08", null).status());
            }
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertEquals(201, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from clearing_statement where hospital_code = '" + hospital + "'"));
        assertInvariants();
    }

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() throws Exception {
        String hospital = uniqueHospital("HB");
        registerHospital(hospital, HUINING, "会宁县第五人民医院");
        String elsewhere = uniqueHospital("HY");
        registerHospital(elsewhere, "370323", "沂源县人民医院");
        long before = count("select (select count(*) from clearing_statement) + (select count(*) from"
                + " clearing_prepayment) + (select count(*) from clearing_assessment)");
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        assertProblem(422, "UNKNOWN_VALUE", generate(admin, HUINING, "NOPE", "2018-04", null));
        assertProblem(422, "PERIOD_INVALID", generate(admin, HUINING, "BASIC", "2018-4", null));
        assertProblem(422, "PERIOD_INVALID", generate(admin, HUINING, "BASIC", "2018-13", null));
        assertProblem(422, "PERIOD_NOT_ENDED", generate(admin, HUINING, "BASIC", thisMonth, null));
        assertProblem(422, "UNKNOWN_COUNTY", generate(admin, "999999", "BASIC", "2018-04", null));
        assertProblem(422, "HOSPITAL_OF_ANOTHER_COUNTY", generate(admin, HUINING, "BASIC", "2018-04", elsewhere));
        assertProblem(400, "MALFORMED_JSON", admin.post("/api/v1/clearing/statements", "{\"county\":"));
        // a range that can hold nothing is refused, not answered with no entries
        assertProblem(422, "PERIOD_INVALID", admin.get("/api/v1/ledger?county=620422&from=2020-12&to=2020-01"));
        assertProblem(422, "AMOUNT_INVALID", admin.post("/api/v1/clearing/prepayments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "amount": -100,
                 "paidOn": "2018-03-01", "reference": "YB-X"}""".formatted(hospital)));
        assertProblem(422, "HOSPITAL_OF_ANOTHER_COUNTY", admin.post("/api/v1/clearing/prepayments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "amount": 100,
                 "paidOn": "2018-03-01", "reference": "YB-X"}""".formatted(elsewhere)));
        // above what the database keeps (was a 500: numeric field overflow)
        assertProblem(422, "AMOUNT_INVALID", admin.post("/api/v1/clearing/prepayments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "amount": 99999999999999,
                 "paidOn": "2018-03-01", "reference": "YB-X"}""".formatted(hospital)));
        String tomorrow = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        assertProblem(422, "DATE_IN_FUTURE", admin.post("/api/v1/clearing/prepayments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "amount": 100,
                 "paidOn": "%s", "reference": "YB-X"}""".formatted(hospital, tomorrow)));
        assertProblem(422, "SCORE_INVALID", admin.post("/api/v1/clearing/assessments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "year": 2018, "score": 1.5}
                """.formatted(hospital)));
        assertProblem(422, "SCORE_INVALID", admin.post("/api/v1/clearing/assessments", """
                {"county": "620422", "fund": "BASIC", "hospitalCode": "%s", "year": 2018, "score": -0.1}
                """.formatted(hospital)));
        assertProblem(404, "STATEMENT_NOT_FOUND", admin.post("/api/v1/clearing/statements/999999999/confirmation", ""));
        long after = count("select (select count(*) from clearing_statement) + (select count(*) from"
                + " clearing_prepayment) + (select count(*) from clearing_assessment)");
        assertEquals(before, after, "nothing stored");
    }

    static void assertProblem(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType(), reply::toString);
        assertEquals(code, reply.json().getString("code"), reply::toString);
    }

    /**
     * back-office.md's invariants over the whole database, whatever other tests stored: per county and fund the
     * statement lines add up to the journal's amounts; no entry is in two statements; a confirmed statement's
     * stored total is still the sum of its lines; payable + held + prepayment applied = confirmed lines.
     */
    static void assertInvariants() throws SQLException {
        assertEquals(0, count("select count(*) from (select e.county, f.fund, sum(f.amount) as amount"
                + " from ledger_entry e join ledger_entry_fund f on f.entry_id = e.id group by e.county, f.fund) j"
                + " full join (select county, fund, sum(amount) as amount from clearing_line group by county, fund) l"
                + " on l.county = j.county and l.fund = j.fund where l.amount is distinct from j.amount"));
        assertEquals(0, count("select count(*) from (select entry_id, fund from clearing_line"
                + " group by entry_id, fund having count(*) > 1) twice"));
        assertEquals(0, count("select count(*) from clearing_statement s where s.status <> 'DRAFT' and s.total <>"
                + " (select coalesce(sum(l.amount), 0) from clearing_line l where l.county = s.county"
                + " and l.fund = s.fund and l.hospital_code = s.hospital_code and l.period = s.period)"));
        assertEquals(0, count("select count(*) from (select county, fund, sum(payable + held_back"
                + " + prepayment_applied) as paid, sum(total) as total from clearing_statement where status <> 'DRAFT'"
                + " group by county, fund) c where c.paid <> c.total"));
    }

    static String pdfText(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError("not a readable PDF", unreadable);
        }
    }

}
