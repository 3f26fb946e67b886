package io.countersign.simulator;

import java.util.Objects;

import io.countersign.directory.EntitlementId;
import io.countersign.directory.IdentityId;

/** Names one assignment: an identity holds an entitlement at most once. */
public record AssignmentKey(IdentityId identityId, EntitlementId entitlementId) {

    public AssignmentKey {
        Objects.requireNonNull(identityId, "identityId == null");
        Objects.requireNonNull(entitlementId, "entitlementId == null");
    }
}
