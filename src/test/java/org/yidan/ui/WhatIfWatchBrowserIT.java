package org.yidan.ui;

import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.PersonIds;
import org.yidan.platform.EmbeddedDatabaseSession;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The what-if screen (政策测算) and the watch screens (返贫风险, 自查自纠) in a real headless Chromium, as a policy analyst
 * and an administrator use them. Data of its own: 沂源 bills discharged 20–25 August 2020 for the what-if (no other
 * test settles there), 会宁 bills in July and August 2018 for the watch (WhatIfAndWatchIT's risk months, whose checks
 * look at their own persons only).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WhatIfWatchBrowserIT extends BrowserFixture {

    private static final PersonIds PERSON_IDS = new PersonIds("19550505", 500);
    private static final String LOWER_DEDUCTIBLE = "0-4000:0, 4000-100000:0.65, 100000-300000:0.75, 300000-:0.85";

    Api clerk;

    @BeforeEach
    void clerk() {
        clerk = new Api(base).as("demo-clerk", "demo-clerk");
    }

    private String registerPerson(String county, String name) {
        return register(PERSON_IDS.next(county), """
                {"name": "%s", "county": "%s", "householdId": "H-UI-%s",
                 "categories": [{"code": "REGISTERED_POOR", "from": "2016-01-01", "to": null}],
                 "standardTags": [], "chronicDiseases": []}
                """.formatted(name, county, county));
    }

    private JsonObject settle(String id, String hospital, String admitted, String discharged, String total,
                              String scope, String basic) {
        Api.Reply reply = clerk.post("/api/v1/settlements", """
                {"idNumber": "%s", "hospital": {"code": "%s", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "%s", "dischargeDate": "%s",
                 "totalAmount": %s, "policyScopeAmount": %s, "specialDrugAmount": 0,
                 "externalPayments": {"BASIC": %s}}
                """.formatted(id, hospital, admitted, discharged, total, scope, basic),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    /** Non-transparent pixels of the chart's canvas: more than a few means bars were drawn. */
    private static long painted(Browser browser, String chartId) {
        Object pixels = browser.await(driver -> browser.script("var c = document.querySelector(\"[id='" + chartId
                + "'] canvas\"); if (!c || !window.Chart || !Chart.getChart(c)) return null;"
                + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                + " for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n > 0 ? n : null;"));
        return ((Number) pixels).longValue();
    }

    @Test
    void anAnalystDraftsAPolicyRunsItAndReadsTheResultSideBySide() throws Exception {
        // scope left after basic 4,500: under the 5,000 deductible, over the draft's 4,000 → critical 500 × 0.65
        String small = registerPerson("370323", "赵测算");
        String large = registerPerson("370323", "钱测算");
        settle(small, "H370323001", "2020-08-18", "2020-08-21", "10000", "9000", "4500");
        settle(large, "H370323001", "2020-08-12", "2020-08-24", "60000", "50000", "30000");

        Browser browser = browser();
        browser.logIn("demo-analyst", "demo-analyst");
        browser.open("/simulation/whatif.xhtml");
        browser.choose("whatifForm:policy", "沂源县 2020");
        browser.type("whatifForm:from_input", "2020-08-20");
        browser.type("whatifForm:to_input", "2020-08-25");
        browser.replace("whatifForm:overrides", "# 降低大病保险起付线\nrule.critical.segments=" + LOWER_DEDUCTIBLE);
        browser.screenshot("whatif-01-draft");
        browser.click("whatifForm:startButton");

        // the run shows its status and progress, then its result
        String heading = browser.text(By.cssSelector("[id='resultForm'] h2"));
        assertTrue(heading.matches("(?s).*(排队中|运行中|已完成).*\\d+%.*"), heading);
        browser.awaitText(By.cssSelector("[id='resultForm'] h2"), "已完成");
        browser.find("resultForm:figures");
        assertTrue(browser.text(By.cssSelector("[id='resultForm'] h2")).contains("100%"));
        String funds = browser.text("resultForm:funds");
        // critical illness: +325.00 for the small stay; the large one is over both deductibles: +650.00
        assertTrue(funds.contains("大病保险"), funds);
        String criticalRow = browser.text(By.xpath("//*[@id='resultForm:funds']//tr[td[contains(., '大病保险')]]"));
        assertTrue(criticalRow.endsWith("975.00"), criticalRow);
        assertTrue(browser.text("resultForm:figures").contains("2"), "two settlements");
        // amounts and ratios written as the report writes them (they read 70000.00 and 0.6851)
        assertTrue(browser.text("resultForm:figures").matches("(?s).*70,000\\.00.*实际补偿比 \\d+\\.\\d{2}%.*"),
                browser.text("resultForm:figures"));
        assertTrue(painted(browser, "resultForm:fundsChart") > 1000, "the funds chart is drawn");
        assertTrue(painted(browser, "resultForm:distributionChart") > 1000, "the distribution chart is drawn");
        assertTrue(browser.text("resultForm:targets").contains("实际补偿比上限"), "the report's default ceiling");
        String changes = browser.text("resultForm:changes");
        assertTrue(changes.contains(IdNumbers.mask(small)) && changes.contains(IdNumbers.mask(large)), changes);
        assertFalse(changes.contains(small), "ID numbers are masked");
        browser.script("document.getElementById('resultForm').scrollIntoView();");
        browser.screenshot("whatif-02-result");
        browser.script("document.getElementById('resultForm:targets').scrollIntoView();");
        browser.screenshot("whatif-03-targets-and-changes");

        browser.click("resultForm:exportXlsx");
        Path xlsx = browser.awaitDownload(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            StringBuilder cells = new StringBuilder();
            for (Sheet sheet : book) {
                cells.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(cell).append('\t');
                    }
                    cells.append('\n');
                }
            }
            assertTrue(cells.toString().contains("CRITICAL"), cells::toString);
            assertTrue(cells.toString().contains("975"), cells::toString);
        }
        browser.click("resultForm:downloadDraft");
        Path draft = browser.awaitDownload(".properties");
        String properties = Files.readString(draft, StandardCharsets.UTF_8);
        assertTrue(properties.contains("yidan.policy.370323.2021.rule.critical.segments = " + LOWER_DEDUCTIBLE),
                properties);
    }

    @Test
    void anAdministratorWorksARiskCaseAndFiltersTheComplianceList() throws Exception {
        // 会宁's threshold 5,000 (arquillian.xml): 3,000 then 3,500 of self-pay; and a stay with nothing to pay
        String person = registerPerson("620422", "孙监测");
        settle(person, "H620422001", "2018-07-12", "2018-07-20", "5000", "4000", "2000");
        String crossing = settle(person, "H620422001", "2018-08-12", "2018-08-20", "4000", "1000", "500")
                .getString("receiptNo");
        String free = registerPerson("620422", "李零付");
        String zero = settle(free, "H620422003", "2018-08-02", "2018-08-06", "1000", "1000", "1000")
                .getString("receiptNo");

        Browser browser = browser();
        browser.logIn("demo-admin", "demo-admin");
        browser.open("/watch/risk.xhtml");
        // 沂源 has no threshold: the screen says nobody can be flagged, not just "no records"
        browser.choose("riskForm:county", "沂源县 370323");
        browser.click("riskForm:searchButton");
        assertTrue(browser.text("riskForm:watchOff").contains("未设置返贫风险监测线"), browser.pageText());
        browser.screenshot("watch-00-risk-not-configured");
        browser.choose("riskForm:county", "会宁县 620422");
        browser.replace("riskForm:year_input", "2018");
        browser.choose("riskForm:status", "新预警");
        browser.click("riskForm:searchButton");
        By row = By.xpath("//*[@id='riskForm:cases']//tr[td[contains(., '" + crossing + "')]]");
        assertTrue(browser.text(row).contains(crossing), browser.text(row));
        assertTrue(browser.text(row).contains("新预警"), browser.text(row));
        assertFalse(browser.present(By.id("riskForm:watchOff")), "会宁 is watched");
        browser.screenshot("watch-01-risk-new");

        move(browser, crossing, "核查中", "入户核查，住院自付较高");
        browser.choose("riskForm:status", "核查中");
        browser.click("riskForm:searchButton");
        assertTrue(browser.text(row).contains("核查中"), browser.text(row));
        move(browser, crossing, "已转即时帮扶", "已转乡镇即时帮扶");
        browser.choose("riskForm:status", "已转即时帮扶");
        browser.click("riskForm:searchButton");
        assertTrue(browser.text(row).contains("已转即时帮扶"), browser.text(row));
        browser.screenshot("watch-02-risk-referred");

        // each step kept with its note, who and when
        try (Connection db = DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
             PreparedStatement select = db.prepareStatement("select s.to_status, s.username, s.note"
                     + " from risk_case_step s join risk_case c on c.id = s.case_id where c.flagged_by = ?"
                     + " order by s.position")) {
            select.setString(1, crossing);
            List<String> steps = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString(1) + "/" + rows.getString(2) + "/" + rows.getString(3));
                }
            }
            assertEquals(List.of("UNDER_REVIEW/demo-admin/入户核查，住院自付较高",
                    "REFERRED/demo-admin/已转乡镇即时帮扶"), steps.subList(steps.size() - 2, steps.size()));
        }

        browser.open("/watch/compliance.xhtml");
        browser.choose("complianceForm:county", "会宁县 620422");
        browser.replace("complianceForm:from_input", "2018-07-01");
        browser.replace("complianceForm:to_input", "2018-08-31");
        browser.click("complianceForm:searchButton");
        String all = browser.text("complianceForm:findings");
        assertTrue(all.contains(zero), all);
        assertTrue(all.contains("零自付") && all.contains("报销比超上限"), all);
        assertTrue(browser.text(By.cssSelector("[id='complianceForm:findings'] thead")).contains("结算单号"));
        browser.choose("complianceForm:rule", "零自付");
        browser.click("complianceForm:searchButton");
        String zeroOnly = browser.text("complianceForm:findings");
        assertTrue(zeroOnly.contains(zero), zeroOnly);
        assertFalse(zeroOnly.contains("报销比超上限"), zeroOnly);
        assertFalse(zeroOnly.contains(crossing), zeroOnly);
        browser.screenshot("watch-03-compliance-zero-self-pay");
    }

    /** Moves the case in {@code row} one step through the screen's dialog, with a note. */
    private static void move(Browser browser, String flaggedBy, String to, String note) {
        browser.click(By.xpath("//*[@id='riskForm:cases']//tr[td[contains(., '" + flaggedBy + "')]]"
                + "//button[contains(@id, 'prepare')]"));
        browser.find("moveForm:note");
        browser.choose("moveForm:moveTo", to);
        browser.replace("moveForm:note", note);
        browser.click("moveForm:moveButton");
        browser.await(driver -> !driver.findElement(By.id("moveForm:note")).isDisplayed());
    }
}
