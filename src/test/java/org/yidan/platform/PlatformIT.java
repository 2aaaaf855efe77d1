package org.yidan.platform;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton in Payara Micro against PostgreSQL: migrations ran, health follows the
 * database down and up, errors are problem+json, the REST API asks for credentials.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    @Order(1)
    void flywayMigratedTheEmptyDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select version, success from flyway_schema_history where version is not null order by installed_rank")) {
            assertTrue(rows.next(), "no migration was applied");
            assertEquals("1", rows.getString("version"));
            assertTrue(rows.getBoolean("success"));
            assertTrue(rows.next(), "V2 was not applied");
            assertEquals("2", rows.getString("version"));
        }
    }

    @Test
    @Order(2)
    void readyIsUpWithANamedDatabaseCheck() {
        Api.Reply ready = operator().get("/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        JsonObject database = check(ready.json(), "database");
        assertEquals("UP", database.getString("status"));
        assertEquals(200, api.get("/health/live").status());
    }

    @Test
    @Order(3)
    void metricsArePrometheusText() {
        Api.Reply metrics = operator().get("/metrics");
        assertEquals(200, metrics.status(), metrics::toString);
        assertTrue(metrics.body().contains("# TYPE"), "not Prometheus text: " + metrics.body().lines().limit(5).toList());
    }

    @Test
    @Order(4)
    void theApiAsksForCredentialsWithAProblem() {
        Api.Reply anonymous = api.get("/api/v1/policies/370323/2020");
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals("UNAUTHENTICATED", anonymous.json().getString("code"));

        Api.Reply wrong = api.as("demo-clerk", "not-the-password").get("/api/v1/policies/370323/2020");
        assertEquals(401, wrong.status(), wrong::toString);
    }

    @Test
    @Order(5)
    void malformedJsonIsA400ProblemNeverA500() {
        Api.Reply reply = api.as("demo-clerk", "demo-clerk")
                .post("/api/v1/settlements/preview", "{\"idNumber\": \"370323195803120215\", ");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(400, problem.getInt("status"));
        assertFalse(reply.body().contains("Exception"), "leaks an exception: " + reply.body());
        assertFalse(reply.body().contains("at org."), "leaks a stack trace: " + reply.body());
    }

    @Test
    @Order(6)
    void openApiDescribesTheRestContract() {
        Api.Reply openapi = operator().get("/openapi");
        assertEquals(200, openapi.status(), openapi::toString);
        assertTrue(openapi.body().contains("/api/v1/settlements"), openapi.body());
        assertTrue(openapi.body().contains("/api/v1/beneficiaries/{idNumber}"), openapi.body());
    }

    @Test
    @Order(7)
    void theBootstrapAdministratorExistsAndUnknownPathsAreProblems() {
        Api admin = api.as("it-admin", "it-admin-password");
        Api.Reply policies = admin.get("/api/v1/policies");
        assertEquals(200, policies.status(), policies::toString);
        // the three shipped profiles; the tests run with the demo data switch on, which adds a demo copy of each
        // county's latest year for the current year (issue 9)
        var all = policies.json().getJsonArray("policies").getValuesAs(jakarta.json.JsonObject.class);
        assertEquals(3, all.stream().filter(policy -> policy.isNull("demoCopyOf")).count(), policies::toString);
        assertEquals(3, all.stream().filter(policy -> !policy.isNull("demoCopyOf")).count(), policies::toString);
        Api.Reply unknown = admin.get("/api/v1/no-such-thing");
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
    }

    @Test
    @Order(99)
    void readyFollowsTheDatabaseDownAndUpAgain() throws InterruptedException {
        EmbeddedDatabaseSession.stopDatabase();
        try {
            Api.Reply down = awaitStatus("/health/ready", 503, Duration.ofSeconds(60));
            // without credentials (which need the database to be checked) the probe's answer is the status alone
            assertEquals("DOWN", down.json().getString("status"));
            assertEquals(200, api.get("/health/live").status(), "liveness must not follow the database");
        } finally {
            EmbeddedDatabaseSession.startDatabase();
        }
        awaitStatus("/health/ready", 200, Duration.ofSeconds(90));
        assertEquals("UP", check(operator().get("/health/ready").json(), "database").getString("status"));
    }

    private Api.Reply awaitStatus(String path, int status, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Api.Reply reply = api.get(path);
        while (reply.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            reply = api.get(path);
        }
        assertEquals(status, reply.status(), reply::toString);
        return reply;
    }

    /** Health details, metrics and the OpenAPI document are for administrators and auditors (issue 16). */
    private Api operator() {
        return api.as("it-admin", "it-admin-password");
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
    }
}
