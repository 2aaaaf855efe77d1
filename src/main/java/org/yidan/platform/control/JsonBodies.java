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

    private JsonBodies() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw malformed("The request body is empty; a JSON object is expected.");
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

    private static RefusedException malformed(String detail) {
        return new RefusedException(400, "MALFORMED_JSON", detail, List.of());
    }
}
