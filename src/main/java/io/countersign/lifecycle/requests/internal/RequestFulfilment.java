package io.countersign.lifecycle.requests.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.countersign.approval.ApprovalExpired;
import io.countersign.approval.ApprovalGranted;
import io.countersign.approval.ApprovalRejected;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.directory.Account;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Assignment;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.IdentityId;
import io.countersign.lifecycle.requests.AccessRequest;
import io.countersign.lifecycle.requests.AccessRequests;
import io.countersign.lifecycle.requests.RequestStatus;
import io.countersign.policy.DirectoryFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries out decided requests under the {@code request-fulfilment-agent}'s scope: grants what was approved (by a
 * person, or automatically), records the confirmed assignment and a reason note, and removes time-bound grants when
 * they end. Approval events arrive after their transaction commits (durably, through the publication registry); the
 * writes run outside any transaction, as provisioning requires.
 */
@Component
class RequestFulfilment {

    private final Directory directory;
    private final Provisioning provisioning;
    private final RequestStore store;
    private final Clock clock = Clock.systemUTC();

    RequestFulfilment(Directory directory, Provisioning provisioning, JdbcTemplate jdbc) {
        this.directory = directory;
        this.provisioning = provisioning;
        this.store = new RequestStore(jdbc);
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalGranted event) {
        if (AccessRequests.WORKFLOW.equals(event.workflow())) {
            String id = String.valueOf(event.payload().get("request_id"));
            if (store.move(id, RequestStatus.PENDING_APPROVAL, RequestStatus.PROVISIONING)) {
                fulfil(id, event.decisionSeq(), event.decidedBy());
            }
        }
    }

    @TransactionalEventListener
    void on(ApprovalRejected event) {
        if (AccessRequests.WORKFLOW.equals(event.workflow())) {
            store.update(String.valueOf(event.payload().get("request_id")), RequestStatus.REJECTED,
                    "rejected by " + event.decidedBy() + "; nothing was granted", List.of(event.decisionSeq()));
        }
    }

    @TransactionalEventListener
    void on(ApprovalExpired event) {
        if (AccessRequests.WORKFLOW.equals(event.workflow())) {
            store.update(String.valueOf(event.payload().get("request_id")), RequestStatus.EXPIRED,
                    "nobody decided before the approval expired; nothing was granted", List.of(event.ledgerSeq()));
        }
    }

    /**
     * Grants a request that is {@code PROVISIONING}; {@code approvedBy} is the person who approved it, {@code null} when
     * it was approved automatically.
     */
    void fulfil(String id, long authorisingSeq, String approvedBy) {
        AccessRequest request = store.find(id).orElseThrow(() -> new IllegalStateException("no access request " + id));
        Entitlement entitlement = entitlementOf(request);
        String platform = directory.application(entitlement.applicationId()).orElseThrow().platform();
        IdentityId requester = new IdentityId(request.requesterId());
        Optional<Account> account = directory.accountsOf(requester).stream()
                .filter(a -> a.platform().equals(platform) && a.status() == AccountStatus.ACTIVE).findFirst();
        if (account.isEmpty()) {
            store.update(id, RequestStatus.FAILED, request.requesterId() + " has no active account on " + platform + " to grant "
                    + entitlement.key() + " to", List.of());
            return;
        }
        Map<String, Object> item = Map.of("approved", approvedBy != null, "automated", approvedBy == null, "request_id", id);
        ProvisioningOutcome outcome = provisioning.execute(request(request, grant(entitlement, account.get()), entitlement, item,
                authorisingSeq));
        List<Long> seqs = approvedBy == null ? outcome.ledgerSeqs() : concat(List.of(authorisingSeq), outcome.ledgerSeqs());
        if (!outcome.confirmed()) {
            store.update(id, unconfirmed(outcome), "grant " + describe(outcome), seqs);
            return;
        }
        Instant now = clock.instant();
        directory.confirmGranted(new Assignment(requester, entitlement.id(), account.get().id(), now,
                approvedBy == null ? AccessRequests.AGENT : approvedBy, null, AssignmentSource.REQUEST));
        Instant endsAt = request.durationDays() == null ? null : now.plus(Duration.ofDays(request.durationDays()));
        ProvisioningOutcome noted = provisioning.execute(request(request, new ConnectorWrite.SetReasonNote(platform,
                account.get().login(), note(request, entitlement, approvedBy, authorisingSeq, endsAt)), null, item, outcome.lastSeq()));
        store.fulfilled(id, entitlement.key() + " granted on " + platform + " and confirmed by reading it back",
                concat(seqs, noted.ledgerSeqs()), endsAt);
    }

