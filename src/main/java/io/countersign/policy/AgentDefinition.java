package io.countersign.policy;

import java.util.List;
import java.util.Objects;

/**
 * An AI agent: an identity with scopes. Every connector write it makes passes
 * {@link PolicyEngine#scopeCheck}.
 *
 * @param id          the agent's id
 * @param name        human-readable name
 * @param description what the agent is for
 * @param scopes      what it may write; a write is permitted when one scope covers it
 * @param policy      the agents file
 */
public record AgentDefinition(String id, String name, String description, List<AgentScope> scopes,
        PolicyRef policy) {

    public AgentDefinition {
        Objects.requireNonNull(id, "id == null");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(policy, "policy == null");
    }
}
