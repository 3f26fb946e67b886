package io.countersign.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.countersign.policy.Route;

/**
 * An approval request and where it stands.
 *
 * @param routeIdentityId the identity the request is routed to (a desk head), {@code null} for a role route
 * @param approvalsRequired how many distinct people must approve
 * @param approvedBy        who has approved so far
 * @param payload         what the owning workflow needs to act once it is approved
 */
public record ApprovalRequest(String id, String workflow, String subjectIdentityId, String itemEntitlementId, String itemKey,
                              String summary, String requestedBy, String riskTier, int approvalsRequired, List<String> approvedBy,
                              Route route, String routeIdentityId,
                              ApprovalStatus status, Instant createdAt, Instant expiresAt, String decidedBy, Instant decidedAt,
                              String decisionReason, Long recommendationSeq, long requestSeq, Long decisionSeq,
                              String sourceEventId, Map<String, Object> payload) {

    public ApprovalRequest {
        approvedBy = List.copyOf(approvedBy);
    }
}
