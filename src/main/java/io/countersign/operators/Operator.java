package io.countersign.operators;

import java.util.Objects;
import java.util.Set;

/**
 * A Countersign user.
 *
 * @param identityId the bank identity this operator is (for dual control and SoD checks on approvers), or {@code null}
 */
public record Operator(String username, String displayName, Set<Role> roles, String identityId, boolean disabled) {

    public Operator {
        Objects.requireNonNull(username, "username == null");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return !disabled && roles.contains(role);
    }
}
