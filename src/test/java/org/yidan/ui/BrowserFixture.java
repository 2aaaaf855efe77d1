package org.yidan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yidan.platform.Api;
import org.yidan.platform.Deployments;

/**
 * The set-up the browser ITs share: the packaged WAR deployed in the default container, the application's address,
 * an administrator's REST client to register persons, and the browsers a test opens (closed after it; a failing
 * test leaves a screenshot of each). Skipped without Debian's headless Chromium. A subclass keeps
 * {@code @ExtendWith(ArquillianExtension.class)} and {@code @RunAsClient}.
 */
abstract class BrowserFixture {

    @ArquillianResource
    URL base;

    String root;
    Api admin;

    /** The browsers a test opened; a failing test leaves a screenshot of each under target/screenshots/FAILED-*. */
    final List<Browser> browsers = new ArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < browsers.size(); i++) {
                browsers.get(i).screenshot("FAILED-" + context.getRequiredTestMethod().getName() + "-" + i);
            }
        }
    };

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @BeforeAll
    static void browserInstalled() {
        assumeTrue(Browser.installed(), "Skipped: the browser tests need Debian's headless Chromium at "
                + Browser.CHROMIUM + " and its driver at " + Browser.CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver)");
    }

    @BeforeEach
    void addresses() {
        Api api = new Api(base);
        root = api.root();
        admin = api.as("demo-admin", "demo-admin");
    }

    @AfterEach
    void closeBrowsers() {
        new ArrayList<>(browsers).forEach(this::close);
    }

    /** A new browser at the application's address, closed after the test. */
    Browser browser() {
        Browser browser = new Browser(root);
        browsers.add(browser);
        return browser;
    }

    void close(Browser browser) {
        browsers.remove(browser);
        browser.close();
    }

    /** Registers a new person ({@code PUT /api/v1/beneficiaries/{id}}, expecting 201) and returns the ID number. */
    String register(String idNumber, String beneficiaryJson) {
        Api.Reply put = admin.put("/api/v1/beneficiaries/" + idNumber, beneficiaryJson);
        assertEquals(201, put.status(), put::toString);
        return idNumber;
    }
}
