package io.countersign.remediation;

import java.time.Instant;
import java.util.List;

/**
 * A separation-of-duties violation and its remediation.
 *
 * @param heldKeys   the conflicting entitlements the identity holds, one per side of the rule
 * @param targetKey  the entitlement the recommendation proposes to remove
 */
public record SodFinding(String id, String ruleId, String identityId, String severity, List<String> heldKeys, String targetKey,
                         String recommendedAction, double confidence, SodFindingStatus status, String detail,
                         long recommendationSeq, Long decisionSeq, String approvalId, Long resolutionSeq, Instant detectedAt,
                         Instant resolvedAt) {

    public SodFinding {
        heldKeys = List.copyOf(heldKeys);
    }
}
