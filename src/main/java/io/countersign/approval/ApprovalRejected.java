package io.countersign.approval;

import java.util.Map;

/** A request was rejected; the owning workflow records that nothing will be done. */
public record ApprovalRejected(String approvalId, String workflow, String subjectIdentityId, String itemEntitlementId,
                               String decidedBy, long decisionSeq, Map<String, Object> payload) {
}
