package io.countersign.connectors.scim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;

/** Reads the attributes the connector cares about from SCIM resources, tolerating what providers leave out. */
final class ScimValues {

    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private ScimValues() {
    }

    /** The attribute at {@code path} as text, or {@code null} when absent, not a single value, or not a path at all. */
    static String text(GenericScimResource resource, String path) {
        try {
            JsonNode value = resource.getValue(path);
            return value == null || value.isNull() || value.isMissingNode() || value.isContainerNode() ? null : value.asText();
        } catch (ScimException e) {
            return null;
        }
    }

    /** {@code meta.version}, which RFC 7643 makes the resource's entity tag; {@code null} when the provider keeps none. */
    static String version(GenericScimResource resource) {
        JsonNode version = resource.getObjectNode().path("meta").path("version");
        return version.isTextual() && !version.asText().isBlank() ? version.asText() : null;
    }

    /** A user without {@code active} is active: the attribute is optional and providers that omit it do not disable. */
    static boolean active(GenericScimResource user) {
        JsonNode active = user.getObjectNode().path("active");
        return active.isMissingNode() || active.isNull() || active.asBoolean(false);
    }

    /** The {@code value}s of a multi-valued attribute such as {@code members} or {@code entitlements}, optionally of one type. */
    static List<String> values(GenericScimResource resource, String attribute, String onlyType) {
        List<String> values = new ArrayList<>();
        resource.getObjectNode().path(attribute).forEach(item -> {
            String type = item.path("type").asText("");
            if (item.hasNonNull("value") && (onlyType == null || type.isEmpty() || type.equalsIgnoreCase(onlyType))) {
                values.add(item.path("value").asText());
            }
        });
        return values;
    }

    static String email(GenericScimResource user) {
        String first = null;
        for (JsonNode email : user.getObjectNode().path("emails")) {
            if (email.path("primary").asBoolean(false) && email.hasNonNull("value")) {
                return email.path("value").asText();
            }
            first = first == null && email.hasNonNull("value") ? email.path("value").asText() : first;
        }
        return first;
    }

    static String displayName(GenericScimResource user) {
        String display = text(user, "displayName");
        if (display != null) {
            return display;
        }
        String formatted = text(user, "name.formatted");
        if (formatted != null) {
            return formatted;
        }
        String given = text(user, "name.givenName");
        String family = text(user, "name.familyName");
        return given == null && family == null ? null : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }

    static String employeeNumber(GenericScimResource user) {
        return text(user, ENTERPRISE_USER + ":employeeNumber");
    }

    /** {@code meta.created}, or {@code null} when absent or not an RFC 3339 date-time. */
    static Instant created(GenericScimResource resource) {
        JsonNode created = resource.getObjectNode().path("meta").path("created");
        try {
            return created.isTextual() ? OffsetDateTime.parse(created.asText()).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
