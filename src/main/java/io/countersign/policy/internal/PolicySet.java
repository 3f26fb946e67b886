package io.countersign.policy.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.policy.AgentDefinition;
import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.BaselineMatch;
import io.countersign.policy.CatalogueMatch;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;
import io.countersign.policy.PolicySetInfo;
import io.countersign.policy.RiskAssessment;
import io.countersign.policy.ScopeRequest;
import io.countersign.policy.ScopeVerdict;
import io.countersign.policy.SodViolation;

/** A loaded, validated and compiled policy set; immutable apart from the SoD membership cache. */
public final class PolicySet {

    private final PolicySetInfo info;
    private final SodMatrix sod;
    private final RiskTiers riskTiers;
    private final AutonomyPolicy autonomy;
    private final Baselines baselines;
    private final AgentRegistry agents;
    private final Catalogue catalogue;

    PolicySet(PolicySetInfo info, SodMatrix sod, RiskTiers riskTiers, AutonomyPolicy autonomy, Baselines baselines,
            AgentRegistry agents, Catalogue catalogue) {
        this.info = info;
        this.sod = sod;
        this.riskTiers = riskTiers;
        this.autonomy = autonomy;
        this.baselines = baselines;
        this.agents = agents;
        this.catalogue = catalogue;
    }

    public PolicySetInfo info() {
        return info;
    }

    public List<SodViolation> sodViolations(IdentityFacts identity, Collection<EntitlementFacts> held) {
        return sod.violations(identity, held);
    }

    public List<SodViolation> conflictsIfGranted(IdentityFacts identity, Collection<EntitlementFacts> held,
            EntitlementFacts candidate) {
        return sod.newViolations(identity, held, candidate);
    }

    public RiskAssessment riskTier(EntitlementFacts entitlement, Map<String, ?> item) {
        return riskTiers.assess(entitlement, item);
    }

    public AutonomyDecision autonomy(String workflow, EntitlementFacts entitlement, Map<String, ?> item) {
        return autonomy.decide(workflow, entitlement, item);
    }

    public List<BaselineMatch> baselines(IdentityFacts identity) {
        return baselines.matching(identity);
    }

    public List<AgentDefinition> agents() {
        return agents.definitions();
    }

    public ScopeVerdict scopeCheck(String agentId, ScopeRequest request) {
        return agents.check(agentId, request);
    }

    public Optional<CatalogueMatch> catalogueItem(IdentityFacts identity, EntitlementFacts entitlement) {
        return catalogue.match(identity, entitlement);
    }
}
