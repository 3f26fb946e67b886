package io.countersign.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * An identity holding an entitlement.
 *
 * @param accountId  the account through which it is held, {@code null} when not tied to one
 * @param grantedBy  who granted it: a person's identity id, a workflow or {@code "migration"}
 * @param lastUsedAt last recorded use, {@code null} when never used
 */
public record Assignment(IdentityId identityId, EntitlementId entitlementId, AccountId accountId, Instant grantedAt,
                         String grantedBy, Instant lastUsedAt, AssignmentSource source) {

    public Assignment {
        Objects.requireNonNull(identityId, "identityId == null");
        Objects.requireNonNull(entitlementId, "entitlementId == null");
        Objects.requireNonNull(grantedAt, "grantedAt == null");
        Objects.requireNonNull(grantedBy, "grantedBy == null");
        Objects.requireNonNull(source, "source == null");
    }
}
