package io.countersign.lifecycle.requests;

import java.util.Objects;

/**
 * What a requester asks for.
 *
 * @param requester      the identity that is to hold the entitlement: its identity id or HR employee id
 * @param entitlementKey {@code System:PERMISSION}, e.g. {@code Refinitiv Eikon:EIKON}
 * @param justification  why, in the requester's words (required, with a configured minimum length)
 * @param durationDays   how long the access is needed, or {@code null} for as long as the role needs it
 * @param submittedBy    who submits it: the operator's user name or the CLI actor (never allowed to approve it)
 */
public record RequestSubmission(String requester, String entitlementKey, String justification, Integer durationDays,
                                String submittedBy) {

    public RequestSubmission {
        Objects.requireNonNull(submittedBy, "submittedBy == null");
    }
}
