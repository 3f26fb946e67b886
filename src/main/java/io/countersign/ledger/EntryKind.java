package io.countersign.ledger;

import java.util.Locale;

/** What a ledger entry records. */
public enum EntryKind {
    /** An AI reasoner's recommendation, with its inputs, model and output. */
    RECOMMENDATION,
    /** Policy's decision on a recommendation: the route and the policies applied. */
    POLICY_DECISION,
    /** A request for a human decision was opened. */
    APPROVAL_REQUESTED,
    /** A person approved. */
    APPROVED,
    /** A person rejected. */
    REJECTED,
    /** A request for a decision expired unanswered. */
    EXPIRED,
    /** Something was refused: a write outside an agent's scope, or an approver barred by dual control. */
    REFUSED,
    /** An action on a target is about to start (written before the action). */
    EXECUTING,
    /** The outcome of an action as the target reported it. */
    EXECUTED,
    /** The target's state read back after an action. */
    READ_BACK,
    /** A reason note written back to a profile on a platform. */
    WRITE_BACK,
    /** A change to who may use Countersign: a user added, a token issued or revoked (never the token itself). */
    ADMINISTRATION;

    /** The name used in the canonical JSON, e.g. {@code approval_requested}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
