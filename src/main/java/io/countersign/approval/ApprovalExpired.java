package io.countersign.approval;

import java.util.Map;

/** A request expired unanswered; the owning workflow decides what an unanswered request means. */
public record ApprovalExpired(String approvalId, String workflow, String subjectIdentityId, long ledgerSeq,
                              Map<String, Object> payload) {
}
