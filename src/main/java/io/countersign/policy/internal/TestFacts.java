package io.countersign.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the inputs of policy test cases: identities, entitlements and items written in YAML. */
final class TestFacts {

    private static final List<String> IDENTITY_FIELDS =
            List.of("id", "title", "department", "desk", "location", "employment_type");
    private static final List<String> ENTITLEMENT_KEYS =
            List.of("key", "system", "permission", "privilege", "sensitivity");

    private TestFacts() {
    }

    /** The identity under {@code key}; an identity with no known facts when absent. */
    static IdentityFacts identity(YamlMap test, String key) {
        if (!test.has(key)) {
            return IdentityFacts.of(null, null, null, null, null, null);
        }
        YamlMap identity = YamlMap.of(test.context(), test.node(key), key);
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) identity.node()).getValue()) {
            String name = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (IDENTITY_FIELDS.contains(name)) {
                fields.put(name, identity.string(name));
            } else {
                attributes.put(name, value(tuple.getValueNode()));
            }
        }
        return new IdentityFacts(fields.get("id"), fields.get("title"), fields.get("department"),
                fields.get("desk"), fields.get("location"), fields.get("employment_type"), attributes);
    }

    /** An entitlement written as its key {@code "System:PERMISSION"} or as a mapping of its facts. */
    static EntitlementFacts entitlement(YamlMap test, Node node, String key) {
        ParseContext context = test.context();
        if (node instanceof ScalarNode) {
            String text = test.text(node, key);
            if (text.indexOf(':') <= 0 || text.endsWith(":")) {
                throw context.fail(node, "invalid entitlement key '" + text + "' in " + key
                        + " (expected System:PERMISSION)");
            }
            return EntitlementFacts.of(text, null, null);
        }
        YamlMap facts = YamlMap.of(context, node, key, ENTITLEMENT_KEYS);
        if (!facts.has("key") && !(facts.has("system") && facts.has("permission"))) {
            throw context.fail(node, key + " needs a key, or a system and a permission");
        }
        String system = facts.optionalString("system").orElse(null);
        String permission = facts.optionalString("permission").orElse(null);
        String entitlementKey = facts.optionalString("key").orElseGet(() -> system + ":" + permission);
        return new EntitlementFacts(entitlementKey, system, permission,
                facts.optionalString("privilege").orElse(null), facts.optionalString("sensitivity").orElse(null));
    }

    /** The item under {@code key}, as plain Java values; empty when absent. */
    static Map<String, Object> item(YamlMap test, String key) {
        if (!test.has(key)) {
            return Map.of();
        }
        Node node = test.node(key);
        if (!(node instanceof MappingNode)) {
            throw test.context().fail(node, key + " must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) value(node);
        return item;
    }

    private static Object value(Node node) {
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar);
            case SequenceNode sequence -> {
                List<Object> values = new ArrayList<>();
                sequence.getValue().forEach(item -> values.add(value(item)));
                yield values;
            }
            case MappingNode mapping -> {
                Map<String, Object> values = new LinkedHashMap<>();
                mapping.getValue().forEach(tuple -> values.put(
                        String.valueOf(value(tuple.getKeyNode())), value(tuple.getValueNode())));
                yield values;
            }
            default -> throw new IllegalStateException("unexpected YAML node " + node.getNodeId());
        };
    }

    /** Scalars as YAML resolved them: integers as Long, floats as Double, booleans, null, else text. */
    private static Object scalar(ScalarNode scalar) {
        String text = scalar.getValue().replace("_", "");
        Tag tag = scalar.getTag();
        try {
            if (tag.equals(Tag.INT)) {
                return Long.decode(text);
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            return scalar.getValue();
        }
        if (tag.equals(Tag.BOOL)) {
            return List.of("true", "yes", "on").contains(text.toLowerCase(Locale.ROOT));
        }
        return tag.equals(Tag.NULL) ? null : scalar.getValue();
    }
}
