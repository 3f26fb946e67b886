package io.countersign.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.ApprovalStatus;
import io.countersign.approval.Approvals;
import io.countersign.connectors.tickets.ApprovalTicket;
import io.countersign.connectors.tickets.TicketDesk;
import io.countersign.directory.Directory;
import io.countersign.directory.IdentityId;
import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.remediation.SodFinding;
import io.countersign.remediation.SodFindingStatus;
import io.countersign.remediation.SodRemediation;
import org.springframework.stereotype.Component;

/**
 * A second person decides: the bank's chief compliance officer approves one pending removal through the
 * REST API, preferring one the remediation agent may carry out on Okta (so the write crosses HTTP to a
 * platform), and the demo waits until the removal is confirmed on the platform and its ticket closed.
 */
@Component
public class ApprovalStep {

    static final String APPROVER = "demo-cco";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Approvals approvals;
    private final Operators operators;
    private final Directory directory;
    private final SodRemediation remediation;
    private final TicketDesk tickets;
    private final ScopeProbe scope;

    ApprovalStep(Approvals approvals, Operators operators, Directory directory, SodRemediation remediation, TicketDesk tickets,
                 ScopeProbe scope) {
        this.approvals = approvals;
        this.operators = operators;
        this.directory = directory;
        this.remediation = remediation;
        this.tickets = tickets;
        this.scope = scope;
    }

    /**
     * Approves one pending removal, preferring requests opened since {@code runStart} (their tickets live in this
     * run's Jira stand-in), then one on Okta within the agent's scope.
     */
    public Map<String, Object> approveOne(int apiPort, Instant runStart) {
        List<ApprovalRequest> pending = approvals.list(ApprovalStatus.PENDING, 100_000).stream()
                .filter(r -> SodRemediation.WORKFLOW.equals(r.workflow()))
                .sorted(Comparator.comparing((ApprovalRequest r) -> r.createdAt().isBefore(runStart)).thenComparing(ApprovalRequest::id)).toList();
        Optional<ApprovalRequest> chosen = pending.stream().filter(r -> scope.platformOf(r.itemKey()).equals("okta") && scope.withinScope(r.itemKey()))
                .findFirst().or(() -> pending.stream().filter(r -> scope.withinScope(r.itemKey())).findFirst()).or(() -> pending.stream().findFirst());
        if (chosen.isEmpty()) {
            return Map.of("note", "no pending SoD approval to decide");
        }
        ApprovalRequest request = chosen.get();
        IssuedToken token = operators.issueToken("demo", complianceOfficer(), "demo", Duration.ofHours(1));
        ApiClient.Answer answer = new ApiClient(apiPort, token.token()).approve(request.id(),
                "Confirmed with the desk: the entitlement is a leftover of a previous role.");
        String findingId = String.valueOf(request.payload().get("finding_id"));
        SodFinding finding = awaitSettled(findingId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approvalId", request.id());
        result.put("summary", request.summary());
        result.put("routedTo", request.route().name().toLowerCase() + (request.routeIdentityId() == null ? "" : ":" + request.routeIdentityId()));
        result.put("approvedBy", APPROVER);
        result.put("httpStatus", answer.status());
        result.put("platform", scope.platformOf(request.itemKey()));
        result.put("recommendationSeq", request.recommendationSeq());
        result.put("findingId", findingId);
        result.put("findingStatus", finding.status().name());
        result.put("findingDetail", finding.detail());
        result.put("resolutionSeq", finding.resolutionSeq());
        if (!request.createdAt().isBefore(runStart)) {
            awaitTicketClosed(request.id()).ifPresent(t -> result.put("ticket", t.key() + " " + t.status()));
        }
        return result;
    }

    /** The demo's approver is the bank's chief compliance officer, as a token-only local user. */
    private String complianceOfficer() {
        if (operators.find(APPROVER).isEmpty()) {
            List<IdentityId> cco = directory.withTitle("Chief Compliance Officer");
            operators.addUser("demo", APPROVER, "Chief Compliance Officer (demo)", Set.of(Role.COMPLIANCE_OFFICER), null,
                    cco.isEmpty() ? null : cco.getFirst().value());
        }
        return APPROVER;
    }

    private SodFinding awaitSettled(String findingId) {
        return Waiting.until(WAIT, () -> remediation.finding(findingId).orElseThrow(),
                f -> f.status() != SodFindingStatus.PENDING_APPROVAL && f.status() != SodFindingStatus.REMEDIATING);
    }

    private Optional<ApprovalTicket> awaitTicketClosed(String approvalId) {
        return Waiting.until(WAIT, () -> tickets.ticketFor(approvalId), t -> t.isEmpty() || t.get().outcome() != null);
    }
}
