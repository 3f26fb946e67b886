package io.countersign.demo.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.approval.ApprovalRequest;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.IdentityId;
import io.countersign.policy.DirectoryFacts;
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

    /** The first request whose removal the remediation agent's scope covers (asked without ledgering). */
    public Optional<ApprovalRequest> firstApprovalWithinScope(List<ApprovalRequest> pending) {
        return pending.stream().filter(this::withinScope).findFirst().or(() -> pending.stream().findFirst());
    }

    private boolean withinScope(ApprovalRequest request) {
        Optional<Entitlement> target = directory.entitlementByKey(request.itemKey());
        if (target.isEmpty()) {
            return false;
        }
        String operation = target.get().groupId() == null ? "unassign_app" : "remove_membership";
        String platform = directory.application(target.get().applicationId()).map(a -> a.platform()).orElse("ad");
        ScopeVerdict verdict = policy.scopeCheck(SodRemediation.AGENT, new ScopeRequest(platform, operation, target.get().key(),
                DirectoryFacts.entitlement(target.get()), Map.of("approved", true)));
        return verdict instanceof ScopeVerdict.Permitted;
    }

    /** Asks the remediation agent to take someone out of Domain Admins, which its scope does not allow. */
    public Map<String, Object> tryOutOfScopeWrite() {
        Entitlement admins = directory.entitlementByKey(PRIVILEGED_KEY)
                .orElseThrow(() -> new IllegalStateException("the bank has no " + PRIVILEGED_KEY + " entitlement"));
        IdentityId holder = directory.holdersOf(admins.id()).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("nobody holds " + PRIVILEGED_KEY));
        Assignment held = directory.assignmentsOf(holder).stream().filter(a -> a.entitlementId().equals(admins.id())).findFirst().orElseThrow();
        var account = directory.account(held.accountId()).orElseThrow();
        String group = directory.group(admins.groupId()).orElseThrow().name();
        ConnectorWrite write = new ConnectorWrite.RemoveMembership(account.platform(), account.login(), group, admins.key());
        ProvisioningOutcome outcome = provisioning.execute(new ProvisioningRequest(SodRemediation.WORKFLOW, SodRemediation.AGENT,
                "demo:scope-check", "identity:" + holder.value(), write, DirectoryFacts.entitlement(admins),
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
