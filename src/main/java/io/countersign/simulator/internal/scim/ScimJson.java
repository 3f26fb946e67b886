package io.countersign.simulator.internal.scim;

import io.countersign.simulator.internal.http.Exchanges;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers for the SCIM stand-in; SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
final class ScimJson {

    static final JsonMapper MAPPER = Exchanges.JSON;

    private ScimJson() {
    }

    /** Parses a request body; malformed or truncated JSON is a SCIM {@code invalidSyntax}. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimError.invalidSyntax("the request has no body; a JSON object is expected");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ScimError.invalidSyntax("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode object(JsonNode node, String what) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw ScimError.invalidSyntax(what + ": a JSON object is expected");
    }

    /** The property named {@code name} regardless of case, or {@code null}. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        return node.properties().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The actual spelling of property {@code name} in {@code node}, or {@code name} itself when absent. */
    static String key(JsonNode node, String name) {
        return node.propertyNames().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    }

    /** A string attribute, {@code null} when absent, null or empty. */
    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }
}
