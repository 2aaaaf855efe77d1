package org.yidan.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the REST ITs share: the packaged WAR deployed in the default container, and clients signed in as the
 * demo users (the ITs run with the demo data switch on, see arquillian.xml), fresh for each test. A subclass keeps
 * {@code @ExtendWith(ArquillianExtension.class)} and {@code @RunAsClient}, and adds the clients only it needs.
 */
public abstract class ApiFixture {

    @ArquillianResource
    protected URL base;

    protected Api admin;
    protected Api clerk;
    protected Api auditor;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @BeforeEach
    void demoClients() {
        admin = demoUser("demo-admin");
        clerk = demoUser("demo-clerk");
        auditor = demoUser("demo-auditor");
    }

    /** A client signed in as a demo user, whose password is its name (demo-fund, demo-analyst, …). */
    protected Api demoUser(String username) {
        return new Api(base).as(username, username);
    }

    /** Registers a new person ({@code PUT /api/v1/beneficiaries/{id}}, expecting 201) and returns the ID number. */
    protected String register(String idNumber, String beneficiaryJson) {
        Api.Reply put = admin.put("/api/v1/beneficiaries/" + idNumber, beneficiaryJson);
        assertEquals(201, put.status(), put::toString);
        return idNumber;
    }
}
