package org.yidan.ui;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.yidan.platform.Api;
import org.yidan.platform.PersonIds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 and the users part of issue 9 in a real headless Chromium: a cross-site form cannot import a
 * roster with a signed-in registrar's session; the screens work under the Content-Security-Policy without a
 * single violation in the console; an administrator resets passwords, changes roles and disables users;
 * every user changes its own password; failed sign-ins all read alike.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityBrowserIT extends BrowserFixture {

    private static final PersonIds PERSON_IDS = new PersonIds("19480202", 99);

    static String newIdNumber() {
        return PERSON_IDS.next("370323");
    }

    @Test
    void anAutoSubmittingCrossSiteFormImportsNothing() throws Exception {
        String id = newIdNumber();
        Browser registrar = browser();
        registrar.logIn("demo-registrar", "demo-registrar");
        registrar.awaitPath("/beneficiaries/registry.xhtml");

        // another site's page (here a local file, an opaque origin) that posts a roster to the import as the
        // browser's signed-in registrar: text/plain is what an HTML form can send without any script's help
        String row = "身份证号,姓名,县区代码,人员类别,类别起始日期\n" + id + ",跨站伪造,370323,DIBAO,2020-01-01\n";
        Path attack = Path.of("target", "csrf", "attack-" + id + ".html").toAbsolutePath();
        Files.createDirectories(attack.getParent());
        Files.writeString(attack, """
                <!DOCTYPE html><html><body>
                <form id="f" method="post" enctype="text/plain" action="%s/api/v1/beneficiaries/import?fileName=csrf.csv">
                <input type="hidden" name="%s" value="x"></form>
                <form id="g" method="post" enctype="multipart/form-data" target="other" action="%s/api/v1/beneficiaries/import">
                <input type="hidden" name="file" value="%s"></form>
                <iframe name="other"></iframe>
                <script>document.getElementById('g').submit(); setTimeout(function () { document.getElementById('f').submit(); }, 1500);</script>
                </body></html>""".formatted(root, row.replace("\"", "&quot;").replace("\n", "&#10;"), root,
                row.replace("\"", "&quot;").replace("\n", "&#10;")), StandardCharsets.UTF_8);
        registrar.openElsewhere(attack.toUri().toString());
        Thread.sleep(6_000);
        registrar.screenshot("security-01-csrf-answer");

        Api.Reply person = admin.get("/api/v1/beneficiaries/" + id);
        assertEquals(404, person.status(), "a cross-site form created " + person.body());
    }

    @Test
    void theScreensWorkUnderTheContentSecurityPolicyWithoutViolations() {
        String id = newIdNumber();
        assertEquals(201, admin.put("/api/v1/beneficiaries/" + id, """
                {"name": "策略测试", "county": "370323", "householdId": "H-CSP",
                 "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}], "standardTags": [], "chronicDiseases": []}
                """).status());
        Browser clerk = browser();
        clerk.open("/");
        // the login page's focus script is a file: the cursor is in the user name field
        assertEquals("loginForm:username", clerk.script("return document.activeElement.id;"));
        clerk.logIn("demo-clerk", "demo-clerk");
        clerk.awaitPath("/settlement/counter.xhtml");
        clerk.type("lookupForm:query", id.substring(10));
        clerk.click("lookupForm:findButton");
        assertEquals("策略测试", clerk.text("personForm:personName"));
        clerk.choose("billForm:hospitalLevel", "县级医疗机构");
        clerk.type("billForm:hospitalCode_input", "H370323001");
        clerk.type("billForm:admissionDate_input", "2020-05-01");
        clerk.type("billForm:dischargeDate_input", "2020-05-10");
        clerk.click(By.cssSelector("h1.yd-page-title"));
        clerk.replace("billForm:totalAmount", "60000");
        clerk.replace("billForm:policyScopeAmount", "50000");
        clerk.find(By.cssSelector("input.yd-external-BASIC")).sendKeys("30000");
        clerk.click("billForm:previewButton");
        clerk.awaitScrolledTo("previewForm:previewPanel");
        assertEquals("12,050.00", clerk.text("previewForm:selfPay"));
        clerk.open("/settlement/history.xhtml");
        clerk.screenshot("security-02-csp-counter");
        List<String> violations = clerk.consoleMessages().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertTrue(violations.isEmpty(), "CSP violations: " + violations);

        Browser administrator = browser();
        administrator.logIn("demo-admin", "demo-admin");
        administrator.open("/security/users.xhtml");
        administrator.click(By.xpath("//tr[td[normalize-space()='demo-clerk']]//button[contains(@id,'edit')]"));
        administrator.find("editForm:editRoles");
        administrator.open("/beneficiaries/import.xhtml");
        administrator.open("/security/audit.xhtml");
        List<String> adminViolations = administrator.consoleMessages().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertTrue(adminViolations.isEmpty(), "CSP violations: " + adminViolations);
    }

    /**
     * Issue 12: a counter page whose state the server no longer holds (the instance that held it stopped and the
     * state was not replicated, or the page stood open too long) answers the clerk's next action with a page
     * asking to repeat it, never a stack trace or a dead screen; nothing of the action ran.
     */
    @Test
    void anExpiredCounterViewAsksTheClerkToRepeatTheAction() {
        Browser clerk = browser();
        clerk.logIn("demo-clerk", "demo-clerk");
        clerk.awaitPath("/settlement/counter.xhtml");
        // a view state this server never issued stands for one it no longer holds
        clerk.script("document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                + ".forEach(function (input) { input.value = '-4711:-4712'; });");
        clerk.type("lookupForm:query", "1234");
        clerk.click("lookupForm:findButton");
        clerk.awaitPath("/error/view-expired.xhtml");
        clerk.screenshot("security-05-view-expired");
        String page = clerk.pageText();
        assertTrue(page.contains("请重新操作"), page);
        assertTrue(!page.contains("Exception"), page);
        clerk.click("again");
        clerk.awaitPath("/settlement/counter.xhtml");
        assertTrue(clerk.present(By.id("lookupForm:query")), "the counter opens again, signed in");
    }

    @Test
    void anAdministratorManagesUsersAndEveryUserChangesItsOwnPassword() {
        String username = "user-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        Browser browser = browser();
        browser.logIn("demo-admin", "demo-admin");
        browser.open("/security/users.xhtml");
        // the administrator's menu has every entry: it wraps, and 退出登录 stays on the screen (it was 2,051 px wide)
        java.util.List<?> widths = (java.util.List<?>) browser.script("return [document.documentElement.scrollWidth,"
                + " window.innerWidth, document.getElementById('headerForm:logout').getBoundingClientRect().right];");
        assertTrue(((Number) widths.get(0)).doubleValue() <= ((Number) widths.get(1)).doubleValue()
                && ((Number) widths.get(2)).doubleValue() <= ((Number) widths.get(1)).doubleValue(),
                "page width, window width, logout's right edge: " + widths);
        browser.screenshot("security-02-admin-menu");
        // a password of 8 characters is not enough any more
        browser.type("createForm:username", username);
        browser.type("createForm:displayName", "用户测试");
        browser.type("createForm:password", "short-pw");
        browser.click(By.xpath("//*[@id='createForm:roles']//label[text()='窗口经办']"));
        browser.click("createForm:createButton");
        assertTrue(browser.pageText().contains("密码至少 12 位"), browser.pageText());
        browser.replace("createForm:password", "First-Password-1");
        browser.click("createForm:createButton");
        browser.awaitText(By.id("usersForm:users"), username);

        // roles and state: add 审核, then disable
        String row = "//tr[td[normalize-space()='" + username + "']]";
        browser.click(By.xpath(row + "//button[contains(@id,'edit')]"));
        browser.find("editForm:editRoles");
        browser.click(By.xpath("//*[@id='editForm:editRoles']//label[text()='审核']"));
        browser.click(By.xpath("//*[@id='editForm:editEnabled']//div[contains(@class,'ui-chkbox-box')]"));
        browser.screenshot("security-03-edit-user");
        browser.click("editForm:saveEdit");
        browser.awaitText(By.xpath(row), "停用");
        assertTrue(browser.text(By.xpath(row)).contains("审核"), browser.text(By.xpath(row)));
        browser.screenshot("security-04-users");
        browser.logOut();

        browser.logIn(username, "First-Password-1");
        assertEquals("/login.xhtml", browser.currentPath().replaceAll("[?;].*", ""), "a disabled user cannot sign in");
        String disabledAnswer = browser.text("loginProblem");

        // the same answer for a name that does not exist and for a wrong password
        browser.logIn("nobody-" + username, "First-Password-1");
        assertEquals(disabledAnswer, browser.text("loginProblem"));
        browser.logIn("demo-auditor", "not-the-password");
        assertEquals(disabledAnswer, browser.text("loginProblem"));

        // enabled again, and a new password set by the administrator
        browser.logIn("demo-admin", "demo-admin");
        browser.open("/security/users.xhtml");
        browser.click(By.xpath(row + "//button[contains(@id,'edit')]"));
        browser.find("editForm:editRoles");
        browser.click(By.xpath("//*[@id='editForm:editEnabled']//div[contains(@class,'ui-chkbox-box')]"));
        browser.click("editForm:saveEdit");
        browser.awaitText(By.xpath(row), "正常");
        browser.click(By.xpath(row + "//button[contains(@id,'reset')]"));
        browser.type("resetForm:newPassword", "Second-Password-2");
        browser.screenshot("security-05-reset");
        browser.click("resetForm:resetButton");
        browser.awaitText(By.id("growl_container"), "已重置用户");
        browser.logOut();

        // the user signs in with it and changes it: the old password is required, the new one needs 12 characters
        browser.logIn(username, "Second-Password-2");
        browser.awaitPath("/settlement/counter.xhtml");
        browser.click("headerForm:changePassword");
        browser.awaitPath("/security/password.xhtml");
        browser.type("passwordForm:oldPassword", "wrong-old-password");
        browser.type("passwordForm:newPassword", "Third-Password-3");
        browser.type("passwordForm:repeated", "Third-Password-3");
        browser.click("passwordForm:changeButton");
        assertTrue(browser.pageText().contains("当前密码不正确"), browser.pageText());
        browser.type("passwordForm:oldPassword", "Second-Password-2");
        browser.type("passwordForm:newPassword", "too-short");
        browser.type("passwordForm:repeated", "too-short");
        browser.click("passwordForm:changeButton");
        assertTrue(browser.pageText().contains("密码至少 12 位"), browser.pageText());
        browser.type("passwordForm:oldPassword", "Second-Password-2");
        browser.type("passwordForm:newPassword", "Third-Password-3");
        browser.type("passwordForm:repeated", "Third-Password-3");
        browser.click("passwordForm:changeButton");
        browser.awaitText(By.id("passwordForm:done"), "密码已修改");
        browser.screenshot("security-06-password-changed");
        browser.logOut();
        browser.logIn(username, "Second-Password-2");
        assertEquals("/login.xhtml", browser.currentPath().replaceAll("[?;].*", ""), "the old password is gone");
        browser.logIn(username, "Third-Password-3");
        browser.awaitPath("/settlement/counter.xhtml");
    }
}
