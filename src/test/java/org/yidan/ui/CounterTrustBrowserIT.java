package org.yidan.ui;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.Api;
import org.yidan.platform.PersonIds;

import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counter's money defects of issue 9, as a clerk meets them in headless Chromium: a bill changed after its
 * preview is never settled with the old figures; the confirmation shows total, fund total and self-pay; the same
 * bill settled again needs a second, audited confirmation; an amount that is not an amount is refused as typed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CounterTrustBrowserIT extends BrowserFixture {

    private static final PersonIds PERSON_IDS = new PersonIds("19500101", 99);

    String registerPerson(String name) {
        return register(PERSON_IDS.next("370323"), """
                {"name": "%s", "county": "370323", "householdId": "H-UI-0002",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}],
                 "standardTags": [], "chronicDiseases": []}
                """.formatted(name));
    }

    static By messageAfter(String fieldId) {
        return By.xpath("//*[@id='" + fieldId + "']/following::*[contains(@class,'ui-message-error')][1]");
    }

    /** Logs in as the clerk, finds the person and types the worked example's bill of policy.md. */
    Browser clerkWithBill(String id, String total) {
        Browser clerk = browser();
        clerk.logIn("demo-clerk", "demo-clerk");
        clerk.awaitPath("/settlement/counter.xhtml");
        clerk.type("lookupForm:query", id.substring(10));
        clerk.click("lookupForm:findButton");
        clerk.find("personForm:personName");
        // the demo's current year is a copy of 2020, and the counter says so
        String notice = clerk.text("personForm:policyNotice");
        assertTrue(notice.contains("演示副本") && notice.contains("2020"), notice);
        clerk.screenshot("money-00-demo-year");
        clerk.type("billForm:hospitalCode_input", "H370323001");
        clerk.choose("billForm:hospitalLevel", "县级医疗机构");
        clerk.type("billForm:admissionDate_input", "2020-05-01");
        clerk.type("billForm:dischargeDate_input", "2020-05-10");
        clerk.click(By.cssSelector("h1.yd-page-title"));
        clerk.replace("billForm:totalAmount", total);
        clerk.replace("billForm:policyScopeAmount", "50000");
        clerk.find(By.cssSelector("input.yd-external-BASIC")).sendKeys("30000");
        return clerk;
    }

    @Test
    void aBillChangedAfterItsPreviewIsNeverSettledWithTheOldFigures() {
        String id = registerPerson("改单测试");
        Browser clerk = clerkWithBill(id, "60000");
        assertTrue(!clerk.present(By.id("personForm:policyNotice")), "2020 is the county's own policy");
        clerk.click("billForm:previewButton");
        clerk.awaitScrolledTo("previewForm:previewPanel");
        assertEquals("12,050.00", clerk.text("previewForm:selfPay"));

        // the confirmation names the total, the fund total and the self-pay
        clerk.click("previewForm:settleButton");
        String confirmation = clerk.text(By.cssSelector(".ui-confirm-dialog"));
        assertTrue(confirmation.contains("60,000.00") && confirmation.contains("47,950.00")
                && confirmation.contains("12,050.00"), confirmation);
        clerk.screenshot("money-01-confirmation");
        clerk.confirm("confirmNo");

        // the total changes after the preview: the preview says it is stale ...
        clerk.replace("billForm:totalAmount", "90000");
        clerk.click(By.cssSelector("h1.yd-page-title"));
        assertTrue(clerk.present(By.cssSelector(".yd-preview.yd-stale")), "the preview is marked stale");
        clerk.screenshot("money-02-stale-preview");
        // ... and even if the page's script had missed the change, 结算 refuses the figures that were not previewed
        clerk.script("document.querySelectorAll('.yd-stale').forEach(function (e) { e.classList.remove('yd-stale'); });");
        clerk.click("previewForm:settleButton");
        clerk.confirm("confirmYes");
        assertEquals("/settlement/counter.xhtml", clerk.currentPath(), "nothing was settled");
        assertTrue(clerk.pageText().contains("账单已修改，请重新试算后再结算。"), clerk.pageText());
        assertEquals("90000.00", clerk.find("billForm:totalAmount").getAttribute("value"));
        clerk.screenshot("money-03-stale-refused");

        // previewed again, 结算 settles exactly what is on the screen
        clerk.click("billForm:previewButton");
        clerk.awaitScrolledTo("previewForm:previewPanel");
        assertEquals("42,050.00", clerk.text("previewForm:selfPay"));
        clerk.click("previewForm:settleButton");
        clerk.confirm("confirmYes");
        clerk.awaitPath("/receipts/receipt.xhtml");
        assertEquals("90,000.00", clerk.text("totalAmount"));
        assertEquals("42,050.00", clerk.text("selfPay"));

        // the receipt on screen shows what the PDF shows: each fund's explanation, the categories, the signature
        String receipt = clerk.text(By.id("receipt"));
        assertTrue(clerk.text(By.cssSelector("tr.yd-explanation-ASSISTANCE")).contains("× 80%"), receipt);
        assertEquals("低保对象", clerk.text("categories"));
        assertTrue(receipt.contains("参保人（家属）签字"), receipt);
        assertTrue(!receipt.contains("不属于上述人员"), "rules that did not concern the patient are left out");
        clerk.screenshot("money-08-receipt");
        // and the browser's print of it is one A5 page
        byte[] printed = clerk.printToPdf();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(printed)) {
            assertEquals(1, pdf.getNumberOfPages(), "the printed receipt fits one sheet");
            var page = pdf.getPage(0).getMediaBox();
            assertEquals(148, Math.round(page.getWidth() / 72 * 25.4), "A5 is 148 mm wide");
            assertEquals(210, Math.round(page.getHeight() / 72 * 25.4), "and 210 mm high");
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("money-09-receipt-print.pdf"), printed);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError("the browser's print is not a readable PDF", unreadable);
        }
    }

    @Test
    void theSameBillSettledAgainNeedsASecondAuditedConfirmation() {
        String id = registerPerson("重复测试");
        Browser clerk = clerkWithBill(id, "60000");
        clerk.click("billForm:previewButton");
        clerk.awaitScrolledTo("previewForm:previewPanel");
        clerk.click("previewForm:settleButton");
        clerk.confirm("confirmYes");
        clerk.awaitPath("/receipts/receipt.xhtml");
        String first = clerk.text("receiptNo");

        clerk.open("/settlement/counter.xhtml");
        clerk.type("lookupForm:query", id.substring(10));
        clerk.click("lookupForm:findButton");
        clerk.find("personForm:personName");
        clerk.type("billForm:hospitalCode_input", "H370323001");
        clerk.choose("billForm:hospitalLevel", "县级医疗机构");
        clerk.type("billForm:admissionDate_input", "2020-05-01");
        clerk.type("billForm:dischargeDate_input", "2020-05-10");
        clerk.click(By.cssSelector("h1.yd-page-title"));
        clerk.replace("billForm:totalAmount", "60,000.00");
        clerk.replace("billForm:policyScopeAmount", "50000");
        clerk.find(By.cssSelector("input.yd-external-BASIC")).sendKeys("30000");
        clerk.click("billForm:previewButton");
        clerk.awaitScrolledTo("previewForm:previewPanel");
        clerk.click("previewForm:settleButton");
        clerk.confirm("confirmYes");
        assertEquals("/settlement/counter.xhtml", clerk.currentPath(), "no second receipt without a second confirmation");
        String warning = clerk.text("previewForm:duplicateWarning");
        assertTrue(warning.contains(first), warning);
        clerk.screenshot("money-04-duplicate-warning");

        clerk.awaitScrolledTo("previewForm:duplicateWarning");
        clerk.click("previewForm:settleDuplicateButton");
        assertTrue(clerk.text(By.cssSelector(".ui-confirm-dialog")).contains(first));
        clerk.confirm("confirmYes");
        clerk.awaitPath("/receipts/receipt.xhtml");
        String second = clerk.text("receiptNo");
        assertNotEquals(first, second);

        Browser auditor = browser();
        auditor.logIn("demo-auditor", "demo-auditor");
        auditor.open("/security/audit.xhtml");
        String audit = auditor.pageText();
        assertTrue(audit.contains("确认重复结算") && audit.contains(second) && audit.contains(first), audit);
        auditor.screenshot("money-05-duplicate-audited");
    }

    @Test
    void anAmountThatIsNotAnAmountIsRefusedAsTyped() {
        String id = registerPerson("金额测试");
        Browser clerk = clerkWithBill(id, "-5000");
        clerk.replace("billForm:policyScopeAmount", "12a34");
        clerk.click("billForm:previewButton");
        assertTrue(clerk.text(messageAfter("billForm:totalAmount")).contains("“-5000”不是有效金额"),
                clerk.text(messageAfter("billForm:totalAmount")));
        assertTrue(clerk.text(messageAfter("billForm:policyScopeAmount")).contains("“12a34”不是有效金额"));
        assertEquals("-5000", clerk.find("billForm:totalAmount").getAttribute("value"), "what was typed stays");
        assertEquals("12a34", clerk.find("billForm:policyScopeAmount").getAttribute("value"));
        assertTrue(!clerk.present(By.id("previewForm:previewPanel")), "nothing was previewed");
        clerk.screenshot("money-06-amount-refused");
    }

    /**
     * Issue 9: the counter decided by itself which rules can pay a person and listed the assistance and
     * re-assistance totals of a person who had exited (销号); the calculator refuses that person. Now the counter
     * asks the calculator: nothing can pay them, and the categories are not shown as valid today.
     */
    @Test
    void aPersonWhoHasExitedHasNoFundThatCanPayThem() {
        String first17 = "370323" + "19510101" + String.format("%03d", ThreadLocalRandom.current().nextInt(100, 1000));
        String id = first17 + IdNumbers.checkCharacter(first17);
        Api.Reply put = admin.put("/api/v1/beneficiaries/" + id, """
                {"name": "销号测试", "county": "370323", "householdId": "H-UI-0003",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}],
                 "standardTags": [], "chronicDiseases": [], "exitedOn": "2020-06-01"}
                """);
        assertEquals(201, put.status(), put::toString);

        Browser clerk = browser();
        clerk.logIn("demo-clerk", "demo-clerk");
        clerk.awaitPath("/settlement/counter.xhtml");
        clerk.type("lookupForm:query", id.substring(10));
        clerk.click("lookupForm:findButton");
        clerk.find("personForm:personName");
        clerk.choose("personForm:year", "2020");
        String accumulators = clerk.text(By.id("accumulators"));
        assertTrue(!accumulators.contains("医疗救助") && !accumulators.contains("大病保险"), accumulators);
        assertTrue(!clerk.text(By.id("categories")).contains("今日有效"), clerk.text(By.id("categories")));
        assertTrue(clerk.pageText().contains("已于 2020-06-01 销号"), clerk.pageText());
        clerk.screenshot("money-07-exited-person");
    }

    /**
     * Issue 9: the registrar and the clerk browse a county's persons page by page and narrow by any part of a name;
     * a registrar who finds nobody is not told to go to the registry, where they already are.
     */
    @Test
    void theRegistryAndTheCounterBrowseACountyAndFindAPartOfAName() {
        String marker = "浏览" + (char) ('甲' + ThreadLocalRandom.current().nextInt(0, 9)) + "测";
        String id = registerPerson("欧阳" + marker + "试");

        Browser registrar = browser();
        registrar.logIn("demo-registrar", "demo-registrar");
        registrar.awaitPath("/beneficiaries/registry.xhtml");
        registrar.type("searchForm:query", "查无此人");
        registrar.click("searchForm:findButton");
        String noMatch = registrar.text(messageAfter("searchForm:query"));
        assertTrue(noMatch.contains("新登记人员") && !noMatch.contains("对象登记处"), noMatch);

        registrar.choose("browseForm:browseCounty", "沂源县（370323）");
        registrar.find(By.cssSelector("[id='browseForm:people'] .ui-paginator-current"));
        String report = registrar.text(By.cssSelector("[id='browseForm:people'] .ui-paginator-current"));
        assertTrue(report.startsWith("共 "), report);
        registrar.screenshot("browse-01-registry-county");
        registrar.type("browseForm:browseFilter", marker);
        registrar.click("browseForm:browseButton");
        registrar.awaitText(By.id("browseForm:people"), "欧阳" + marker + "试");
        assertTrue(registrar.text(By.cssSelector("[id='browseForm:people'] .ui-paginator-current")).startsWith("共 1 人"));
        registrar.screenshot("browse-02-registry-name-part");
        registrar.click("browseForm:people:0:pick");
        assertEquals(id, registrar.find("editForm:idNumber").getAttribute("value"));

        Browser clerk = browser();
        clerk.logIn("demo-clerk", "demo-clerk");
        clerk.awaitPath("/settlement/counter.xhtml");
        clerk.choose("browseForm:browseCounty", "沂源县（370323）");
        clerk.type("browseForm:browseFilter", id.substring(12));
        clerk.click("browseForm:browseButton");
        clerk.awaitText(By.id("browseForm:people"), IdNumbers.mask(id));
        clerk.click("browseForm:people:0:pick");
        assertEquals("欧阳" + marker + "试", clerk.text("personForm:personName"));
        clerk.screenshot("browse-03-counter-chosen");
    }
}
