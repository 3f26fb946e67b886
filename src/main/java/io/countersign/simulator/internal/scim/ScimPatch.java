package io.countersign.simulator.internal.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a SCIM PATCH request (RFC 7644 §3.5.2) to a resource's JSON: {@code add}, {@code replace} and
 * {@code remove}, with or without a path, including value filters such as {@code members[value eq "…"]} and
 * sub-attributes such as {@code emails[type eq "work"].value}. Operation names are taken without case, as
 * Entra ID sends {@code Replace}. The caller then stores the result as it would a PUT.
 */
final class ScimPatch {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final Set<String> extensions;

    ScimPatch(Set<String> extensions) {
        this.extensions = extensions;
    }

    void apply(ObjectNode resource, JsonNode request) {
        ObjectNode patch = ScimJson.object(request, "PATCH body");
        JsonNode schemas = ScimJson.field(patch, "schemas");
        if (schemas == null || !schemas.isArray() || schemas.values().stream().noneMatch(s -> SCHEMA.equals(s.asString(null)))) {
            throw ScimError.invalidSyntax("schemas: a PATCH body must declare " + SCHEMA);
        }
        JsonNode operations = ScimJson.field(patch, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimError.invalidSyntax("Operations: at least one operation is required");
        }
        int index = 0;
        for (JsonNode operation : operations.values()) {
            index++;
            operation(resource, ScimJson.object(operation, "Operations[" + index + "]"), index);
        }
    }

    private void operation(ObjectNode resource, ObjectNode operation, int index) {
        String op = String.valueOf(ScimJson.text(operation, "op")).toLowerCase(Locale.ROOT);
        if (!List.of("add", "replace", "remove").contains(op)) {
            throw ScimError.invalidSyntax("Operations[" + index + "].op: must be add, replace or remove, was '" + ScimJson.text(operation, "op") + "'");
        }
        String path = ScimJson.text(operation, "path");
        JsonNode value = ScimJson.field(operation, "value");
        if (path == null) {
            if ("remove".equals(op)) {
                throw new ScimError(400, "noTarget", "Operations[" + index + "].path: remove needs a path");
            }
            for (Map.Entry<String, JsonNode> entry : ScimJson.object(value, "Operations[" + index + "].value").properties()) {
                withoutPath(resource, op, entry.getKey(), entry.getValue());
            }
            return;
        }
        if (!"remove".equals(op) && value == null) {
            throw ScimError.invalidSyntax("Operations[" + index + "].value: " + op + " needs a value");
        }
        at(resource, op, ScimPath.parse(path, extensions), value);
    }

    /** A path-less add or replace names attributes, or whole extension objects, as the keys of its value. */
    private void withoutPath(ObjectNode resource, String op, String key, JsonNode value) {
        String extension = extensions.stream().filter(key::equalsIgnoreCase).findFirst().orElse(null);
        if (extension != null && value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                at(resource, op, new ScimPath(extension, entry.getKey(), null, null), entry.getValue());
            }
            return;
        }
        at(resource, op, ScimPath.parse(key, extensions), value);
    }

    private void at(ObjectNode resource, String op, ScimPath path, JsonNode value) {
        ObjectNode container = path.container(resource, !"remove".equals(op));
        if (container == null) {
            return;
        }
        String name = ScimJson.key(container, path.attribute());
        if (path.valueFilter() != null) {
            filtered(container, name, op, path, value);
        } else if (path.subAttribute() != null) {
            for (ObjectNode target : complexValues(container, name, !"remove".equals(op))) {
                set(target, ScimJson.key(target, path.subAttribute()), op, value);
            }
        } else {
            set(container, name, op, value);
        }
    }

    private static void set(ObjectNode target, String name, String op, JsonNode value) {
        JsonNode existing = target.get(name);
        if ("remove".equals(op)) {
            target.remove(name);
        } else if ("add".equals(op) && existing instanceof ArrayNode values) {
            for (JsonNode item : value.isArray() ? value.values() : List.of(value)) {
                if (!values.values().contains(item)) {
                    values.add(item);
                }
            }
        } else if ("add".equals(op) && existing instanceof ObjectNode object && value instanceof ObjectNode additions) {
            object.setAll(additions);
        } else {
            target.set(name, value);
        }
    }

    /** Operations on the values of a multi-valued attribute that its filter selects; none selected is {@code noTarget}. */
    private static void filtered(ObjectNode container, String name, String op, ScimPath path, JsonNode value) {
        JsonNode existing = container.get(name);
        List<JsonNode> selected = new ArrayList<>();
        if (existing instanceof ArrayNode values) {
            values.values().stream().filter(path.valueFilter()::matches).forEach(selected::add);
        }
        if (selected.isEmpty()) {
            if ("remove".equals(op)) {
                return;
            }
            throw new ScimError(400, "noTarget", "path: no value of " + name + " matches the filter");
        }
        ArrayNode values = (ArrayNode) existing;
        for (JsonNode item : selected) {
            if (path.subAttribute() != null && item instanceof ObjectNode complex) {
                set(complex, ScimJson.key(complex, path.subAttribute()), op, value);
            } else if ("remove".equals(op)) {
                values.remove(values.values().stream().toList().indexOf(item));
            } else if (item instanceof ObjectNode complex && value instanceof ObjectNode replacement) {
                complex.setAll(replacement);
            }
        }
    }

    private static List<ObjectNode> complexValues(ObjectNode container, String name, boolean create) {
        JsonNode existing = container.get(name);
        if (existing instanceof ObjectNode object) {
            return List.of(object);
        }
        if (existing instanceof ArrayNode array) {
            return array.values().stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).toList();
        }
        return create ? List.of(container.putObject(name)) : List.of();
    }
}
