package io.countersign.lifecycle;

/** Where a lifecycle case stands. */
public enum CaseStatus {
    /** The event takes effect later; a schedule picks it up when due. */
    WAITING,
    /** Recorded, not yet started (or interrupted before it started). */
    RECEIVED,
    /** Being worked on; a case left running by a crash is resumed from its items. */
    RUNNING,
    /** Its grants wait for people to decide. */
    PENDING_APPROVAL,
    /** Every item done. */
    COMPLETED,
    /** Finished with some items refused, rejected, expired, blocked or failed. */
    PARTIAL,
    /** Nothing could be done, e.g. policy does not allow the automation. */
    BLOCKED,
    /**
     * History: the event took effect before the replay horizon (e.g. a feed's backlog read on first connection), so it
     * is recorded and not replayed; the end-date sweep covers what such history left behind. A termination whose worker
     * still has an active account is never history: it is deprovisioned however late it arrives.
     */
    SKIPPED
}
