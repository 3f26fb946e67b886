package io.countersign.policy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.countersign.policy.AgentDefinition;
import io.countersign.policy.AgentScope;
import io.countersign.policy.PolicyException;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.ScopeRequest;
import io.countersign.policy.ScopeVerdict;

/**
 * The AI agents and their scopes: the rules of the scope guard. A write is permitted when one scope covers
 * its platform, operation and resource and the scope's condition holds; otherwise the refusal names the first
 * of these that no scope covers. A condition that cannot be evaluated does not cover the write (fail closed).
 */
final class AgentRegistry implements PolicyContent {

    static final List<String> OPERATIONS = List.of("create_user", "update_user", "disable_user",
            "add_membership", "remove_membership", "assign_app", "unassign_app", "set_reason_note", "end_sessions");

    /** One agent with its compiled scopes. */
    record Agent(AgentDefinition definition, List<ScopeRule> scopes) {
    }

    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final PolicyRef policy;

    AgentRegistry(List<Agent> agents, PolicyRef policy) {
        agents.forEach(agent -> this.agents.put(agent.definition().id(), agent));
        this.policy = policy;
    }

    List<AgentDefinition> definitions() {
        return agents.values().stream().map(Agent::definition).toList();
    }

    ScopeVerdict check(String agentId, ScopeRequest request) {
        Agent agent = agents.get(agentId);
        if (agent == null) {
            return refused(agentId, "unknown agent " + agentId);
        }
        if (!OPERATIONS.contains(request.operation())) {
            return refused(agentId, "unknown operation " + request.operation());
        }
        String outside = " is outside the scopes of " + agentId;
        List<ScopeRule> scopes = narrow(agent.scopes(),
                scope -> scope.platforms().stream().anyMatch(p -> Glob.matches(p, request.platform())));
        if (scopes.isEmpty()) {
            return refused(agentId, "platform " + request.platform() + outside);
        }
        scopes = narrow(scopes, scope -> scope.operations().contains(request.operation()));
        if (scopes.isEmpty()) {
            return refused(agentId, "operation " + request.operation() + " on platform " + request.platform()
                    + outside);
        }
        scopes = narrow(scopes, scope -> scope.resources().stream().anyMatch(r -> Glob.matches(r, request.resource())));
        String write = "operation " + request.operation() + " on \"" + request.resource() + "\"";
        if (scopes.isEmpty()) {
            return refused(agentId, write + outside);
        }
        return checkConditions(agentId, scopes, request, write + outside);
    }

    private ScopeVerdict checkConditions(String agentId, List<ScopeRule> scopes, ScopeRequest request,
            String outside) {
        Map<String, Object> variables = Map.of(
                "entitlement", Facts.entitlement(request.entitlement()),
                "item", Facts.item(request.item(), "item"));
        String failure = null;
        for (ScopeRule scope : scopes) {
            try {
                if (scope.when() == null || scope.when().holds(variables)) {
                    return new ScopeVerdict.Permitted(agentId, scope.description(), policy);
                }
                failure = failure != null ? failure : "when '" + scope.when().expression() + "' does not hold";
            } catch (PolicyException e) {
                failure = failure != null ? failure : e.getMessage();
            }
        }
        return refused(agentId, outside + ": " + failure);
    }

    private static List<ScopeRule> narrow(List<ScopeRule> scopes, Predicate<AgentScope> covers) {
        return scopes.stream().filter(scope -> covers.test(scope.scope())).toList();
    }

    private ScopeVerdict refused(String agentId, String reason) {
        return new ScopeVerdict.Refused(agentId, reason, policy);
    }
}
