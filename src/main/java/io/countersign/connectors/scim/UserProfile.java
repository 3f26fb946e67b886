package io.countersign.connectors.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A create-user profile as SCIM User attributes: {@code email} (the primary work e-mail), {@code firstName} and
 * {@code lastName} ({@code name.givenName}, {@code name.familyName}), {@code displayName}, {@code title}, and
 * {@code employeeNumber} and {@code department} in the enterprise extension when the provider's User has it.
 */
record UserProfile(Map<String, String> values) {

    static final List<String> KNOWN = List.of("email", "firstName", "lastName", "displayName", "title", "employeeNumber", "department");
    private static final List<String> ENTERPRISE = List.of("employeeNumber", "department");

    UserProfile {
        values = Map.copyOf(values);
    }

    /** The first key this mapping does not know, if any: such a profile is refused rather than written in part. */
    Optional<String> unknownKey() {
        return values.keySet().stream().filter(key -> !KNOWN.contains(key)).sorted().findFirst();
    }

    /** A new active user named {@code login} with this profile. */
    ObjectNode newUser(String login, Set<String> schemas) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.putArray("schemas").add(ScimClient.CORE_USER);
        user.put("userName", login);
        user.put("active", true);
        applyTo(user, schemas);
        if (!user.has("displayName") && (values.containsKey("firstName") || values.containsKey("lastName"))) {
            user.put("displayName", (values.getOrDefault("firstName", "") + " " + values.getOrDefault("lastName", "")).strip());
        }
        return user;
    }

    /** Writes this profile into {@code user}; answers the keys the provider's User schemas cannot hold (left out). */
    List<String> applyTo(ObjectNode user, Set<String> schemas) {
        List<String> notHeld = new ArrayList<>();
        values.forEach((key, value) -> {
            switch (key) {
                case "email" -> primaryEmail(user, value);
                case "firstName" -> user.withObjectProperty("name").put("givenName", value);
                case "lastName" -> user.withObjectProperty("name").put("familyName", value);
                case "displayName", "title" -> user.put(key, value);
                default -> {
                    if (ENTERPRISE.contains(key) && schemas.contains(ScimValues.ENTERPRISE_USER)) {
                        user.withObjectProperty(ScimValues.ENTERPRISE_USER).put(key, value);
                        declare(user, ScimValues.ENTERPRISE_USER);
                    } else {
                        notHeld.add(key);
                    }
                }
            }
        });
        return notHeld.stream().sorted().toList();
    }

    private static void primaryEmail(ObjectNode user, String address) {
        ArrayNode emails = user.withArrayProperty("emails");
        ObjectNode target = null;
        for (JsonNode email : emails) {
            if (email instanceof ObjectNode candidate && (target == null || candidate.path("primary").asBoolean(false))) {
                target = candidate;
            }
        }
        if (target == null) {
            target = emails.addObject().put("type", "work").put("primary", true);
        }
        target.put("value", address);
    }

    private static void declare(ObjectNode user, String schema) {
        ArrayNode schemas = user.withArrayProperty("schemas");
        for (JsonNode declared : schemas) {
            if (schema.equals(declared.asText())) {
                return;
            }
        }
        schemas.add(schema);
    }
}
