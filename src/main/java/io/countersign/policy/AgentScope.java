package io.countersign.policy;

import java.util.List;

/**
 * One scope of an AI agent: the connector writes it may make.
 *
 * @param platforms  glob patterns on the platform id, e.g. {@code okta}, {@code ad}
 * @param operations operation names, e.g. {@code remove_membership}
 * @param resources  glob patterns on the entitlement key or group name; {@code *} matches any run of characters
 * @param when       CEL over {@code entitlement} and {@code item} that must also hold, or {@code null}
 */
public record AgentScope(List<String> platforms, List<String> operations, List<String> resources, String when) {

    public AgentScope {
        platforms = List.copyOf(platforms);
        operations = List.copyOf(operations);
        resources = List.copyOf(resources);
    }
}
