package io.countersign.simulator.internal.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An attribute path (RFC 7644 §3.10): {@code [schema-urn ":"] attribute ["[" value-filter "]"] ["." sub-attribute]}.
 *
 * @param schema       the extension schema whose object holds the attribute, or {@code null} for the core schema
 * @param valueFilter  the filter selecting values of a multi-valued attribute, or {@code null}
 * @param subAttribute the sub-attribute, or {@code null}
 */
record ScimPath(String schema, String attribute, ScimFilter valueFilter, String subAttribute) {

    /** Parses {@code path}; {@code extensions} are the schema URNs whose attributes live in their own object. */
    static ScimPath parse(String path, Set<String> extensions) {
        int bracket = path.indexOf('[');
        String head = bracket < 0 ? path : path.substring(0, bracket);
        String schema = null;
        String rest = path;
        if (head.regionMatches(true, 0, "urn:", 0, 4)) {
            int colon = head.lastIndexOf(':');
            String urn = head.substring(0, colon);
            schema = extensions.stream().filter(urn::equalsIgnoreCase).findFirst().orElse(null);
            rest = path.substring(colon + 1);
        }
        int open = rest.indexOf('[');
        if (open >= 0) {
            int close = rest.lastIndexOf(']');
            if (close < open) {
                throw new ScimError(400, "invalidPath", "path: '" + path + "' opens a value filter it does not close");
            }
            String after = rest.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(".")) {
                throw new ScimError(400, "invalidPath", "path: unexpected '" + after + "' in '" + path + "'");
            }
            return new ScimPath(schema, name(rest.substring(0, open), path), ScimFilter.parse(rest.substring(open + 1, close)),
                    after.isEmpty() ? null : name(after.substring(1), path));
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? new ScimPath(schema, name(rest, path), null, null)
                : new ScimPath(schema, name(rest.substring(0, dot), path), null, name(rest.substring(dot + 1), path));
    }

    /** The object holding the attribute: the resource, or its extension object (made when {@code create}). */
    ObjectNode container(ObjectNode resource, boolean create) {
        if (schema == null) {
            return resource;
        }
        JsonNode existing = resource.get(schema);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return create ? resource.putObject(schema) : null;
    }

    /**
     * The scalar values a filter compares at {@code path} in {@code resource}: a multi-valued attribute gives each
     * of its values (a complex one its sub-attribute, or its {@code value}); a missing attribute gives none.
     */
    static List<JsonNode> values(JsonNode resource, String path) {
        JsonNode container = resource;
        String rest = path;
        if (path.regionMatches(true, 0, "urn:", 0, 4)) {
            int colon = path.lastIndexOf(':');
            JsonNode extension = ScimJson.field(resource, path.substring(0, colon));
            container = extension != null && extension.isObject() ? extension : resource;
            rest = path.substring(colon + 1);
        }
        int dot = rest.indexOf('.');
        JsonNode node = ScimJson.field(container, dot < 0 ? rest : rest.substring(0, dot));
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        List<JsonNode> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        for (JsonNode item : node.isArray() ? node.values() : List.of(node)) {
            JsonNode value = item.isObject() ? ScimJson.field(item, sub == null ? "value" : sub) : sub == null ? item : null;
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static String name(String name, String path) {
        if (name.isEmpty() || !name.matches("[A-Za-z$][A-Za-z0-9_$-]*")) {
            throw new ScimError(400, "invalidPath", "path: '" + path + "' is not an attribute path");
        }
        return name;
    }
}
