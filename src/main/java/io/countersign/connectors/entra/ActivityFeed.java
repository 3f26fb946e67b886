package io.countersign.connectors.entra;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.InboundEvent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The activity feeds the connector polls, each with its Graph path and its timestamp property, and how one
 * record becomes an {@link InboundEvent}: the Graph {@code id} is the event id, the record as received is the
 * payload, and actor, target, outcome and address are taken from where each record type keeps them.
 */
enum ActivityFeed {

    SIGN_INS("sign_ins", "auditLogs/signIns", "createdDateTime"),
    DIRECTORY_AUDITS("directory_audits", "auditLogs/directoryAudits", "activityDateTime"),
    RISK_DETECTIONS("risk_detections", "identityProtection/riskDetections", "detectedDateTime");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String stream;
    private final String path;
    private final String timestamp;

    ActivityFeed(String stream, String path, String timestamp) {
        this.stream = stream;
        this.path = path;
        this.timestamp = timestamp;
    }

    static ActivityFeed named(String stream) {
        return Arrays.stream(values()).filter(f -> f.stream.equals(stream)).findFirst().orElseThrow(() -> new ConnectorException("connector.config",
                "entra has no event stream '" + stream + "'; known: " + Arrays.stream(values()).map(f -> f.stream).toList()));
    }

    String stream() {
        return stream;
    }

    String path() {
        return path;
    }

    String timestamp() {
        return timestamp;
    }

    /** The record's id and time, which every record must carry; without them it cannot be stored once and only once. */
    String id(JsonNode record) {
        JsonNode id = record.get("id");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            throw new ConnectorException("connector.malformed", "read " + stream + ": a record has no id");
        }
        return id.asString();
    }

    Instant time(JsonNode record) {
        JsonNode at = record.get(timestamp);
        try {
            return OffsetDateTime.parse(at.asString()).toInstant();
        } catch (NullPointerException | DateTimeParseException e) {
            throw new ConnectorException("connector.malformed", "read " + stream + ": record " + record.path("id").asString("") + " has no valid "
                    + timestamp);
        }
    }

    InboundEvent event(JsonNode record, String id, Instant at) {
        Map<String, Object> payload = JSON.convertValue(record, new TypeReference<Map<String, Object>>() { });
        return switch (this) {
            case SIGN_INS -> new InboundEvent(EntraDirectoryReader.PLATFORM, id, stream, "signIn", at, text(record, "userPrincipalName"),
                    text(record, "appDisplayName"), record.path("status").path("errorCode").asInt(-1) == 0 ? "SUCCESS" : "FAILURE",
                    text(record, "ipAddress"), payload);
            case DIRECTORY_AUDITS -> new InboundEvent(EntraDirectoryReader.PLATFORM, id, stream, text(record, "activityDisplayName") == null
                    ? "directoryAudit" : text(record, "activityDisplayName"), at, initiator(record), target(record),
                    record.path("result").asString("unknown").toUpperCase(Locale.ROOT), text(record.path("initiatedBy").path("user"), "ipAddress"),
                    payload);
            case RISK_DETECTIONS -> new InboundEvent(EntraDirectoryReader.PLATFORM, id, stream, text(record, "riskEventType") == null
                    ? "riskDetection" : text(record, "riskEventType"), at, text(record, "userPrincipalName"), null,
                    text(record, "riskLevel"), text(record, "ipAddress"), payload);
        };
    }

    private static String initiator(JsonNode record) {
        JsonNode by = record.path("initiatedBy");
        String user = text(by.path("user"), "userPrincipalName");
        return user != null ? user : text(by.path("app"), "displayName");
    }

    private static String target(JsonNode record) {
        JsonNode first = record.path("targetResources").path(0);
        String upn = text(first, "userPrincipalName");
        return upn != null ? upn : text(first, "displayName");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}
