package io.countersign.approval;

/** The outcome of an attempt to approve or reject. A refusal is a value, ledgered like a decision. */
public sealed interface Decision {

    long ledgerSeq();

    /** The decision was taken; {@code request} is the updated request. */
    record Taken(ApprovalRequest request, long ledgerSeq) implements Decision { }

    /** The attempt was refused (dual control, SoD, not routed to this person, already decided, expired). */
    record Refused(String approvalId, String reason, long ledgerSeq) implements Decision { }
}
