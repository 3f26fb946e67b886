package io.countersign.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * A historical access request and its outcome, with the requester's role attributes as they were when
 * the request was decided (the training data of the approval model).
 */
public record PastAccessRequest(String id, IdentityId requesterId, EntitlementId entitlementId, Instant requestedAt,
                                Instant decidedAt, String decidedBy, RequestOutcome outcome, String managerId,
                                String department, String desk, String title, String location, String costCentre,
                                IdentityKind employmentType) {

    public PastAccessRequest {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(requesterId, "requesterId == null");
        Objects.requireNonNull(entitlementId, "entitlementId == null");
        Objects.requireNonNull(requestedAt, "requestedAt == null");
        Objects.requireNonNull(outcome, "outcome == null");
    }
}
