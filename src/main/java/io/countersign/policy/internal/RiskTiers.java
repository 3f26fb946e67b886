package io.countersign.policy.internal;

import java.util.List;
import java.util.Map;

import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyException;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.RiskAssessment;

/** The risk tiers, in order: the first whose condition holds decides. */
final class RiskTiers implements PolicyContent {

    private final List<RiskTier> tiers;
    private final PolicyRef policy;
    private final String file;

    RiskTiers(List<RiskTier> tiers, PolicyRef policy, String file) {
        this.tiers = List.copyOf(tiers);
        this.policy = policy;
        this.file = file;
    }

    RiskAssessment assess(EntitlementFacts entitlement, Map<String, ?> item) {
        Map<String, Object> variables = Map.of(
                "entitlement", Facts.entitlement(entitlement),
                "item", Facts.item(item, "item"));
        for (RiskTier tier : tiers) {
            if (tier.when().holds(variables)) {
                return new RiskAssessment(tier.id(), tier.route(), tier.approvalsRequired(), tier.expiresAfter(),
                        policy);
            }
        }
        throw new PolicyException(PolicyException.Code.NO_MATCHING_TIER, file + ": no risk tier matches "
                + entitlement.key() + "; end the tiers with a catch-all (when: 'true')");
    }
}
