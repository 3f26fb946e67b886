package io.countersign.policy;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.countersign.policy.internal.PolicyLoader;
import io.countersign.policy.internal.PolicySet;

import org.springframework.stereotype.Component;

/**
 * The bank's policy as code: separation-of-duties matrix, risk tiers, autonomy levels, role baselines, AI
 * agent scopes and the catalogue of pre-approved items, read from versioned YAML files whose conditions are CEL expressions.
 *
 * <p>The set is loaded once, at construction, from {@link PolicyProperties#directory()} or, when none is
 * configured, from the defaults shipped on the classpath under {@code policies/}. Every file is validated and
 * every expression compiled then; any problem fails start-up with a {@link PolicyException} of code
 * {@link PolicyException.Code#INVALID_POLICY} whose message lists the problems as {@code file:line: reason},
 * one a line. The files' own test cases are not run at start-up; {@link #check(Path)} runs them.
 *
 * <p>Every method is a pure function of the loaded set and its arguments: the engine authorises nothing and
 * writes nothing. Its answers carry the {@link PolicyRef} (id, declared version, content hash) of the file
 * that decided, which callers record in the ledger with the decision. A business "no" (a violation, a refused
 * scope) is a value; a CEL expression that fails at run time is a {@link PolicyException} of code
 * {@link PolicyException.Code#EVALUATION_FAILED} naming the file, line and rule. The engine is thread-safe.
 */
@Component
public final class PolicyEngine {

    private final PolicySet policies;

    public PolicyEngine(PolicyProperties properties) {
        Objects.requireNonNull(properties, "properties == null");
        policies = properties.useDefaults()
                ? PolicyLoader.loadClasspathDefaults()
                : PolicyLoader.load(properties.directory());
    }

    /** Where the loaded set came from and the reference of each of its files. */
    public PolicySetInfo info() {
        return policies.info();
    }

    /**
     * The separation-of-duties rules that {@code identity} breaks by holding {@code held}, in the order the
     * rules are declared (files in name order). Fast enough to sweep a whole bank: side membership is worked
     * out once per distinct entitlement and cached.
     */
    public List<SodViolation> sodViolations(IdentityFacts identity, Collection<EntitlementFacts> held) {
        Objects.requireNonNull(identity, "identity == null");
        Objects.requireNonNull(held, "held == null");
        return policies.sodViolations(identity, held);
    }

    /**
     * The violations that granting {@code candidate} would create: rules {@code identity} does not break with
     * {@code held} alone but would with the candidate. Violations that already exist are not repeated; a
     * candidate already held creates none.
     */
    public List<SodViolation> conflictsIfGranted(IdentityFacts identity, Collection<EntitlementFacts> held,
            EntitlementFacts candidate) {
        Objects.requireNonNull(identity, "identity == null");
        Objects.requireNonNull(held, "held == null");
        Objects.requireNonNull(candidate, "candidate == null");
        return policies.conflictsIfGranted(identity, held, candidate);
    }

    /**
     * The first risk tier whose condition holds for the entitlement and item, with its route, approvals and
     * expiry. A {@link PolicyException} of code {@link PolicyException.Code#NO_MATCHING_TIER} when none does.
     *
     * @param item free facts about the request (e.g. {@code sod_mitigation}); {@code null} means none
     */
    public RiskAssessment riskTier(EntitlementFacts entitlement, Map<String, Object> item) {
        Objects.requireNonNull(entitlement, "entitlement == null");
        return policies.riskTier(entitlement, item);
    }

    /**
     * How far {@code workflow} may act on its own for this item. Automation is allowed only at guarded
     * automation, and only when the workflow's {@code auto_when} holds (or it has none); a workflow the policy
     * does not name gets the policy's default level, never automation.
     *
     * @param entitlement the entitlement the item concerns, or {@code null} (CEL then sees an empty map)
     * @param item        free facts about the item; {@code null} means none
     */
    public AutonomyDecision autonomy(String workflow, EntitlementFacts entitlement, Map<String, Object> item) {
        Objects.requireNonNull(workflow, "workflow == null");
        return policies.autonomy(workflow, entitlement, item);
    }

    /** Every role baseline whose condition holds for {@code identity}, in declaration order. */
    public List<BaselineMatch> baselines(IdentityFacts identity) {
        Objects.requireNonNull(identity, "identity == null");
        return policies.baselines(identity);
    }

    /**
     * The pre-approved catalogue item that offers {@code entitlement} to {@code identity}: the first item listing
     * the entitlement whose {@code when} holds for the requester. Empty when no catalogue file is loaded or no item
     * covers the request. Being catalogued makes a request eligible for automation; it authorises nothing alone.
     */
    public Optional<CatalogueMatch> catalogueItem(IdentityFacts identity, EntitlementFacts entitlement) {
        Objects.requireNonNull(identity, "identity == null");
        Objects.requireNonNull(entitlement, "entitlement == null");
        return policies.catalogueItem(identity, entitlement);
    }

    /** The AI agents the policy defines, with their scopes. */
    public List<AgentDefinition> agents() {
        return policies.agents();
    }

    /**
     * The scope guard: whether agent {@code agentId} may make the write. Permitted when one of its scopes
     * covers the platform, operation and resource and that scope's {@code when} holds; otherwise refused with
     * the reason naming what was out of scope. A scope condition that cannot be evaluated does not permit
     * (fail closed). An unknown agent is refused with {@code unknown agent <id>}. Callers ledger refusals.
     */
    public ScopeVerdict scopeCheck(String agentId, ScopeRequest request) {
        Objects.requireNonNull(agentId, "agentId == null");
        Objects.requireNonNull(request, "request == null");
        return policies.scopeCheck(agentId, request);
    }

    /**
     * Parses, validates and compiles the policy set in {@code directory} and runs each file's test cases
     * against that file's own rules, without touching any loaded set. Problems carry the file (relative to
     * {@code directory}) and the line of the offending YAML node; a failing test is a test result.
     */
    public static PolicyCheckReport check(Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        return PolicyLoader.check(directory);
    }

    /** {@link #check(Path)} for the default set shipped on the classpath. */
    public static PolicyCheckReport checkClasspathDefaults() {
        return PolicyLoader.checkClasspathDefaults();
    }
}
