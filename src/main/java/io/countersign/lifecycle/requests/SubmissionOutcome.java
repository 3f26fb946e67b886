package io.countersign.lifecycle.requests;

import java.time.Instant;

/** What came of a submission. Only {@link Submitted} creates a request; the others are answers, not errors. */
public sealed interface SubmissionOutcome {

    /** A new request, already routed: auto-approved, pending a person, or blocked. */
    record Submitted(AccessRequest request) implements SubmissionOutcome { }

    /** The requester already holds the entitlement; nothing was recorded. */
    record AlreadyHeld(String requesterId, String entitlementKey, Instant grantedAt) implements SubmissionOutcome { }

    /** An open request for the same person and entitlement exists; it is returned instead of a second one. */
    record AlreadyOpen(AccessRequest request) implements SubmissionOutcome { }
}
