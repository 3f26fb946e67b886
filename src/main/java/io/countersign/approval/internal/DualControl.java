package io.countersign.approval.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.countersign.approval.ApprovalRequest;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.IdentityId;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.Route;
import io.countersign.policy.SodViolation;

/** Who may decide a request: routing, the four-eyes rules and the approver's own SoD conflicts. */
final class DualControl {

    private final Directory directory;
    private final PolicyEngine policy;

    DualControl(Directory directory, PolicyEngine policy) {
        this.directory = directory;
        this.policy = policy;
    }

    /** Why {@code approver} may not decide {@code request}, or empty when they may. */
    Optional<String> objection(ApprovalRequest request, Operator approver) {
        if (approver.disabled()) {
            return Optional.of(approver.username() + " is disabled");
        }
        if (approver.username().equals(request.requestedBy())) {
            return Optional.of("the requester " + approver.username() + " cannot decide their own request");
        }
        if (request.subjectIdentityId().equals(approver.identityId())) {
            return Optional.of(approver.username() + " cannot decide on their own access");
        }
        if (request.approvedBy().contains(approver.username())) {
            return Optional.of(approver.username() + " has already approved; " + request.approvalsRequired()
                    + " different people must approve this request");
        }
        Optional<String> routing = routingObjection(request, approver);
        return routing.isPresent() ? routing : sodObjection(request, approver);
    }

    private Optional<String> routingObjection(ApprovalRequest request, Operator approver) {
        if (approver.has(Role.COMPLIANCE_OFFICER)) {
            return Optional.empty();
        }
        if (request.route() == Route.COMPLIANCE_OFFICER) {
            return Optional.of("the request is routed to the chief compliance officer; " + approver.username() + " is not a compliance officer");
        }
        if (!approver.has(Role.APPROVER) || approver.identityId() == null || !approver.identityId().equals(request.routeIdentityId())) {
            return Optional.of("the request is routed to the desk head " + request.routeIdentityId() + "; " + approver.username() + " is not that person");
        }
        return Optional.empty();
    }

    private Optional<String> sodObjection(ApprovalRequest request, Operator approver) {
        if (approver.identityId() == null || request.itemEntitlementId() == null) {
            return Optional.empty();
        }
        IdentityId approverId = new IdentityId(approver.identityId());
        var identity = directory.identity(approverId);
        var hr = directory.hrRecord(approverId);
        Optional<Entitlement> item = directory.entitlement(new EntitlementId(request.itemEntitlementId()));
        if (identity.isEmpty() || hr.isEmpty() || item.isEmpty()) {
            return Optional.empty();
        }
        List<EntitlementFacts> held = directory.assignmentsOf(approverId).stream()
                .map(a -> directory.entitlement(a.entitlementId())).flatMap(Optional::stream)
                .filter(e -> !e.id().equals(item.get().id())).map(DirectoryFacts::entitlement).toList();
        List<SodViolation> conflicts = policy.conflictsIfGranted(DirectoryFacts.identity(identity.get(), hr.get()), held,
                DirectoryFacts.entitlement(item.get()));
        if (conflicts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(approver.username() + " has a separation-of-duties conflict with " + item.get().key() + ": "
                + conflicts.stream().map(v -> v.ruleId() + " (" + v.name() + ")").collect(Collectors.joining(", ")));
    }
}
