package io.countersign.connectors.okta;

import java.util.List;
import java.util.Map;

/**
 * The roles an Okta application user holds: its profile's {@code roles} (a list), or {@code role} (one value);
 * an assignment with neither is a plain assignment, {@value #PLAIN}. An entitlement key {@code App:ROLE} names
 * one role of the application labelled {@code App}; a key without a colon, the plain assignment.
 */
final class AppRoles {

    static final String PLAIN = "ASSIGNED";

    /** An entitlement key taken apart: the application's label, and the role or {@value #PLAIN}. */
    record Key(String label, String role) {

        static Key parse(String entitlementKey) {
            int colon = entitlementKey.lastIndexOf(':');
            return colon < 0 ? new Key(entitlementKey, PLAIN) : new Key(entitlementKey.substring(0, colon), entitlementKey.substring(colon + 1));
        }

        boolean plain() {
            return role.equals(PLAIN);
        }
    }

    private AppRoles() {
    }

    static List<String> of(Map<String, Object> profile) {
        Object roles = profile == null ? null : profile.get("roles");
        if (roles instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        if (profile != null && profile.get("role") instanceof String role && !role.isBlank()) {
            return List.of(role);
        }
        return List.of(PLAIN);
    }
}
