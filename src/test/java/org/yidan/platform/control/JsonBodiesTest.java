package org.yidan.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodiesTest {

    @Test
    void nestingDeeperThanTheLimitIsMalformedBeforeAnyParserRecurses() {
        String deep = "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        RefusedException refused = assertThrows(RefusedException.class, () -> JsonBodies.object(deep));
        assertEquals(400, refused.status());
        assertEquals("MALFORMED_JSON", refused.code());
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String text = "{\"a\": \"" + "[".repeat(100) + "\\\"" + "{".repeat(100) + "\"}";
        assertEquals(1, JsonBodies.object(text).size());
    }

    @Test
    void aRefusalKeepsTheFirstErrorsAndTheirCount() {
        java.util.List<RefusedException.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            errors.add(new RefusedException.FieldError("items[" + i + "]", "invalid"));
        }
        RefusedException refused = new RefusedException(422, "X", "x", errors);
        assertEquals(RefusedException.MAX_ERRORS, refused.errors().size());
        assertEquals(5000, refused.errorCount());
    }

    @Test
    void quotesAreCut() {
        assertEquals("'" + "x".repeat(39) + "…'", Texts.quote("x".repeat(1_000_000)));
    }
}
