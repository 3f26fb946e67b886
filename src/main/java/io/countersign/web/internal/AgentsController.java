package io.countersign.web.internal;

import java.util.List;
import java.util.Map;

import io.countersign.agents.Agent;
import io.countersign.agents.Agents;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.directory.Directory;
import io.countersign.operators.Operator;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.PolicySetInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Agents, their scopes and policies; and the one write path an agent has: a scope-guarded connector write. */
@RestController
class AgentsController {

    private final Agents agents;
    private final PolicyEngine policy;
    private final Provisioning provisioning;
    private final Directory directory;

    AgentsController(Agents agents, PolicyEngine policy, Provisioning provisioning, Directory directory) {
        this.agents = agents;
        this.policy = policy;
        this.provisioning = provisioning;
        this.directory = directory;
    }

    /** An agent's write: operation is one of disable_user, add_membership, remove_membership, assign_app, unassign_app, set_reason_note. */
    record WriteBody(String platform, String operation, String login, String group, String entitlement, String subject,
                     String note, List<Long> links) { }

    @GetMapping("/api/agents")
    List<Agent> agents() {
        return agents.list();
    }

    @GetMapping("/api/policies")
    PolicySetInfo policies() {
        return policy.info();
    }

    @PostMapping("/api/agents/writes")
    ResponseEntity<?> write(@RequestBody WriteBody body, @AuthenticationPrincipal Operator agent) {
        ConnectorWrite write = toWrite(body);
        var entitlement = body.entitlement() == null ? null
                : directory.entitlementByKey(body.entitlement()).map(DirectoryFacts::entitlement).orElse(null);
        ProvisioningOutcome outcome = provisioning.execute(new ProvisioningRequest("agent_write", agent.username(),
                null, body.subject(), write, entitlement, Map.of("approved", false), body.links()));
        if (outcome.result() instanceof ChangeResult.Rejected rejected && outcome.ledgerSeqs().size() == 1) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.FORBIDDEN, "scope.refused", rejected.detail(), Map.of("ledgerSeq", outcome.lastSeq())));
        }
        return ResponseEntity.ok(outcome);
    }

    private static ConnectorWrite toWrite(WriteBody b) {
        require(b.platform(), "platform");
        require(b.login(), "login");
        return switch (require(b.operation(), "operation")) {
            case "disable_user" -> new ConnectorWrite.DisableUser(b.platform(), b.login());
            case "add_membership" -> new ConnectorWrite.AddMembership(b.platform(), b.login(), require(b.group(), "group"), b.entitlement());
            case "remove_membership" -> new ConnectorWrite.RemoveMembership(b.platform(), b.login(), require(b.group(), "group"), b.entitlement());
            case "assign_app" -> new ConnectorWrite.AssignApp(b.platform(), b.login(), require(b.entitlement(), "entitlement"));
            case "unassign_app" -> new ConnectorWrite.UnassignApp(b.platform(), b.login(), require(b.entitlement(), "entitlement"));
            case "set_reason_note" -> new ConnectorWrite.SetReasonNote(b.platform(), b.login(), require(b.note(), "note"));
            default -> throw new IllegalArgumentException("operation: '" + b.operation() + "' is not a known write");
        };
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }
}
