package io.countersign.policy;

/** Who decides an approval request. */
public enum Route {
    /** The chief compliance officer's queue: high-risk items. */
    COMPLIANCE_OFFICER,
    /** The requester's desk head: standard items. */
    DESK_HEAD
}
