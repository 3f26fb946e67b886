package io.countersign.ledger.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.countersign.ledger.AppliedPolicy;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.ledger.ModelRef;
import io.countersign.ledger.TemplateRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns drafts into canonical entry bodies and bodies back into entries. */
final class EntryCodec {

    static final String GENESIS = "0".repeat(64);
    static final String REDACTED = "[redacted]";
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|token|authorization|api[_-]?key|private[_-]?key|credentials?|bearer)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final JsonMapper json;

    EntryCodec(JsonMapper json) {
        this.json = json;
    }

    static Instant ledgerTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String formatTime(Instant instant) {
        return TIME.format(instant);
    }

    String encode(long seq, Instant recordedAt, String prevHash, LedgerDraft draft) {
        ObjectNode body = json.createObjectNode();
        body.put("seq", seq);
        body.put("recorded_at", formatTime(recordedAt));
        body.put("kind", draft.kind().wireName());
        body.put("workflow", draft.workflow());
        putIfPresent(body, "agent_id", draft.agentId());
        putIfPresent(body, "actor", draft.actor());
        putIfPresent(body, "source_event_id", draft.sourceEventId());
        putIfPresent(body, "subject", draft.subject());
        body.set("context", redact(json.valueToTree(draft.context())));
        if (draft.model() != null) {
            body.set("model", json.createObjectNode().put("id", draft.model().id()).put("version", draft.model().version()));
        }
        if (draft.template() != null) {
            body.set("template", json.createObjectNode().put("id", draft.template().id()).put("version", draft.template().version()));
        }
        if (draft.input() != null) {
            body.set("input", redact(json.valueToTree(draft.input())));
        }
        if (draft.output() != null) {
            body.set("output", redact(json.valueToTree(draft.output())));
        }
        if (draft.confidence() != null) {
            body.put("confidence", draft.confidence());
        }
        body.set("policies", policies(draft.policies()));
        putIfPresent(body, "route", draft.route());
        ArrayNode links = body.putArray("links");
        draft.links().forEach(links::add);
        body.put("prev_hash", prevHash);
        return CanonicalJson.write(body);
    }

    private ArrayNode policies(List<AppliedPolicy> policies) {
        ArrayNode array = json.createArrayNode();
        for (AppliedPolicy policy : policies) {
            ObjectNode node = array.addObject().put("id", policy.id()).put("version", policy.version())
                    .put("content_hash", policy.contentHash());
            putIfPresent(node, "rule", policy.rule());
        }
        return array;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static JsonNode redact(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : new ArrayList<>(object.propertyNames())) {
                if (SECRET_KEY.matcher(name).matches() && !object.get(name).isNull()) {
                    object.put(name, REDACTED);
                } else {
                    redact(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(EntryCodec::redact);
        }
        return node;
    }

    JsonNode parse(String body) {
        return json.readTree(body);
    }

    LedgerEntry decode(String body, String hash) {
        JsonNode node = parse(body);
        return new LedgerEntry(
                node.get("seq").asLong(),
                Instant.parse(node.get("recorded_at").asString()),
                EntryKind.fromWireName(node.get("kind").asString()),
                node.get("workflow").asString(),
                text(node, "agent_id"), text(node, "actor"), text(node, "source_event_id"), text(node, "subject"),
                json.convertValue(node.get("context"), new TypeReference<Map<String, Object>>() { }),
                node.has("model") ? new ModelRef(node.get("model").get("id").asString(), node.get("model").get("version").asString()) : null,
                node.has("template") ? new TemplateRef(node.get("template").get("id").asString(), node.get("template").get("version").asString()) : null,
                node.has("input") ? json.convertValue(node.get("input"), Object.class) : null,
                node.has("output") ? json.convertValue(node.get("output"), Object.class) : null,
                node.has("confidence") ? node.get("confidence").asDouble() : null,
                decodePolicies(node.get("policies")),
                text(node, "route"),
                decodeLinks(node.get("links")),
                node.get("prev_hash").asString(),
                hash,
                body);
    }

    private static List<AppliedPolicy> decodePolicies(JsonNode array) {
        List<AppliedPolicy> policies = new ArrayList<>();
        for (JsonNode p : array.values()) {
            policies.add(new AppliedPolicy(p.get("id").asString(), p.get("version").asInt(),
                    p.get("content_hash").asString(), text(p, "rule")));
        }
        return policies;
    }

    static List<Long> decodeLinks(JsonNode array) {
        List<Long> links = new ArrayList<>();
        if (array != null) {
            array.values().forEach(l -> links.add(l.asLong()));
        }
        return links;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
