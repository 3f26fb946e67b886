package io.countersign.approval.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.approval.ApprovalDraft;
import io.countersign.approval.ApprovalException;
import io.countersign.approval.ApprovalExpired;
import io.countersign.approval.ApprovalGranted;
import io.countersign.approval.ApprovalRejected;
import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.ApprovalRequested;
import io.countersign.approval.ApprovalStatus;
import io.countersign.approval.Approvals;
import io.countersign.approval.Decision;
import io.countersign.directory.Directory;
import io.countersign.directory.HrRecord;
import io.countersign.directory.IdentityId;
import io.countersign.ledger.AppliedPolicy;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.operators.Operator;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.Route;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class ApprovalService implements Approvals {

    private final ApprovalStore store;
    private final DualControl dualControl;
    private final Directory directory;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApprovalService(JdbcTemplate jdbc, Directory directory, PolicyEngine policy, Ledger ledger, ApplicationEventPublisher events,
                    PlatformTransactionManager transactionManager) {
        this.store = new ApprovalStore(jdbc);
        this.dualControl = new DualControl(directory, policy);
        this.directory = directory;
        this.ledger = ledger;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    @Override
    public ApprovalRequest open(ApprovalDraft draft) {
        return transactions.execute(status -> draft.sourceEventId() == null
                ? create(draft)
                : store.findPendingBySource(draft.workflow(), draft.sourceEventId()).orElseGet(() -> create(draft)));
    }

    private ApprovalRequest create(ApprovalDraft draft) {
        String routeIdentity = routeIdentity(draft);
        Instant now = clock.instant();
        String id = store.nextId();
        String routeName = draft.risk().route() == Route.COMPLIANCE_OFFICER ? "compliance_officer" : "desk_head:" + routeIdentity;
        LedgerDraft.Builder entry = LedgerDraft.of(EntryKind.APPROVAL_REQUESTED, draft.workflow()).actor(draft.requestedBy())
                .sourceEvent(draft.sourceEventId()).subject("identity:" + draft.subjectIdentityId())
                .context(Map.of("approval_id", id, "item", String.valueOf(draft.itemKey()), "summary", draft.summary(),
                        "risk_tier", draft.risk().tierId(), "expires_at", now.plus(draft.risk().expiresAfter()).toString()))
                .policy(new AppliedPolicy(draft.risk().policy().id(), draft.risk().policy().version(),
                        draft.risk().policy().contentHash(), draft.risk().tierId()))
                .route(routeName);
        if (draft.recommendationSeq() != null) {
            entry.link(draft.recommendationSeq());
        }
        draft.links().forEach(entry::link);
        LedgerEntry requested = ledger.append(entry.build());
        ApprovalRequest request = new ApprovalRequest(id, draft.workflow(), draft.subjectIdentityId(), draft.itemEntitlementId(),
                draft.itemKey(), draft.summary(), draft.requestedBy(), draft.risk().tierId(), Math.max(1, draft.risk().approvalsRequired()),
                List.of(), draft.risk().route(), routeIdentity,
                ApprovalStatus.PENDING, now, now.plus(draft.risk().expiresAfter()), null, null, null, draft.recommendationSeq(),
                requested.seq(), null, draft.sourceEventId(), draft.payload());
        store.insert(request);
        events.publishEvent(new ApprovalRequested(id, draft.workflow(), draft.subjectIdentityId(), draft.itemKey(), draft.summary(),
                draft.risk().tierId(), draft.risk().route().name(), routeIdentity, request.expiresAt(), requested.seq()));
        return request;
    }

    /** A desk-head route needs the head of the subject's desk; with none, the request escalates to compliance. */
    private String routeIdentity(ApprovalDraft draft) {
        if (draft.risk().route() != Route.DESK_HEAD) {
            return null;
        }
        Optional<HrRecord> hr = directory.hrRecord(new IdentityId(draft.subjectIdentityId()));
        return hr.flatMap(h -> directory.deskHead(h.department(), h.desk())).map(IdentityId::value)
                .orElseThrow(() -> new ApprovalException("approval.no-desk-head",
                        "subject " + draft.subjectIdentityId() + ": no head of desk found to route the request to"));
    }

    @Override
    public Decision approve(String approvalId, Operator approver, String reason) {
        return decide(approvalId, approver, reason, true);
    }

    @Override
    public Decision reject(String approvalId, Operator approver, String reason) {
        return decide(approvalId, approver, reason, false);
    }

    private Decision decide(String approvalId, Operator approver, String reason, boolean approve) {
        return transactions.execute(status -> {
            ApprovalRequest request = store.lock(approvalId)
                    .orElseThrow(() -> new ApprovalException("approval.not-found", "approval " + approvalId + " does not exist"));
            Instant now = clock.instant();
            if (request.status() == ApprovalStatus.PENDING && request.expiresAt().isBefore(now)) {
                LedgerEntry expired = expire(request, now);
                return refuse(request, approver, "the request expired at " + request.expiresAt() + " (ledger " + expired.seq() + ")");
            }
            if (request.status() != ApprovalStatus.PENDING) {
                return refuse(request, approver, "the request is already " + request.status().name().toLowerCase()
                        + (request.decidedBy() == null ? "" : " by " + request.decidedBy()));
            }
            Optional<String> objection = dualControl.objection(request, approver);
            if (objection.isEmpty() && approver.identityId() != null && store.votedIdentities(request.id()).contains(approver.identityId())) {
                objection = Optional.of(approver.username() + " is the same person (" + approver.identityId()
                        + ") as an earlier approver; " + request.approvalsRequired() + " different people must approve");
            }
            if (objection.isPresent()) {
                return refuse(request, approver, objection.get());
            }
            return record(request, approver, reason, approve, now);
        });
    }

    private Decision record(ApprovalRequest request, Operator approver, String reason, boolean approve, Instant now) {
        int votes = approve ? request.approvedBy().size() + 1 : 0;
        LedgerEntry entry = ledger.append(LedgerDraft.of(approve ? EntryKind.APPROVED : EntryKind.REJECTED, request.workflow())
                .actor(approver.username()).sourceEvent(request.sourceEventId()).subject("identity:" + request.subjectIdentityId())
                .context(Map.of("approval_id", request.id(), "reason", reason == null ? "" : reason,
                        "approver_identity", String.valueOf(approver.identityId()),
                        "approvals", approve ? votes + " of " + request.approvalsRequired() : "rejected"))
                .route("human").link(request.requestSeq()).build());
        if (approve && store.vote(request.id(), approver.username(), approver.identityId(), now, entry.seq()) < request.approvalsRequired()) {
            return new Decision.Taken(store.find(request.id()).orElseThrow(), entry.seq());
        }
        store.decide(request.id(), approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, approver.username(), now, reason, entry.seq());
        if (approve) {
            events.publishEvent(new ApprovalGranted(request.id(), request.workflow(), request.subjectIdentityId(),
                    request.itemEntitlementId(), approver.username(), entry.seq(), request.payload()));
        } else {
            events.publishEvent(new ApprovalRejected(request.id(), request.workflow(), request.subjectIdentityId(),
                    request.itemEntitlementId(), approver.username(), entry.seq(), request.payload()));
        }
        return new Decision.Taken(store.find(request.id()).orElseThrow(), entry.seq());
    }

    private Decision refuse(ApprovalRequest request, Operator approver, String reason) {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.REFUSED, request.workflow()).actor(approver.username())
                .sourceEvent(request.sourceEventId()).subject("identity:" + request.subjectIdentityId())
                .context(Map.of("approval_id", request.id(), "reason", reason)).route("dual_control").link(request.requestSeq()).build());
        return new Decision.Refused(request.id(), reason, entry.seq());
    }

    private LedgerEntry expire(ApprovalRequest request, Instant now) {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.EXPIRED, request.workflow()).sourceEvent(request.sourceEventId())
                .subject("identity:" + request.subjectIdentityId())
                .context(Map.of("approval_id", request.id(), "expired_at", request.expiresAt().toString()))
                .link(request.requestSeq()).build());
        store.decide(request.id(), ApprovalStatus.EXPIRED, null, now, "expired", entry.seq());
        events.publishEvent(new ApprovalExpired(request.id(), request.workflow(), request.subjectIdentityId(), entry.seq(), request.payload()));
        return entry;
    }

    @Override
    public int expireOverdue(Instant now) {
        Integer expired = transactions.execute(status -> {
            List<ApprovalRequest> overdue = store.overdue(now);
            overdue.forEach(r -> expire(r, now));
            return overdue.size();
        });
        return expired == null ? 0 : expired;
    }

    @Override
    public Optional<ApprovalRequest> find(String approvalId) {
        return store.find(approvalId);
    }

    @Override
    public List<ApprovalRequest> list(ApprovalStatus status, int limit) {
        return store.list(status, limit);
    }
}
