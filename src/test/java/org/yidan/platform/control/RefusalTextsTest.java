package org.yidan.platform.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every refusal code the code throws has a Chinese text ({@code refused.<CODE>} in messages_zh_CN.properties), so a
 * screen never falls back to "未能办理（代码 …）…请联系系统管理员" for a clerk's own slip. Reads the sources: the codes
 * are the literals and the constants given to {@link RefusedException}'s factories and constructor.
 */
class RefusalTextsTest {

    /** A refusal's code: a literal, or a constant named in the call. */
    private static final Pattern THROWN = Pattern.compile(
            "(?:unprocessable|conflict|notFound|RefusedException)\\(\\s*(?:[0-9]+,\\s*)?(?:\"([A-Z][A-Z_]+)\"|([A-Z][A-Z_]+)\\s*,)");
    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z][A-Z_]+) = \"([A-Z][A-Z_]+)\"");

    /** Codes that no screen shows as such: REST-only, or answered by the screen with a text of its own. */
    private static final Set<String> NOT_SHOWN = Set.of(
            "BODY_TOO_LARGE", "MALFORMED_JSON", "IDEMPOTENCY_KEY_REQUIRED", "FORBIDDEN", "DATABASE_UNAVAILABLE",
            "USER_EXISTS", "USER_INVALID", "USER_UNKNOWN", "WRONG_PASSWORD");

    @Test
    void everyRefusalCodeHasAChineseText() throws IOException {
        Map<String, String> constants = new HashMap<>();
        Set<String> thrown = new TreeSet<>();
        List<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(RefusalTextsTest::read).toList();
        }
        for (String source : sources) {
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
        }
        for (String source : sources) {
            Matcher call = THROWN.matcher(source);
            while (call.find()) {
                String code = call.group(1) != null ? call.group(1) : constants.get(call.group(2));
                if (code != null) {
                    thrown.add(code);
                }
            }
        }
        Properties chinese = new Properties();
        try (InputStream in = RefusalTextsTest.class.getResourceAsStream("/org/yidan/messages_zh_CN.properties")) {
            chinese.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> missing = new TreeSet<>();
        for (String code : thrown) {
            if (!NOT_SHOWN.contains(code) && chinese.getProperty("refused." + code) == null) {
                missing.add(code);
            }
        }
        assertEquals(Set.of(), missing, "refusal codes without refused.<CODE> in messages_zh_CN.properties");
        // the scan found the codes at all (a broken pattern would pass an empty set)
        assertEquals(true, thrown.containsAll(Set.of("DATES_INVALID", "AMOUNT_MISMATCH", "HOSPITAL_INVALID")),
                "codes found: " + thrown);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
