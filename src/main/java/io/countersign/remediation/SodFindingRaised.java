package io.countersign.remediation;

import java.time.Instant;
import java.util.List;

/** A separation-of-duties violation became a finding, with the AI's recommendation (ledgered at {@code recommendationSeq}). */
public record SodFindingRaised(String findingId, String ruleId, String severity, String identityId, List<String> heldKeys,
                               String targetKey, String recommendedAction, double confidence, String narrative,
                               long recommendationSeq, Instant detectedAt) {
}
