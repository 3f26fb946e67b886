package io.countersign.lifecycle.requests;

/** Where an access request stands. */
public enum RequestStatus {
    /** Waiting for the person it is routed to. */
    PENDING_APPROVAL,
    /** Approved; the fulfilment agent is granting it. */
    PROVISIONING,
    /** Granted and confirmed on the platform. */
    FULFILLED,
    /** Refused at submission: granting it would create a separation-of-duties conflict. */
    BLOCKED,
    /** A person rejected it. */
    REJECTED,
    /** Nobody decided before the approval request expired; nothing was granted. */
    EXPIRED,
    /** Approved, but the scope guard refused the fulfilment agent's write. */
    REFUSED,
    /** Approved, but the platform write failed or could not be confirmed. */
    FAILED,
    /** A time-bound grant ended and was removed from the platform. */
    REVOKED;

    /** Still waiting for a decision or a write. */
    public boolean open() {
        return this == PENDING_APPROVAL || this == PROVISIONING;
    }
}
