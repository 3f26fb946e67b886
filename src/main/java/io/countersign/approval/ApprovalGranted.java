package io.countersign.approval;

import java.util.Map;

/** A request was approved; the owning workflow acts on it. Published durably after commit. */
public record ApprovalGranted(String approvalId, String workflow, String subjectIdentityId, String itemEntitlementId,
                              String decidedBy, long decisionSeq, Map<String, Object> payload) {
}
