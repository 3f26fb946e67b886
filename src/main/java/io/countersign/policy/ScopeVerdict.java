package io.countersign.policy;

import java.util.Objects;

/**
 * The scope guard's answer to a {@link ScopeRequest}. A refusal is a value, not an exception: the caller
 * ledgers it and does not write.
 */
public sealed interface ScopeVerdict {

    String agentId();

    PolicyRef policy();

    /**
     * The write is inside one of the agent's scopes.
     *
     * @param scopeDescription the scope that covers it, for the ledger
     */
    record Permitted(String agentId, String scopeDescription, PolicyRef policy) implements ScopeVerdict {

        public Permitted {
            Objects.requireNonNull(agentId, "agentId == null");
            Objects.requireNonNull(scopeDescription, "scopeDescription == null");
            Objects.requireNonNull(policy, "policy == null");
        }
    }

    /**
     * The write is outside every scope of the agent, or the agent is unknown.
     *
     * @param reason exactly what was out of scope, e.g. {@code operation remove_membership on
     *               "Active Directory:Domain Admins" is outside the scopes of sod-remediation-agent}
     */
    record Refused(String agentId, String reason, PolicyRef policy) implements ScopeVerdict {

        public Refused {
            Objects.requireNonNull(agentId, "agentId == null");
            Objects.requireNonNull(reason, "reason == null");
            Objects.requireNonNull(policy, "policy == null");
        }
    }
}
