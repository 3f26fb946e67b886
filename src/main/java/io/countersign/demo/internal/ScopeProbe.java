package io.countersign.demo.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.IdentityId;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.ScopeRequest;
import io.countersign.policy.ScopeVerdict;
import io.countersign.remediation.SodRemediation;
import org.springframework.stereotype.Component;

/** The demo's two questions to the scope guard: which approval the agent may carry out, and one write it may not. */
@Component
public class ScopeProbe {

    static final String PRIVILEGED_KEY = "Active Directory:Domain Admins";

    private final Directory directory;
    private final PolicyEngine policy;
    private final Provisioning provisioning;

    ScopeProbe(Directory directory, PolicyEngine policy, Provisioning provisioning) {
        this.directory = directory;
        this.policy = policy;
        this.provisioning = provisioning;
    }

    /** Whether the remediation agent's scope covers removing the entitlement with this key (asked without ledgering). */
    public boolean withinScope(String entitlementKey) {
        return directory.entitlementByKey(entitlementKey).map(this::withinScope).orElse(false);
    }

    /** The platform holding an entitlement: its group's platform, else its application's. */
    public String platformOf(String entitlementKey) {
        return directory.entitlementByKey(entitlementKey).map(e -> e.groupId() != null
                ? directory.group(e.groupId()).map(g -> g.platform()).orElse("?")
                : directory.application(e.applicationId()).map(a -> a.platform()).orElse("?")).orElse("?");
    }

    private boolean withinScope(Entitlement target) {
        String operation = target.groupId() == null ? "unassign_app" : "remove_membership";
        ScopeVerdict verdict = policy.scopeCheck(SodRemediation.AGENT, new ScopeRequest(platformOf(target.key()), operation, target.key(),
                DirectoryFacts.entitlement(target), Map.of("approved", true)));
        return verdict instanceof ScopeVerdict.Permitted;
    }

    /**
     * Asks the remediation agent to take someone out of a group its scope does not cover: Domain Admins
     * where someone holds it, otherwise the first held out-of-scope group entitlement.
     */
    public Map<String, Object> tryOutOfScopeWrite() {
        Entitlement target = directory.entitlements().stream()
                .filter(e -> e.groupId() != null)
                .sorted(Comparator.comparing((Entitlement e) -> !e.key().equals(PRIVILEGED_KEY)).thenComparing(Entitlement::key))
                .filter(e -> !withinScope(e))
                .filter(e -> !directory.holdersOf(e.id()).isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("nobody holds a group entitlement outside the remediation agent's scope"));
        IdentityId holder = directory.holdersOf(target.id()).getFirst();
        Assignment held = directory.assignmentsOf(holder).stream().filter(a -> a.entitlementId().equals(target.id())).findFirst().orElseThrow();
        var account = directory.account(held.accountId()).orElseThrow();
        String group = directory.group(target.groupId()).orElseThrow().name();
        EntitlementFacts facts = DirectoryFacts.entitlement(target);
        ConnectorWrite write = new ConnectorWrite.RemoveMembership(account.platform(), account.login(), group, target.key());
        ProvisioningOutcome outcome = provisioning.execute(new ProvisioningRequest(SodRemediation.WORKFLOW, SodRemediation.AGENT,
                "demo:scope-check", "identity:" + holder.value(), write, facts,
                Map.of("approved", true), List.of()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agent", SodRemediation.AGENT);
        result.put("write", write.describe());
        result.put("result", outcome.result().getClass().getSimpleName());
        result.put("reason", outcome.result().detail());
        result.put("ledgerSeq", outcome.lastSeq());
        return result;
    }
}
