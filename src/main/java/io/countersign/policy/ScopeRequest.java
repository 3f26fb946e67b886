package io.countersign.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A connector write an agent wants to make.
 *
 * @param platform    the platform id, e.g. {@code okta}
 * @param operation   e.g. {@code remove_membership}
 * @param resource    the entitlement key or group name written, e.g. {@code "Murex:EXECUTE_TRADE"}
 * @param entitlement facts about the entitlement, or {@code null} when the write touches none (CEL then sees
 *                    an empty map)
 * @param item        facts about the work item, e.g. {@code approved}; {@code null} means none
 */
public record ScopeRequest(String platform, String operation, String resource, EntitlementFacts entitlement,
        Map<String, Object> item) {

    public ScopeRequest {
        Objects.requireNonNull(platform, "platform == null");
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(resource, "resource == null");
        item = item == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(item));
    }
}
