package io.countersign.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with its line numbers kept: every accessor fails with the line of the node at fault and
 * a message naming the key.
 */
final class YamlMap {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final ParseContext context;
    private final Node node;
    private final String what;
    private final Map<String, NodeTuple> entries;

    private YamlMap(ParseContext context, Node node, String what, Map<String, NodeTuple> entries) {
        this.context = context;
        this.node = node;
        this.what = what;
        this.entries = entries;
    }

    /** Reads {@code node} as a mapping; {@code what} names it in messages, e.g. "sod rule". */
    static YamlMap of(ParseContext context, Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw context.fail(node, what + " must be a mapping");
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw context.fail(tuple.getKeyNode(), "keys of " + what + " must be plain names");
            }
            if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                throw context.fail(key, "duplicate key '" + key.getValue() + "' in " + what);
            }
        }
        return new YamlMap(context, node, what, entries);
    }

    /** Reads {@code node} as a mapping that may hold only {@code allowed} keys. */
    static YamlMap of(ParseContext context, Node node, String what, List<String> allowed) {
        return of(context, node, what).allowOnly(allowed);
    }

    YamlMap allowOnly(List<String> allowed) {
        for (NodeTuple tuple : entries.values()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                throw context.fail(tuple.getKeyNode(), "unknown key '" + key + "' in " + what
                        + " (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    Node node() {
        return node;
    }

    ParseContext context() {
        return context;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node node(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            throw context.fail(node, "missing '" + key + "' in " + what);
        }
        return tuple.getValueNode();
    }

    Optional<Node> optionalNode(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    String string(String key) {
        return text(node(key), key);
    }

    Optional<String> optionalString(String key) {
        return optionalNode(key).map(value -> text(value, key));
    }

    /** A required identifier: letters, digits, '-', '_' and '.', starting with a letter or digit. */
    String id(String key) {
        String id = string(key);
        if (!ID.matcher(id).matches()) {
            throw context.fail(node(key), "invalid " + key + " '" + id
                    + "' (use letters, digits, '-', '_' and '.')");
        }
        return id;
    }

    int integer(String key, int min) {
        Node value = node(key);
        String text = text(value, key);
        if (value.getTag().equals(Tag.INT) && text.matches("-?[0-9]{1,9}")) {
            int number = Integer.parseInt(text);
            if (number >= min) {
                return number;
            }
        }
        throw context.fail(value, key + " must be an integer of at least " + min + ", not '" + text + "'");
    }

    /** A required value that must be one of {@code allowed}. */
    String oneOf(String key, List<String> allowed) {
        String value = string(key);
        if (!allowed.contains(value)) {
            throw context.fail(node(key), "invalid " + key + " '" + value + "' (expected one of: "
                    + String.join(", ", allowed) + ")");
        }
        return value;
    }

    boolean bool(String key) {
        Node value = node(key);
        String text = text(value, key);
        if (!value.getTag().equals(Tag.BOOL)) {
            throw context.fail(value, key + " must be true or false, not '" + text + "'");
        }
        return List.of("true", "yes", "on").contains(text.toLowerCase(Locale.ROOT));
    }

    /** A required, non-empty list of entitlement keys written {@code "System:PERMISSION"}. */
    List<String> entitlementKeys(String key) {
        List<Node> items = sequence(key);
        if (items.isEmpty()) {
            throw context.fail(node(key), key + " must not be empty");
        }
        List<String> keys = new ArrayList<>();
        for (Node item : items) {
            String entitlement = text(item, key);
            int colon = entitlement.indexOf(':');
            if (colon <= 0 || colon == entitlement.length() - 1) {
                throw context.fail(item, "invalid entitlement key '" + entitlement + "' in " + key
                        + " (expected System:PERMISSION)");
            }
            keys.add(entitlement);
        }
        return List.copyOf(keys);
    }

    List<Node> sequence(String key) {
        return sequence(node(key), key);
    }

    List<Node> optionalSequence(String key) {
        return optionalNode(key).map(value -> sequence(value, key)).orElse(List.of());
    }

    List<String> strings(String key) {
        List<String> strings = new ArrayList<>();
        for (Node item : sequence(key)) {
            strings.add(text(item, key));
        }
        return List.copyOf(strings);
    }

    List<String> optionalStrings(String key) {
        return has(key) ? strings(key) : List.of();
    }

    List<Node> sequence(Node value, String key) {
        if (!(value instanceof SequenceNode sequence)) {
            throw context.fail(value, key + " must be a list");
        }
        return sequence.getValue();
    }

    String text(Node value, String key) {
        if (!(value instanceof ScalarNode scalar)) {
            throw context.fail(value, key + " must be a single value, not a " + (value instanceof SequenceNode
                    ? "list" : "mapping"));
        }
        if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            throw context.fail(value, key + " must not be empty");
        }
        return scalar.getValue();
    }
}
