package io.countersign.approval;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.countersign.policy.RiskAssessment;

/**
 * A request for a human decision, as a workflow submits it.
 *
 * @param requestedBy       who asks: an agent id or an operator's user name (never allowed to approve it)
 * @param risk              the policy's risk assessment, which sets the route and the expiry
 * @param recommendationSeq the ledger entry of the AI recommendation behind it, if any
 * @param links             further ledger entries it follows from (e.g. the policy decision)
 */
public record ApprovalDraft(String workflow, String subjectIdentityId, String itemEntitlementId, String itemKey,
                            String summary, String requestedBy, RiskAssessment risk, String sourceEventId,
                            Long recommendationSeq, List<Long> links, Map<String, Object> payload) {

    public ApprovalDraft {
        Objects.requireNonNull(workflow, "workflow == null");
        Objects.requireNonNull(subjectIdentityId, "subjectIdentityId == null");
        Objects.requireNonNull(summary, "summary == null");
        Objects.requireNonNull(requestedBy, "requestedBy == null");
        Objects.requireNonNull(risk, "risk == null");
        links = links == null ? List.of() : List.copyOf(links);
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }
}
