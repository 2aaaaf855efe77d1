package org.yidan.security;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yidan.platform.Api;
import org.yidan.platform.Deployments;
import org.yidan.platform.EmbeddedDatabaseSession;
import org.yidan.platform.RawHttp;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The findings of the ASVS L2 probe (issue 16), against the packaged WAR: every abusive request is
 * refused cleanly and the server answers normally right after it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    static final String BILL = """
            {"idNumber": "370323195803120215",
             "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true}, "visitType": "INPATIENT",
             "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10", "totalAmount": %s,
             "policyScopeAmount": 50000.00, "externalPayments": {"BASIC": 30000.00}}""";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;

    Api anonymous;
    Api clerk;
    Api admin;
    int port;

    @BeforeEach
    void clients() {
        anonymous = new Api(base);
        clerk = anonymous.as("demo-clerk", "demo-clerk");
        admin = anonymous.as("demo-admin", "demo-admin");
        port = base.getPort();
    }

    /** The server still answers: liveness and an ordinary preview. */
    void stillHealthy() {
        assertEquals(200, anonymous.get("/health/live").status());
        Api.Reply preview = clerk.post("/api/v1/settlements/preview", BILL.formatted("60000.00"));
        assertEquals(200, preview.status(), preview.body());
    }

    @Test
    void anAmountWithAHugeExponentIsRefusedWhileParsing() {
        for (String amount : new String[]{"1e-999999999", "\"1e-999999999\"", "1e999999999", "\"-1E+2147483647\""}) {
            Api.Reply refused = clerk.post("/api/v1/settlements/preview", BILL.formatted(amount));
            assertEquals(422, refused.status(), refused.body());
            assertEquals("AMOUNT_INVALID", refused.json().getString("code"));
            assertTrue(refused.body().length() < 2000, "the refusal repeats no unbounded input: " + refused.body().length());
        }
        stillHealthy();
    }

    @Test
    void aFundOfficersHugeBodyToThePreviewIsForbiddenBeforeItIsRead() {
        // declares 600 MB, sends 1 MB: the answer must come without the server waiting for (or keeping) the rest
        RawHttp.Answer answer = postBlanks("/api/v1/settlements/preview", "demo-fund", "application/json",
                600_000_000, 1024 * 1024);
        assertEquals(403, answer.status(), answer.body());
        stillHealthy();
    }

    @Test
    void bodiesOverTheEndpointsLimitAre413() {
        RawHttp.Answer declared = postBlanks("/api/v1/settlements/preview", "demo-clerk", "application/json",
                10_000_000, 256 * 1024);
        assertEquals(413, declared.status(), declared.body());
        assertTrue(declared.body().contains("BODY_TOO_LARGE"), declared.body());

        // without a Content-Length (chunked), counted while read: a 2 MB JSON string
        String big = "{\"idNumber\": \"" + "1".repeat(2 * 1024 * 1024) + "\"}";
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(clerk.root() + "/api/v1/settlements/preview"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-clerk:demo-clerk".getBytes()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            big.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode(), chunked.body());
        } catch (java.io.IOException closed) {
            // the server may close the connection while the client is still sending: refused all the same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        // the roster import takes files up to 32 MiB, not more
        RawHttp.Answer roster = postBlanks("/api/v1/beneficiaries/import", "demo-registrar", "text/csv",
                40_000_000, 256 * 1024);
        assertEquals(413, roster.status(), roster.body());
        stillHealthy();
    }

    /**
     * A POST signed in as {@code user} (password = user name, the demo's) that declares {@code declared} bytes and
     * sends blanks until {@code sent} bytes have gone or the server answers.
     */
    RawHttp.Answer postBlanks(String path, String user, String contentType, long declared, int sent) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        return new RawHttp(port, "127.0.0.1").exchange("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: " + RawHttp.basic(user, user) + "\r\n"
                        + "Content-Type: " + contentType + "\r\nContent-Length: " + declared,
                chunk, sent, 20_000);
    }

    @Test
    void deepNestingIs400() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        Api.Reply settlement = clerk.post("/api/v1/settlements/preview",
                "{\"idNumber\": \"370323195803120215\", \"items\": " + deep + "}");
        assertEquals(400, settlement.status(), settlement.body());
        assertEquals("MALFORMED_JSON", settlement.json().getString("code"));
        Api.Reply person = admin.put("/api/v1/beneficiaries/370323195803120215", "{\"categories\": " + deep + "}");
        assertEquals(400, person.status(), person.body());
        stillHealthy();
    }

    @Test
    void aBillOf100000InvalidItemsGetsTheFirstErrorsAndTheirCount() {
        String items = "[" + "1,".repeat(99_999) + "1]";
        String body = BILL.formatted("60000.00").replace("\"visitType\"", "\"items\": " + items + ", \"visitType\"");
        Api.Reply refused = clerk.post("/api/v1/settlements/preview", body);
        assertEquals(422, refused.status(), refused.body().substring(0, Math.min(300, refused.body().length())));
        JsonObject problem = refused.json();
        assertTrue(problem.getJsonArray("errors").size() <= 100, "errors: " + problem.getJsonArray("errors").size());
        assertTrue(problem.getInt("errorCount") >= 100_000, "errorCount " + problem.getInt("errorCount"));
        assertTrue(refused.body().length() < 50_000, "answer of " + refused.body().length() + " characters");

        // a person with 20,000 categories: refused at once, not compared pairwise; messages bounded
        String categories = "[" + "{\"code\": \"DIBAO\", \"from\": \"2020-01-01\"},".repeat(19_999)
                + "{\"code\": \"DIBAO\", \"from\": \"2020-01-01\"}]";
        Api.Reply person = admin.put("/api/v1/beneficiaries/370323195803120215",
                "{\"name\": \"张三\", \"county\": \"" + "9".repeat(100_000) + "\", \"categories\": " + categories + "}");
        assertTrue(person.status() == 422 || person.status() == 413, person.status() + " " + person.body().length());
        assertTrue(person.body().length() < 20_000, "answer of " + person.body().length() + " characters");
        stillHealthy();
    }

    @Test
    void restCallsThatChangeDataRefuseTheScreensSessionCookie() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie = formLogin(http, "demo-registrar", "demo-registrar");
        String idNumber = "370323195803120215";

        // what an auto-submitting cross-site form can send: text/plain with the cookie
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/api/v1/beneficiaries/import"))
                .header("Cookie", cookie).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("身份证号,姓名\n" + idNumber + ",x\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.statusCode() == 403 || plain.statusCode() == 415, plain.statusCode() + " " + plain.body());
        // even with a roster content type, the cookie alone does not authorise a change
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/api/v1/beneficiaries/import"))
                .header("Cookie", cookie).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, csv.statusCode(), csv.body());
        assertTrue(csv.body().contains("CSRF_REFUSED"), csv.body());
        // reading with the cookie still works (the receipt's PDF link on the screens)
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/api/v1/policies/370323/2020"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        // a hospital system with HTTP Basic is unaffected
        assertEquals(200, clerk.post("/api/v1/settlements/preview", BILL.formatted("60000.00")).status());
    }

    @Test
    void theSessionCookieIsSameSiteAndTheSessionIdIsNeverTakenFromTheUrl() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);

        String cookie = formLogin(http, "demo-admin", "demo-admin");
        String sessionId = cookie.split("; ")[0].substring(cookie.indexOf('=') + 1);
        HttpResponse<String> withCookie = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/security/users.xhtml"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withCookie.statusCode(), withCookie.headers().firstValue("Location").orElse("") + " with " + cookie);
        HttpResponse<String> inUrl = http.send(HttpRequest.newBuilder(URI.create(anonymous.root()
                + "/security/users.xhtml;jsessionid=" + sessionId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, inUrl.statusCode(), "the session id in the URL opened " + inUrl.body().length() + " characters");
        assertEquals("/login.xhtml", inUrl.headers().firstValue("Location").orElse(""));
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'.*"), policy);
        assertFalse(policy.contains("unsafe-eval") || policy.matches(".*script-src[^;]*unsafe-inline.*"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("same-origin", login.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(null));

        Api.Reply settled = clerk.post("/api/v1/settlements", BILL.formatted("60000.00"), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, settled.status(), settled.body());
        assertEquals("no-store", settled.header("Cache-Control"));
        assertEquals("nosniff", settled.header("X-Content-Type-Options"));
        String receiptNo = settled.json().getString("receiptNo");
        HttpResponse<byte[]> pdf = clerk.getBytes("/api/v1/settlements/" + receiptNo + "/receipt.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("no-store", pdf.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-store", admin.get("/api/v1/beneficiaries/370323195803120215").header("Cache-Control"));
        // the relative Location of the created settlement (not built from the Host header)
        assertEquals("/api/v1/settlements/" + receiptNo, settled.header("Location"));
    }

    @Test
    void redirectsDoNotTrustTheHostHeader() {
        RawHttp raw = new RawHttp(port, "127.0.0.1");
        RawHttp.Answer toLogin = raw.get("/settlement/counter.xhtml", "evil.example");
        assertEquals(302, toLogin.status());
        assertFalse(toLogin.header("Location").contains("evil.example"), toLogin.header("Location"));
        RawHttp.Answer created = raw.exchange("POST /api/v1/settlements HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n"
                        + "Authorization: " + RawHttp.basic("demo-clerk", "demo-clerk") + "\r\n"
                        + "Idempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + BILL.formatted("60000.00").getBytes(StandardCharsets.UTF_8).length,
                BILL.formatted("60000.00").getBytes(StandardCharsets.UTF_8),
                BILL.formatted("60000.00").getBytes(StandardCharsets.UTF_8).length, 60_000);
        assertEquals(201, created.status(), created.body());
        assertFalse(created.header("Location").contains("evil.example"), created.header("Location"));
    }

    @Test
    void operationsDetailsNeedARoleAndHealthSaysOnlyUpOrDown() {
        Api.Reply ready = anonymous.get("/health/ready");
        assertEquals(200, ready.status());
        assertEquals("{\"status\":\"UP\"}", ready.body().trim());
        assertEquals(200, anonymous.get("/health/live").status());
        Api.Reply detailed = admin.get("/health/ready");
        assertTrue(detailed.body().contains("\"checks\""), detailed.body());
        for (String path : new String[]{"/metrics", "/openapi"}) {
            assertEquals(401, anonymous.get(path).status(), path);
            assertEquals(403, clerk.get(path).status(), path);
            assertEquals(200, admin.get(path).status(), path);
        }
    }

    @Test
    void aFundOfficerReadsOnlyItsOwnFundsLineOfASettlement() {
        Api.Reply settled = clerk.post("/api/v1/settlements", BILL.formatted("60000.00"), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, settled.status(), settled.body());
        String receiptNo = settled.json().getString("receiptNo");
        JsonObject seen = anonymous.as("demo-fund", "demo-fund").get("/api/v1/settlements/" + receiptNo).json();
        assertEquals(1, seen.getJsonArray("lines").size(), seen.toString());
        assertEquals("ASSISTANCE", seen.getJsonArray("lines").getJsonObject(0).getString("fund"));
        for (String hidden : new String[]{"name", "totalAmount", "policyScopeAmount", "fundTotal", "selfPay",
                "verificationCode", "settledBy", "specialDrugAmount"}) {
            assertFalse(seen.containsKey(hidden), hidden + " in " + seen);
        }
        assertEquals("370323********0215", seen.getString("idNumber"));
    }

    @Test
    void aTooLongBasicUserNameIsRefusedCleanlyAndAuditedCut() throws Exception {
        String name = "x".repeat(300) + UUID.randomUUID();
        Api.Reply refused = anonymous.as(name, "whatever").get("/api/v1/policies/370323/2020");
        assertEquals(401, refused.status(), refused.body());
        assertEquals("UNAUTHENTICATED", refused.json().getString("code"));
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select username from audit_event where action = 'LOGIN' and username like 'xxxx%' and detail like 'user name of %'")) {
            ResultSet rows = query.executeQuery();
            assertTrue(rows.next(), "the refusal is in the audit trail");
            assertTrue(rows.getString(1).length() <= 64, rows.getString(1));
        }
        stillHealthy();
    }

    @Test
    void failedSignInsLookAlikeForUnknownLockedAndWrong() throws Exception {
        String locked = "probe-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        insertUser(locked, "Right-Password-1", 600_000);
        // lock it from one source address ...
        RawHttp locker = new RawHttp(port, "127.0.0.3");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, locker.get("/api/v1/policies/370323/2020", "127.0.0.1",
                    "Authorization: " + RawHttp.basic(locked, "wrong-" + i)).status());
        }
        Thread.sleep(2_100);
        // ... and compare from another: the locked account with its right password, an unknown name, a wrong password
        RawHttp prober = new RawHttp(port, "127.0.0.4");
        String wrongUser = "probe-wrong-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        insertUser(wrongUser, "Right-Password-2", 600_000);
        RawHttp.Answer lockedAnswer = prober.get("/api/v1/policies/370323/2020", "127.0.0.1",
                "Authorization: " + RawHttp.basic(locked, "Right-Password-1"));
        RawHttp.Answer unknownAnswer = prober.get("/api/v1/policies/370323/2020", "127.0.0.1",
                "Authorization: " + RawHttp.basic("nobody-" + UUID.randomUUID(), "Right-Password-1"));
        RawHttp.Answer wrongAnswer = prober.get("/api/v1/policies/370323/2020", "127.0.0.1",
                "Authorization: " + RawHttp.basic(wrongUser, "Wrong-Password-2"));
        assertEquals(401, lockedAnswer.status());
        assertEquals(lockedAnswer.status(), unknownAnswer.status());
        assertEquals(lockedAnswer.status(), wrongAnswer.status());
        assertEquals(unknownAnswer.body(), lockedAnswer.body());
        assertEquals(unknownAnswer.body(), wrongAnswer.body());
        // a locked account costs a password check like any other (before, it answered at once)
        System.out.printf("failed sign-in answer: unknown %d ms, locked %d ms, wrong %d ms%n",
                unknownAnswer.millis(), lockedAnswer.millis(), wrongAnswer.millis());
        assertTrue(lockedAnswer.millis() * 3 > unknownAnswer.millis(),
                "locked " + lockedAnswer.millis() + " ms vs unknown " + unknownAnswer.millis() + " ms");
    }

    @Test
    void oneAddressGuessingManyNamesIsThrottledAndAnExemptAccountIsNeverLocked() throws Exception {
        String exempt = "his-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        insertUser(exempt, "Hospital-System-1", 600_000);
        try (Connection db = database(); PreparedStatement update = db.prepareStatement(
                "update app_user set lockout_exempt = true where username = ?")) {
            update.setString(1, exempt);
            update.executeUpdate();
        }
        // ten wrong passwords for the exempt account from different addresses, spaced out: it is never locked
        for (int i = 0; i < 7; i++) {
            RawHttp from = new RawHttp(port, "127.0.1." + (i + 1));
            assertEquals(401, from.get("/api/v1/policies/370323/2020", "127.0.0.1",
                    "Authorization: " + RawHttp.basic(exempt, "wrong-" + i)).status());
            if (i >= 4) {
                Thread.sleep(2_100);
            }
        }
        RawHttp his = new RawHttp(port, "127.0.2.1");
        assertEquals(200, his.get("/api/v1/policies/370323/2020", "127.0.0.1",
                "Authorization: " + RawHttp.basic(exempt, "Hospital-System-1")).status(),
                "the exempt account still signs in after seven wrong passwords");

        // one address trying many names: after the configured failures, not even a right password is checked
        RawHttp guesser = new RawHttp(port, "127.0.3.1");
        int limit = Integer.getInteger("throttle.failures", 10);
        for (int i = 0; i < limit; i++) {
            guesser.get("/api/v1/policies/370323/2020", "127.0.0.1",
                    "Authorization: " + RawHttp.basic("guess-" + i, "guess-" + i));
        }
        assertEquals(401, guesser.get("/api/v1/policies/370323/2020", "127.0.0.1",
                "Authorization: " + RawHttp.basic("demo-auditor", "demo-auditor")).status());
        // other addresses are not affected
        assertEquals(200, new RawHttp(port, "127.0.3.2").get("/api/v1/policies/370323/2020", "127.0.0.1",
                "Authorization: " + RawHttp.basic("demo-auditor", "demo-auditor")).status());
    }

    @Test
    void aPasswordStoredWithFewerIterationsIsHashedAgainAtSignIn() throws Exception {
        String user = "rehash-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        insertUser(user, "Old-Hash-Password", 60_000);
        long started = System.nanoTime();
        assertEquals(200, anonymous.as(user, "Old-Hash-Password").get("/api/v1/policies/370323/2020").status());
        long first = (System.nanoTime() - started) / 1_000_000;
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select password_hash from app_user where username = ?")) {
            query.setString(1, user);
            ResultSet row = query.executeQuery();
            assertTrue(row.next());
            assertEquals("600000", row.getString(1).split(":")[1]);
        }
        started = System.nanoTime();
        assertEquals(200, anonymous.as(user, "Old-Hash-Password").get("/api/v1/policies/370323/2020").status());
        long remembered = (System.nanoTime() - started) / 1_000_000;
        // a fresh check at 600,000 iterations (a user nobody has signed in as), measured through the whole request
        String fresh600k = "fresh-" + ThreadLocalRandom.current().nextInt(100000, 1000000);
        insertUser(fresh600k, "Fresh-Password-1", 600_000);
        Api other = anonymous.as(fresh600k, "Fresh-Password-1");
        started = System.nanoTime();
        assertEquals(200, other.get("/api/v1/policies/370323/2020").status());
        long fresh = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("sign-in cost over HTTP Basic: rehash from 60,000 %d ms, fresh check at 600,000 %d ms,"
                + " remembered credential %d ms%n", first, fresh, remembered);
    }

    /** A user written straight into the database, its hash made here as Jakarta Security's PBKDF2 would. */
    static void insertUser(String username, String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        String stored = "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
        try (Connection db = database()) {
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into app_user (username, display_name, password_hash) values (?, ?, ?) returning id")) {
                insert.setString(1, username);
                insert.setString(2, "测试");
                insert.setString(3, stored);
                ResultSet id = insert.executeQuery();
                id.next();
                try (PreparedStatement role = db.prepareStatement("insert into app_user_role (user_id, role) values (?, 'AUDITOR')")) {
                    role.setLong(1, id.getLong(1));
                    role.executeUpdate();
                }
            }
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(EmbeddedDatabaseSession.jdbcUrl(), "postgres", "postgres");
    }

    /**
     * Signs in through the login form as a browser would; returns the cookies a browser sends back: the session id
     * {@code JSESSIONID=…} first, then Payara's {@code JSESSIONIDVERSION=…} (the WAR is distributable: the session's
     * version tells an instance whether its copy of a replicated session is current).
     */
    String formLogin(HttpClient http, String username, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookies(page, "");
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(viewState.find(), "the login page has a view state");
        String form = "loginForm=loginForm&loginForm%3Ausername=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&loginForm%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&loginForm%3AloginButton=&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(anonymous.root() + "/login.xhtml"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, posted.statusCode(), "signed in: " + posted.body());
        // the login changes the session id
        return cookies(posted, cookie);
    }

    /** {@code previous} ("a=1; b=2") updated with the response's Set-Cookie headers, in first-set order. */
    static String cookies(HttpResponse<?> response, String previous) {
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
        for (String pair : previous.split("; ")) {
            if (pair.contains("=")) {
                jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.contains(";") ? set.substring(0, set.indexOf(';')) : set;
            jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
