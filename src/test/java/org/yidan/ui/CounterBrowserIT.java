package org.yidan.ui;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.PersonIds;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counter as a clerk and an auditor use it, in a real headless Chromium (Debian's chromium and
 * chromium-driver): log in, find the person, enter the worked example's bill, preview, settle, read the
 * receipt, log out; as the auditor reverse it; five wrong passwords lock an account; a fund officer reads
 * its own fund's ledger and nothing else. Screenshots of every
 * screen go to target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CounterBrowserIT extends BrowserFixture {

    private static final PersonIds PERSON_IDS = new PersonIds("19491001", 499);

    /**
     * A DIBAO person of 沂源县 of this test alone, so that no other test's settlements move their accumulators.
     * The name carries markup that must be shown as text, never run.
     */
    String registerPerson(String name) {
        return register(PERSON_IDS.next("370323"), """
                {"name": "%s", "county": "370323", "householdId": "H-UI-0001",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}],
                 "standardTags": ["NATIONAL"], "chronicDiseases": []}
                """.formatted(name.replace("\"", "\\\"")));
    }

    /** The validation message shown beside a field: the first error message after it on the page. */
    static By messageAfter(String fieldId) {
        return By.xpath("//*[@id='" + fieldId + "']/following::*[contains(@class,'ui-message-error')][1]");
    }

    /** The bill of policy.md's worked example (沂源县 2020, inpatient), once the hospital is on it; then 试算. */
    static void previewWorkedExample(Browser clerk) {
        clerk.type("billForm:admissionDate_input", "2020-05-01");
        clerk.type("billForm:dischargeDate_input", "2020-05-10");
        clerk.click(By.cssSelector("h1.yd-page-title"));
        clerk.replace("billForm:totalAmount", "60000");
        clerk.replace("billForm:policyScopeAmount", "50000");
        clerk.find(By.cssSelector("input.yd-external-BASIC")).sendKeys("30000");
        clerk.click("billForm:previewButton");
        clerk.awaitScrolledTo("previewForm:previewPanel");
    }

    @Test
    void aClerkSettlesTheWorkedExampleAndAnAuditorReversesIt() {
        String name = "<script>window.yidanXss=1</script>张测试";
        String id = registerPerson(name);
        String lastDigits = id.substring(10);
        String receiptNo;

        Browser clerk = browser();
        clerk.open("/");
        assertEquals("/login.xhtml", clerk.currentPath(), "an anonymous visitor is sent to the login page");
        clerk.screenshot("01-login");

        clerk.logIn("demo-clerk", "demo-clerk");
        clerk.awaitPath("/settlement/counter.xhtml");
        assertEquals("演示窗口经办", clerk.text("headerForm:signedInName"));
        assertEquals("窗口经办", clerk.text("headerForm:signedInRoles"));

        // a whole ID number with a wrong check digit is said to be mistyped (it read 没有找到…请到对象登记处办理)
        String typo = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        clerk.type("lookupForm:query", typo);
        clerk.click("lookupForm:findButton");
        assertTrue(clerk.pageText().contains("校验位"), clerk.pageText());
        assertFalse(clerk.pageText().contains("对象登记处办理"), clerk.pageText());

        // find the person by the last digits of the ID number
        clerk.replace("lookupForm:query", lastDigits);
        clerk.click("lookupForm:findButton");
        assertEquals(name, clerk.text("personForm:personName"), "the name is shown as text, markup and all");
        assertFalse(Boolean.TRUE.equals(clerk.script("return window.yidanXss === 1;")), "a name must never run");
        assertEquals(IdNumbers.mask(id), clerk.text("personForm:personId"), "a clerk sees the masked ID number");
        assertTrue(clerk.text(By.id("categories")).contains("低保对象"));
        clerk.screenshot("02-person-found");

        // a bill with missing fields: Chinese messages beside the fields, nothing typed is lost
        clerk.type("billForm:hospitalCode_input", "H370323001");
        clerk.click("billForm:previewButton");
        assertEquals("医疗总费用：必填", clerk.text(messageAfter("billForm:totalAmount")));
        assertEquals("H370323001", clerk.find("billForm:hospitalCode_input").getAttribute("value"));
        clerk.screenshot("03-bill-validation");

        // the worked example of policy.md: 沂源县 2020, county hospital, inpatient
        clerk.choose("billForm:hospitalLevel", "县级医疗机构");
        previewWorkedExample(clerk);

        assertTrue(clerk.text(By.cssSelector("tr.yd-fund-CRITICAL")).contains("9,750.00"));
        assertTrue(clerk.text(By.cssSelector("tr.yd-fund-ASSISTANCE")).contains("8,200.00"));
        assertTrue(clerk.text(By.cssSelector("tr.yd-fund-BASIC")).contains("30,000.00"));
        assertEquals("12,050.00", clerk.text("previewForm:selfPay"));
        clerk.screenshot("04-preview");

        clerk.click("previewForm:settleButton");
        clerk.find(By.cssSelector(".ui-confirm-dialog"));
        assertTrue(clerk.text(By.cssSelector(".ui-confirm-dialog")).contains("12,050.00"));
        clerk.screenshot("05-settle-confirmation");
        clerk.confirm("confirmYes");
        clerk.awaitPath("/receipts/receipt.xhtml");

        receiptNo = clerk.text("receiptNo");
        assertTrue(receiptNo.startsWith("370323-"), receiptNo);
        assertEquals("已结算", clerk.text("status"));
        assertEquals(name, clerk.text("personName"));
        assertEquals(IdNumbers.mask(id), clerk.text("idNumber"));
        assertEquals("60,000.00", clerk.text("totalAmount"));
        assertEquals("50,000.00", clerk.text("policyScopeAmount"));
        assertTrue(clerk.text(By.cssSelector("tr.yd-line-CRITICAL")).contains("9,750.00"));
        assertTrue(clerk.text(By.cssSelector("tr.yd-line-ASSISTANCE")).contains("8,200.00"));
        assertEquals("47,950.00", clerk.text("fundTotal"));
        assertEquals("12,050.00", clerk.text("selfPay"));
        assertEquals("壹万贰仟零伍拾元整", clerk.text("selfPayWords"));
        assertTrue(clerk.text("clerk").contains("demo-clerk"));
        assertFalse(clerk.text("verificationCode").isEmpty());
        String pdf = clerk.find(By.xpath("//*[@id='pdfLink']/descendant-or-self::a")).getAttribute("href");
        assertTrue(pdf.endsWith("/api/v1/settlements/" + receiptNo + "/receipt.pdf"), pdf);
        assertTrue(clerk.fetch(pdf).startsWith("200 application/pdf"), "the PDF opens with the counter's session");
        assertFalse(clerk.present(By.id("reversedBanner")));
        clerk.screenshot("06-receipt");

        // a clerk has no audit screen
        clerk.open("/security/audit.xhtml");
        assertTrue(clerk.pageText().contains("无权访问"), clerk.pageText());

        clerk.open("/settlement/counter.xhtml");
        clerk.logOut();
        assertTrue(clerk.pageText().contains("您已安全退出"));
        clerk.open("/settlement/counter.xhtml");
        assertEquals("/login.xhtml", clerk.currentPath(), "after logging out the counter needs a login again");
        close(clerk);

        Browser auditor = browser();
        auditor.logIn("demo-auditor", "demo-auditor");
        auditor.awaitPath("/settlement/history.xhtml");
        auditor.type("historyForm:person", lastDigits);
        auditor.click("historyForm:searchButton");
        String rowXpath = "//tr[.//a[normalize-space()='" + receiptNo + "']]";
        By row = By.xpath(rowXpath);
        assertTrue(auditor.text(row).contains("12,050.00"));
        assertTrue(auditor.text(By.xpath(rowXpath + "/td[3]")).contains(id), "an auditor sees the full ID number");
        auditor.screenshot("07-history");

        auditor.click(By.xpath(rowXpath + "//button[contains(@id,'reverseButton')]"));
        auditor.find("reverseForm:reason");
        auditor.click("reverseForm:confirmReverse");
        assertEquals("请填写冲销原因", auditor.text(messageAfter("reverseForm:reason")));
        auditor.type("reverseForm:reason", "医院重复上传账单，冲销后重新结算");
        auditor.screenshot("08-reversal-dialog");
        auditor.click("reverseForm:confirmReverse");
        auditor.awaitText(row, "已冲销");
        auditor.screenshot("09-history-reversed");

        auditor.click(By.xpath(rowXpath + "//a[contains(@class,'yd-receipt-link')]"));
        auditor.awaitPath("/receipts/receipt.xhtml");
        assertEquals("已冲销", auditor.text("status"));
        assertTrue(auditor.text("reversedBanner").contains("已冲销"));
        assertTrue(auditor.pageText().contains("医院重复上传账单，冲销后重新结算"));
        auditor.screenshot("10-receipt-reversed");

        // the audit trail shows the settlement and the reversal of this receipt
        auditor.open("/security/audit.xhtml");
        String audit = auditor.pageText();
        assertTrue(audit.contains(receiptNo), audit);
        assertTrue(audit.contains("demo-auditor") && audit.contains("demo-clerk"), audit);
        auditor.screenshot("13-audit");
    }

    /**
     * The counter picks the hospital from the registry of the person's county: part of its name typed, the
     * suggestion picked fills code, name, level and in-county, and the bill settles; a code not in the registry
     * is warned about in Chinese and still settles (see README "Counter").
     */
    @Test
    void aClerkPicksTheHospitalFromTheRegistryByPartOfItsName() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String code = "HUI" + n;
        String name = "沂源县第" + n + "人民医院";
        Api.Reply registered = admin.put("/api/v1/hospitals/" + code, """
                {"name": "%s", "county": "370323", "level": "COUNTY", "inCounty": true, "township": "历山街道"}
                """.formatted(name));
        assertEquals(201, registered.status(), registered::toString);
        String id = registerPerson("孙挑院");

        Browser clerk = browser();
        clerk.logIn("demo-clerk", "demo-clerk");
        clerk.awaitPath("/settlement/counter.xhtml");
        clerk.type("lookupForm:query", id.substring(10));
        clerk.click("lookupForm:findButton");
        assertEquals("孙挑院", clerk.text("personForm:personName"));

        // a code the registry does not hold: a Chinese warning beside the field, the level stays the clerk's
        clerk.type("billForm:hospitalCode_input", "HNOT" + n);
        clerk.click(By.cssSelector("h1.yd-page-title"));
        clerk.awaitText(By.id("billForm:hospitalWarning"), "不在");
        assertTrue(clerk.text("billForm:hospitalWarning").contains("HNOT" + n), clerk.text("billForm:hospitalWarning"));
        assertEquals("请选择", clerk.text("billForm:hospitalLevel_label"));
        clerk.screenshot("20-hospital-not-registered");

        // part of the name, then the suggestion
        clerk.replace("billForm:hospitalCode_input", "第" + n + "人民");
        By suggestion = By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(., '" + name + "')]");
        clerk.await(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(suggestion));
        clerk.screenshot("21-hospital-suggestions");
        clerk.click(suggestion);
        clerk.awaitText(By.id("billForm:hospitalName"), name);
        assertEquals(code, clerk.find("billForm:hospitalCode_input").getAttribute("value"));
        assertEquals("县级医疗机构", clerk.text("billForm:hospitalLevel_label"));
        assertEquals(Boolean.TRUE, clerk.script("return document.getElementById('billForm:inCounty_input').checked;"),
                "the registry says in county");
        assertFalse(clerk.present(By.id("billForm:hospitalWarning")), "a registered hospital is not warned about");
        clerk.screenshot("22-hospital-picked");

        // the worked example's bill at the picked hospital settles as before
        previewWorkedExample(clerk);
        assertEquals("12,050.00", clerk.text("previewForm:selfPay"));
        assertFalse(clerk.present(By.id("previewForm:previewHospitalWarning")));
        clerk.click("previewForm:settleButton");
        clerk.find(By.cssSelector(".ui-confirm-dialog"));
        clerk.confirm("confirmYes");
        clerk.awaitPath("/receipts/receipt.xhtml");
        String receiptNo = clerk.text("receiptNo");
        clerk.screenshot("23-hospital-receipt");

        // the settlement carries the picked code, and the ledger books it under the registry's name
        Api.Reply settled = admin.get("/api/v1/settlements/" + receiptNo);
        assertEquals(200, settled.status(), settled::toString);
        assertTrue(settled.body().contains(code), settled::toString);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        String username = "lock-test-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        String password = "Right-Password-1";
        Browser browser = browser();
        // an administrator creates the user that this test locks, so that no other test's user is touched
        browser.logIn("demo-admin", "demo-admin");
        browser.open("/security/users.xhtml");
        browser.type("createForm:username", username);
        browser.type("createForm:displayName", "锁定测试");
        browser.type("createForm:password", password);
        browser.click(By.xpath("//*[@id='createForm:roles']//label[text()='窗口经办']"));
        browser.click("createForm:createButton");
        browser.awaitText(By.id("usersForm:users"), username);
        browser.screenshot("11-users");
        browser.logOut();

        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.logIn(username, "wrong-" + attempt);
            assertTrue(browser.text("loginProblem").startsWith("用户名或密码错误"), browser.text("loginProblem"));
        }
        browser.logIn(username, "wrong-5");
        assertTrue(browser.text("loginProblem").startsWith("用户名或密码错误"), browser.text("loginProblem"));
        browser.screenshot("12-locked");

        browser.logIn(username, password);
        assertEquals("/login.xhtml", browser.currentPath().replaceAll("[?;].*", ""),
                "the right password does not open a locked account");
        assertTrue(browser.text("loginProblem").startsWith("用户名或密码错误"), browser.text("loginProblem"));
        assertNotEquals("", browser.text("loginProblem"));

        // the administrator unlocks it; then the right password works again
        browser.logIn("demo-admin", "demo-admin");
        browser.open("/security/users.xhtml");
        browser.click(By.xpath("//tr[td[normalize-space()='" + username + "']]//button[contains(@id,'unlock')]"));
        browser.awaitText(By.id("usersForm:users"), username);
        browser.logOut();
        browser.logIn(username, password);
        browser.awaitPath("/settlement/counter.xhtml");
    }

    @Test
    void aFundOfficerSeesOnlyItsOwnFundsLinesInTheLedger() {
        int suffix = ThreadLocalRandom.current().nextInt(100000, 1000000);
        String username = "fund-test-" + suffix;
        String password = "Right-Password-1";
        Browser browser = browser();
        // an administrator creates the fund officer of 医疗救助 (ASSISTANCE), as a county would
        browser.logIn("demo-admin", "demo-admin");
        browser.open("/security/users.xhtml");
        browser.type("createForm:username", username);
        browser.type("createForm:displayName", "救助基金经办");
        browser.type("createForm:password", password);
        browser.click(By.xpath("//*[@id='createForm:roles']//label[text()='基金查看']"));
        browser.choose("createForm:fund", "医疗救助");
        browser.click("createForm:createButton");
        browser.awaitText(By.id("usersForm:users"), username);
        browser.logOut();

        // the worked example settled at the counter's API: BASIC 30,000.00, CRITICAL 9,750.00, ASSISTANCE 8,200.00;
        // a hospital code of this test alone lets the ledger be filtered down to this one settlement
        String id = registerPerson("李台账");
        String hospital = "H-LEDGER-" + suffix;
        Api clerk = new Api(base).as("demo-clerk", "demo-clerk");
        Api.Reply settled = clerk.post("/api/v1/settlements", """
                {"idNumber": "%s",
                 "hospital": {"code": "%s", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10",
                 "totalAmount": 60000.00, "policyScopeAmount": 50000.00, "specialDrugAmount": 0,
                 "externalPayments": {"BASIC": 30000.00}}
                """.formatted(id, hospital), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, settled.status(), settled::toString);
        String receiptNo = settled.json().getString("receiptNo");

        // the home page sends the fund officer to its ledger; newest first, so this settlement is on the first page
        browser.logIn(username, password);
        browser.awaitPath("/ledger/ledger.xhtml");
        assertEquals("基金查看", browser.text("headerForm:signedInRoles"));
        assertEquals("医疗救助", browser.text("ledgerForm:fundName"));
        assertTrue(browser.present(By.id("menuFundLedger")));
        assertFalse(browser.present(By.id("menuCounter")), "a fund officer has no counter in the menu");
        assertFalse(browser.present(By.id("menuHistory")), "nor the settlement history with every fund");
        By row = By.xpath("//tr[td[normalize-space()='" + receiptNo + "']]");
        assertTrue(browser.text(row).contains("8,200.00"), browser.text(row));
        assertTrue(browser.text(row).contains(IdNumbers.mask(id)), "a fund officer sees the masked ID number");
        browser.screenshot("20-fund-ledger");

        browser.type("ledgerForm:hospitalCode", hospital);
        browser.click("ledgerForm:searchButton");
        browser.awaitText(By.id("ledgerForm:lines"), "共 1 笔");
        String page = browser.pageText();
        assertTrue(page.contains(receiptNo), page);
        assertTrue(browser.text(row).contains("8,200.00"), browser.text(row));
        assertEquals("8,200.00", browser.text(By.cssSelector("[id$='settledTotal']")), "合计 of the one settlement");
        for (String otherFundsOrTotals : List.of("9,750.00", "30,000.00", "47,950.00", "60,000.00", "12,050.00")) {
            assertFalse(page.contains(otherFundsOrTotals), otherFundsOrTotals + " must not be shown: " + page);
        }
        assertFalse(page.contains(id), "a fund officer never sees the full ID number");
        assertFalse(browser.present(By.xpath("//a[normalize-space()='" + receiptNo + "']")),
                "no link to the receipt, which carries every fund's line");

        browser.open("/settlement/counter.xhtml");
        assertTrue(browser.pageText().contains("无权访问"), browser.pageText());
        browser.open("/settlement/history.xhtml");
        assertTrue(browser.pageText().contains("无权访问"), browser.pageText());
        close(browser);

        // an auditor chooses the fund, and sees full ID numbers
        Browser auditor = browser();
        auditor.logIn("demo-auditor", "demo-auditor");
        // (the fund ledger's old address leads to the ledger, 台账)
        auditor.open("/settlement/fund-ledger.xhtml");
        auditor.awaitPath("/ledger/ledger.xhtml");
        auditor.type("ledgerForm:hospitalCode", hospital);
        auditor.choose("ledgerForm:book", "兜底保障（附件1）");
        auditor.click("ledgerForm:searchButton");
        auditor.awaitText(By.id("ledgerForm:lines"), "共 1 笔");
        assertTrue(auditor.text(row).contains("8,200.00"), auditor.text(row));
        assertTrue(auditor.text(row).contains(id), "an auditor sees the full ID number");
        auditor.choose("ledgerForm:book", "大病保险（附件3）");
        auditor.awaitText(By.cssSelector("[id$='settledTotal']"), "9,750.00");
        assertTrue(auditor.text(row).contains("9,750.00"), auditor.text(row));
    }

    @Test
    void aFundOfficerExportsTheLedgerAndGeneratesConfirmsAndPaysAQuarterlyStatement() throws Exception {
        // one settlement at a hospital of this test alone, discharged in June 2020: ASSISTANCE pays 8,200.00
        String hospital = "H-CLR-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        String id = registerPerson("王清算");
        Api clerk = new Api(base).as("demo-clerk", "demo-clerk");
        Api.Reply settled = clerk.post("/api/v1/settlements", """
                {"idNumber": "%s",
                 "hospital": {"code": "%s", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "2020-06-01", "dischargeDate": "2020-06-10",
                 "totalAmount": 60000.00, "policyScopeAmount": 50000.00, "specialDrugAmount": 0,
                 "externalPayments": {"BASIC": 30000.00}}
                """.formatted(id, hospital), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, settled.status(), settled::toString);
        String receiptNo = settled.json().getString("receiptNo");

        // the fund officer of 医疗救助 exports its ledger of that hospital
        Browser browser = browser();
        browser.logIn("demo-fund", "demo-fund");
        browser.awaitPath("/ledger/ledger.xhtml");
        assertEquals("医疗救助", browser.text("ledgerForm:fundName"));
        browser.type("ledgerForm:hospitalCode", hospital);
        browser.click("ledgerForm:searchButton");
        browser.awaitText(By.id("ledgerForm:lines"), "共 1 笔");
        browser.screenshot("30-ledger");
        browser.click("ledgerForm:exportCsv");
        java.nio.file.Path csv = browser.awaitDownload(".csv");
        String exported = java.nio.file.Files.readString(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(exported.contains(receiptNo) && exported.contains("8200.00"), exported);
        assertTrue(exported.lines().findFirst().orElse("").contains("医疗救助"), exported);
        assertFalse(exported.contains("30000.00"), "only the officer's own fund is exported: " + exported);

        // generate the second quarter's statements (this deployment clears 沂源's assistance by quarter, see
        // arquillian.xml), review ours, confirm it, record its payment
        browser.open("/clearing/statements.xhtml");
        browser.choose("clearingForm:county", "370323");
        browser.awaitText(By.id("clearingForm:periodHint"), "按季清算");
        browser.replace("clearingForm:period", "2020-Q2");
        browser.click("clearingForm:generateButton");
        By row = By.xpath("//tr[td[contains(normalize-space(), '" + hospital + "')]]");
        browser.awaitText(row, "8,200.00");
        assertTrue(browser.text(row).contains("草稿") && browser.text(row).contains("2020年第二季度"),
                browser.text(row));
        browser.click(By.xpath("//tr[td[contains(normalize-space(), '" + hospital + "')]]//button[contains(@id, 'review')]"));
        browser.awaitText(By.id("clearingForm:detail"), receiptNo);
        browser.screenshot("31-statement-draft");
        browser.click("clearingForm:confirmButton");
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.awaitText(By.id("selectedStatus"), "已确认");
        browser.type("clearingForm:paidReference", "BK-2020-07-01");
        browser.click("clearingForm:payButton");
        browser.awaitText(By.id("selectedStatus"), "已拨付");
        assertTrue(browser.text(row).contains("已拨付"), browser.text(row));
        browser.screenshot("32-statement-paid");
        String stored = new Api(base).as("demo-auditor", "demo-auditor")
                .get("/api/v1/clearing/statements?county=370323&fund=ASSISTANCE&period=2020-Q2&hospital=" + hospital)
                .body();
        assertTrue(stored.contains("\"status\":\"PAID\"") && stored.contains("\"payable\":8200.00"), stored);
    }
}
