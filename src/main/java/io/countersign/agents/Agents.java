package io.countersign.agents;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.ledger.AppliedPolicy;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.policy.AgentDefinition;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.ScopeRequest;
import io.countersign.policy.ScopeVerdict;
import org.springframework.stereotype.Service;

/**
 * The registry of AI agents and the scope guard every connector write passes.
 *
 * <p>Who authorises: the {@code agents} policy file (reviewed and versioned like code). What is
 * ledgered: every refusal, as a {@code refused} entry naming the agent, the write and the reason.
 * A permitted write is ledgered by the caller with the scope and policy returned here.
 */
@Service
public class Agents {

    private final PolicyEngine policy;
    private final Ledger ledger;

    Agents(PolicyEngine policy, Ledger ledger) {
        this.policy = policy;
        this.ledger = ledger;
    }

    public List<Agent> list() {
        return policy.agents().stream().map(Agents::describe).toList();
    }

    public Optional<Agent> find(String agentId) {
        return list().stream().filter(a -> a.id().equals(agentId)).findFirst();
    }

    /** Checks a write against the agent's scopes; a refusal is appended to the ledger before it is returned. */
    public Authorisation authorise(String agentId, ScopeRequest request, String workflow, String subject,
                                   String sourceEventId, List<Long> links) {
        ScopeVerdict verdict = policy.scopeCheck(agentId, request);
        return switch (verdict) {
            case ScopeVerdict.Permitted permitted -> new Authorisation.Granted(agentId, permitted.scopeDescription(), applied(permitted.policy()));
            case ScopeVerdict.Refused refused -> new Authorisation.Denied(agentId, refused.reason(),
                    recordRefusal(agentId, request, workflow, subject, sourceEventId, links, refused).seq());
        };
    }

    private LedgerEntry recordRefusal(String agentId, ScopeRequest request, String workflow, String subject,
                                      String sourceEventId, List<Long> links, ScopeVerdict.Refused refused) {
        LedgerDraft.Builder draft = LedgerDraft.of(EntryKind.REFUSED, workflow).agent(agentId).subject(subject)
                .sourceEvent(sourceEventId)
                .context(Map.of("platform", request.platform(), "operation", request.operation(), "resource", request.resource(),
                        "reason", refused.reason()))
                .policy(applied(refused.policy())).route("scope_guard");
        links.forEach(draft::link);
        return ledger.append(draft.build());
    }

    static AppliedPolicy applied(PolicyRef ref) {
        return new AppliedPolicy(ref.id(), ref.version(), ref.contentHash(), null);
    }

    private static Agent describe(AgentDefinition definition) {
        List<String> scopes = definition.scopes().stream()
                .map(s -> String.join("|", s.operations()) + " on " + String.join(", ", s.resources())
                        + " at " + String.join("/", s.platforms()) + (s.when() == null ? "" : " when " + s.when()))
                .toList();
        return new Agent(definition.id(), definition.name(), definition.description(), scopes,
                definition.policy().id(), definition.policy().version());
    }
}
