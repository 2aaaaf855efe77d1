package org.yidan.platform;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * There is no Docker engine on the build machines, so what can be checked without one is checked
 * here: the image is the Payara version the tests use and carries the WAR at the root context, and
 * the compose file gives the application every variable it reads, consistently with the database.
 */
class DockerFilesTest {

    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    private static final Path COMPOSE = Path.of("docker", "compose.yaml");

    @Test
    void theImageIsTheTestedPayaraMicroWithTheWarAtTheRoot() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher payara = Pattern.compile("<payara.version>([^<]+)</payara.version>").matcher(pom);
        assertTrue(payara.find());
        assertTrue(dockerfile.contains("FROM payara/micro:" + payara.group(1) + "-jdk17"),
                "the image must use the Payara Micro version the tests run: " + payara.group(1));
        assertTrue(dockerfile.contains("COPY --chown=payara:payara target/yidan.war /opt/payara/deployments/yidan.war"));
        assertTrue(dockerfile.contains("\"--contextroot\", \"/\""));
        assertTrue(dockerfile.contains("YIDAN_DEMO_DATA=false"), "an image never loads demo data by default");
        assertFalse(dockerfile.matches("(?s).*YIDAN_DB_PASSWORD=.*"), "no password is baked into the image");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeGivesTheApplicationEveryVariableItNeeds() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, String> appEnvironment = (Map<String, String>) app.get("environment");
        Map<String, String> dbEnvironment = (Map<String, String>) db.get("environment");

        for (String variable : List.of("YIDAN_DB_URL", "YIDAN_DB_USER", "YIDAN_DB_PASSWORD", "YIDAN_DEMO_DATA",
                "YIDAN_BOOTSTRAP_ADMIN")) {
            assertNotNull(appEnvironment.get(variable), variable + " is not set for the application");
        }
        assertEquals("jdbc:postgresql://db:5432/" + dbEnvironment.get("POSTGRES_DB"), appEnvironment.get("YIDAN_DB_URL"));
        assertEquals(dbEnvironment.get("POSTGRES_USER"), appEnvironment.get("YIDAN_DB_USER"));
        assertEquals(dbEnvironment.get("POSTGRES_PASSWORD"), appEnvironment.get("YIDAN_DB_PASSWORD"),
                "both containers take the password from the same variable");
        assertTrue(appEnvironment.get("YIDAN_DB_PASSWORD").contains(":?"), "compose refuses to start without a password");
        assertEquals("false", appEnvironment.get("YIDAN_DEMO_DATA"));
        assertEquals("../docker/Dockerfile", ((Map<String, String>) app.get("build")).get("context") + "/"
                + ((Map<String, String>) app.get("build")).get("dockerfile"));
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertEquals("service_healthy", ((Map<String, String>) dependsOn.get("db")).get("condition"));
        assertTrue(((List<String>) app.get("ports")).get(0).endsWith(":8080"));
    }

    @Test
    void theShippedConfigurationKeysAreTheDocumentedOnes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String variable : List.of("YIDAN_DB_URL", "YIDAN_DB_USER", "YIDAN_DB_PASSWORD", "YIDAN_DEMO_DATA",
                "YIDAN_BOOTSTRAP_ADMIN")) {
            assertTrue(readme.contains("`" + variable + "`"), "README's configuration table lacks " + variable);
        }
    }
}
