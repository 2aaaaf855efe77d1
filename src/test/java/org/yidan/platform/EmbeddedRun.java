package org.yidan.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * The README's run command ({@code mvn -Prun}): an embedded PostgreSQL whose data lives in
 * {@code .yidan-data/} (kept across restarts, ignored by git) and the packaged WAR on Payara Micro
 * at {@code http://127.0.0.1:8080/}, with the demo data. Ctrl-C stops both. It listens on this machine only:
 * the demo users' passwords are public; {@code -Dyidan.host=0.0.0.0} (or an address) opens it to a network.
 */
public final class EmbeddedRun {

    private EmbeddedRun() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.getInteger("yidan.port", 8080);
        String host = System.getProperty("yidan.host", "").isBlank() ? EmbeddedStack.LOOPBACK
                : System.getProperty("yidan.host").trim();
        int databasePort = Integer.getInteger("yidan.db.port", 54329);
        Path war = Path.of(System.getProperty("yidan.war", "target/yidan.war")).toAbsolutePath();
        Path dataDirectory = Path.of(System.getProperty("yidan.data.dir", ".yidan-data")).toAbsolutePath();
        String demoData = System.getenv().getOrDefault("YIDAN_DEMO_DATA", "true");

        System.out.println("Yidan: starting the embedded PostgreSQL on 127.0.0.1:" + databasePort
                + " with its data in " + dataDirectory.resolve("postgres"));
        System.out.println("Yidan: Payara Micro will listen on " + host + ":" + httpPort
                + (EmbeddedStack.LOOPBACK.equals(host) ? " (this machine only; -Dyidan.host=0.0.0.0 opens it to the network)"
                : " (reachable from the network at that address: the demo passwords are public)"));
        EmbeddedStack stack = EmbeddedStack.start(war, dataDirectory, host, httpPort, databasePort,
                Map.of("YIDAN_DEMO_DATA", demoData), true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Yidan: stopping Payara Micro and the embedded PostgreSQL");
            stack.close();
        }, "yidan-shutdown"));

        if (stack.awaitReady()) {
            System.out.println();
            System.out.println("==============================================================");
            System.out.println(" Yidan 一单 is running at http://" + shown(host) + ":" + httpPort + "/");
            System.out.println(" Listening on " + host + (EmbeddedStack.LOOPBACK.equals(host)
                    ? " only (this machine); -Dyidan.host=0.0.0.0 to open it" : ""));
            System.out.println(" Demo users: demo-clerk / demo-clerk (CLERK), demo-admin / demo-admin (ADMIN),");
            System.out.println("             demo-auditor / demo-auditor, demo-registrar / demo-registrar,");
            System.out.println("             demo-fund / demo-fund (FUND_VIEWER of the medical assistance fund)");
            System.out.println(" Health: http://" + shown(host) + ":" + httpPort + "/health/ready   API: /api/v1   OpenAPI: /openapi");
            System.out.println(" Press Ctrl-C to stop.");
            System.out.println("==============================================================");
        } else if (stack.payara().isAlive()) {
            System.out.println("Yidan: not ready yet; see the log above and http://" + shown(host) + ":" + httpPort + "/health/ready");
        }
        int exit = stack.payara().waitFor();
        System.out.println("Yidan: Payara Micro exited with " + exit);
    }

    /** The address to type into a browser: every address includes this machine's loopback. */
    private static String shown(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? EmbeddedStack.LOOPBACK : host;
    }
}
