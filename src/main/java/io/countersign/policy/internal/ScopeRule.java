package io.countersign.policy.internal;

import io.countersign.policy.AgentScope;

/**
 * A compiled agent scope.
 *
 * @param when        the scope's compiled condition, {@code null} when it has none
 * @param description the scope in one line, for {@link io.countersign.policy.ScopeVerdict.Permitted}
 */
record ScopeRule(AgentScope scope, Condition when, String description) {

    static String describe(String agentId, int number, AgentScope scope) {
        return "scope " + number + " of " + agentId + ": " + String.join(", ", scope.operations())
                + " on " + String.join(", ", scope.platforms())
                + " for " + String.join(", ", scope.resources())
                + (scope.when() == null ? "" : " when " + scope.when());
    }
}
