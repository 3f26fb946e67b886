package io.countersign.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.countersign.operators.Operator;

/**
 * The approval queue.
 *
 * <p>Who authorises: the person a request is routed to (or, for any request, a compliance officer);
 * never its requester, never the subject, never someone whose own access conflicts with the item.
 * What is ledgered: {@code approval_requested} on {@link #open}, then exactly one of {@code approved},
 * {@code rejected} or {@code expired}, and a {@code refused} entry for every refused attempt.
 */
public interface Approvals {

    /** Opens a request routed by its risk; an open request for the same workflow and source event is returned as is. */
    ApprovalRequest open(ApprovalDraft draft);

    Decision approve(String approvalId, Operator approver, String reason);

    Decision reject(String approvalId, Operator approver, String reason);

    /** Expires every pending request past its expiry at {@code now}; returns how many. */
    int expireOverdue(Instant now);

    Optional<ApprovalRequest> find(String approvalId);

    /** Newest first; {@code status} {@code null} means all. */
    List<ApprovalRequest> list(ApprovalStatus status, int limit);
}
