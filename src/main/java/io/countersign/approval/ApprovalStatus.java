package io.countersign.approval;

/** Where an approval request stands. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, EXPIRED
}
