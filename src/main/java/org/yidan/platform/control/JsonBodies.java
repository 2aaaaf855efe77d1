package org.yidan.platform.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;

/**
 * Reads a request body that must be one JSON object. The resources take the body as text and read it
 * here, so that every malformed body (broken JSON, an array, nothing at all) gets the same 400
 * problem instead of whatever the JSON provider would make of it.
 */
public final class JsonBodies {

    /**
     * The deepest nesting of objects and arrays a request may have. The contract's deepest is three
     * (a settlement's items); a thousand levels made the parser recurse into a 500.
     */
    public static final int MAX_DEPTH = 16;

    private JsonBodies() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw malformed("The request body is empty; a JSON object is expected.");
        }
        if (tooDeep(body)) {
            throw malformed("The request body nests objects and arrays deeper than " + MAX_DEPTH + " levels.");
        }
        try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(body))) {
            JsonStructure parsed = reader.read();
            if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("The request body must be a JSON object, not a JSON " +
                        parsed.getValueType().name().toLowerCase() + ".");
            }
            return parsed.asJsonObject();
        } catch (JsonException | IllegalStateException broken) {
            throw malformed("The request body is not well-formed JSON.");
        }
    }

    /** One pass over the text, before any parser recurses: brackets inside strings do not count. */
    static boolean tooDeep(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return false;
    }

    private static RefusedException malformed(String detail) {
        return new RefusedException(400, "MALFORMED_JSON", detail, List.of());
    }
}