    private static String note(AccessRequest request, Entitlement entitlement, String approvedBy, long authorisingSeq, Instant endsAt) {
        return "Countersign " + LocalDate.now(ZoneOffset.UTC) + ": granted " + entitlement.key() + " on request " + request.id() + " ("
                + (approvedBy == null ? "auto-approved: catalogue item " + request.catalogueItem() : "approved by " + approvedBy)
                + ", ledger #" + authorisingSeq + (endsAt == null ? "" : ", until " + endsAt) + "): " + request.justification();
    }

    /** Removes every time-bound grant that has ended; the original approval authorises the removal. */
    int revokeEnded(Instant now) {
        int closed = 0;
        for (String id : store.ended(now)) {
            closed += revoke(store.find(id).orElseThrow()) ? 1 : 0;
        }
        return closed;
    }

    private boolean revoke(AccessRequest request) {
        Entitlement entitlement = entitlementOf(request);
        IdentityId requester = new IdentityId(request.requesterId());
        Optional<Assignment> held = directory.assignmentsOf(requester).stream()
                .filter(a -> a.entitlementId().equals(entitlement.id())).findFirst();
        Optional<Account> account = held.map(Assignment::accountId).flatMap(directory::account);
        if (held.isEmpty() || account.isEmpty()) {
            store.update(request.id(), RequestStatus.REVOKED, "the grant ended; " + entitlement.key() + " was already gone", List.of());
            return true;
        }
        long authorising = request.ledgerSeqs().get(1);
        ProvisioningOutcome outcome = provisioning.execute(request(request, removal(entitlement, account.get()), entitlement,
                Map.of("approved", true, "request_id", request.id(), "action", "revoke"), authorising));
        if (!outcome.confirmed()) {
            store.update(request.id(), RequestStatus.FULFILLED, "the grant ended but its removal " + describe(outcome), outcome.ledgerSeqs());
            return false;
        }
        directory.confirmRevoked(requester, entitlement.id());
        store.update(request.id(), RequestStatus.REVOKED, "the grant ended; " + entitlement.key() + " removed and confirmed on "
                + account.get().platform(), outcome.ledgerSeqs());
        return true;
    }

    private Entitlement entitlementOf(AccessRequest request) {
        return directory.entitlement(new EntitlementId(request.entitlementId()))
                .orElseThrow(() -> new IllegalStateException("request " + request.id() + " names unknown entitlement " + request.entitlementKey()));
    }

    private ConnectorWrite grant(Entitlement entitlement, Account account) {
        return ConnectorWrite.grant(account.platform(), account.login(), entitlement.key(), directory.carryingGroup(entitlement));
    }

    private ConnectorWrite removal(Entitlement entitlement, Account account) {
        return ConnectorWrite.revoke(account.platform(), account.login(), entitlement.key(), directory.carryingGroup(entitlement));
    }

    private static ProvisioningRequest request(AccessRequest request, ConnectorWrite write, Entitlement entitlement, Map<String, Object> item,
                                               long authorisingSeq) {
        return new ProvisioningRequest(AccessRequests.WORKFLOW, AccessRequests.AGENT, "request:" + request.id(),
                "identity:" + request.requesterId(), write, entitlement == null ? null : DirectoryFacts.entitlement(entitlement), item,
                List.of(authorisingSeq));
    }

    private static RequestStatus unconfirmed(ProvisioningOutcome outcome) {
        return outcome.result() instanceof ChangeResult.Rejected ? RequestStatus.REFUSED : RequestStatus.FAILED;
    }

    private static String describe(ProvisioningOutcome outcome) {
        return switch (outcome.result()) {
            case ChangeResult.Rejected r -> "refused: " + r.detail();
            case ChangeResult.Failed f -> "failed: " + f.detail();
            case ChangeResult.Applied a -> "applied but the read-back disagrees: " + outcome.readBack().state();
            case ChangeResult.AlreadyInState s -> "reported in place but the read-back disagrees: " + outcome.readBack().state();
        };
    }

    private static List<Long> concat(List<Long> first, List<Long> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
