package io.countersign.connectors.okta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.InboundEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Okta LogEvents, from the System Log or an event hook, as {@link InboundEvent}s: the event id is Okta's
 * {@code uuid}; the actor and target are their {@code alternateId}s (a User target first); the outcome is
 * {@code outcome.result}; the source address {@code client.ipAddress}. The payload is the LogEvent as received,
 * without {@code debugContext}, which can carry request URLs. Fields Okta adds later are kept and otherwise
 * ignored. A batch with one unreadable event is refused whole, so nothing of it is stored.
 */
final class LogEvents {

    static final String STREAM = "system_log";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private LogEvents() {
    }

    static JsonNode parse(String body, String source) {
        if (body == null || body.isBlank()) {
            throw malformed(source + " is empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed(source + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static List<InboundEvent> events(JsonNode array, String source) {
        if (!array.isArray()) {
            throw malformed(source + " is not a JSON array of LogEvents");
        }
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            events.add(event(array.get(i), source + ", event " + i));
        }
        return events;
    }

    private static InboundEvent event(JsonNode e, String where) {
        if (!e.isObject()) {
            throw malformed(where + " is not a JSON object");
        }
        ObjectNode payload = ((ObjectNode) e).deepCopy();
        payload.remove("debugContext");
        return new InboundEvent(OktaDirectoryReader.PLATFORM, required(e, "uuid", where), STREAM, required(e, "eventType", where),
                published(required(e, "published", where), where), text(e.path("actor"), "alternateId"), target(e.path("target")),
                text(e.path("outcome"), "result"), text(e.path("client"), "ipAddress"), JSON.convertValue(payload, MAP));
    }

    private static String target(JsonNode targets) {
        JsonNode chosen = null;
        for (JsonNode t : targets.values()) {
            if ("User".equals(text(t, "type"))) {
                chosen = t;
                break;
            }
            chosen = chosen == null ? t : chosen;
        }
        if (chosen == null) {
            return null;
        }
        String alternateId = text(chosen, "alternateId");
        return alternateId != null && !alternateId.equals("unknown") ? alternateId : text(chosen, "displayName");
    }

    private static Instant published(String value, String where) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(where + ": published '" + value + "' is not a timestamp");
        }
    }

    private static String required(JsonNode e, String field, String where) {
        String value = text(e, field);
        if (value == null || value.isBlank()) {
            throw malformed(where + " has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    static ConnectorException malformed(String message) {
        return new ConnectorException("okta.malformed", message);
    }
}
