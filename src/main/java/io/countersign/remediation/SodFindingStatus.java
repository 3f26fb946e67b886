package io.countersign.remediation;

/** Where a separation-of-duties finding stands. */
public enum SodFindingStatus {
    /** Waiting for a person to approve or reject the recommendation. */
    PENDING_APPROVAL,
    /** Approved (or automated by policy); the connector write is under way. */
    REMEDIATING,
    /** The conflicting entitlement is gone, confirmed by reading the platform back. */
    REMEDIATED,
    /** A person rejected removal: the conflict stays, as an accepted and mitigated risk. */
    KEPT,
    /** Nobody decided in time; the next review raises it again. */
    EXPIRED,
    /** Approved, but the write was refused (outside the agent's scope) or failed: needs a person on the platform. */
    BLOCKED
}
