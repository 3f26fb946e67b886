package io.countersign.lifecycle.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.ai.ApprovalScore;
import io.countersign.approval.ApprovalDraft;
import io.countersign.approval.ApprovalException;
import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.IdentityKind;
import io.countersign.ledger.AppliedPolicy;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.lifecycle.requests.AccessRequest;
import io.countersign.lifecycle.requests.AccessRequests;
import io.countersign.lifecycle.requests.RequestModelInfo;
import io.countersign.lifecycle.requests.RequestReason;
import io.countersign.lifecycle.requests.RequestRoute;
import io.countersign.lifecycle.requests.RequestStatus;
import io.countersign.lifecycle.requests.RequestSubmission;
import io.countersign.lifecycle.requests.SubmissionOutcome;
import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.CatalogueMatch;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.RiskAssessment;
import io.countersign.policy.Route;
import io.countersign.policy.SodViolation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
@EnableConfigurationProperties(RequestProperties.class)
class RequestService implements AccessRequests {

    private final Directory directory;
    private final PolicyEngine policy;
    private final Approvals approvals;
    private final Ledger ledger;
    private final ApprovalModels models;
    private final RequestFulfilment fulfilment;
    private final RequestStore store;
    private final RequestProperties properties;
    private final Clock clock = Clock.systemUTC();

    RequestService(Directory directory, PolicyEngine policy, Approvals approvals, Ledger ledger, ApprovalModels models,
                   RequestFulfilment fulfilment, JdbcTemplate jdbc, RequestProperties properties) {
        this.directory = directory;
        this.policy = policy;
        this.approvals = approvals;
        this.ledger = ledger;
        this.models = models;
        this.fulfilment = fulfilment;
        this.store = new RequestStore(jdbc);
        this.properties = properties;
    }

    /** The model's view of one request, as ledgered. */
    private record Scored(Double probability, List<RequestReason> reasons, long seq) { }

    @Override
    public SubmissionOutcome submit(RequestSubmission submission) {
        Subject subject = new Validation(directory, properties).validate(submission);
        Optional<Assignment> held = directory.assignmentsOf(subject.identity().id()).stream()
                .filter(a -> a.entitlementId().equals(subject.entitlement().id())).findFirst();
        if (held.isPresent()) {
            return new SubmissionOutcome.AlreadyHeld(subject.identityId(), subject.entitlement().key(), held.get().grantedAt());
        }
        Optional<AccessRequest> open = store.findOpen(subject.identityId(), subject.entitlement().id().value());
        if (open.isPresent()) {
            return new SubmissionOutcome.AlreadyOpen(open.get());
        }
        String id = store.nextId();
        List<SodViolation> conflicts = conflicts(subject);
        Scored scored = score(id, subject, submission.submittedBy());
        try {
            return new SubmissionOutcome.Submitted(route(id, subject, submission.submittedBy(), conflicts, scored));
        } catch (DuplicateKeyException concurrentSubmission) {
            return store.findOpen(subject.identityId(), subject.entitlement().id().value())
                    .<SubmissionOutcome>map(SubmissionOutcome.AlreadyOpen::new).orElseThrow(() -> concurrentSubmission);
        }
    }

    private List<SodViolation> conflicts(Subject subject) {
        List<EntitlementFacts> held = directory.assignmentsOf(subject.identity().id()).stream()
                .map(a -> directory.entitlement(a.entitlementId())).flatMap(Optional::stream).map(DirectoryFacts::entitlement).toList();
        return policy.conflictsIfGranted(subject.facts(), held, DirectoryFacts.entitlement(subject.entitlement()));
    }

    /** Scores the request and ledgers the recommendation before anything is decided. */
    private Scored score(String id, Subject subject, String submittedBy) {
        Map<String, String> features = Features.of(subject.entitlement().id(), subject.hr());
        LedgerDraft.Builder entry = LedgerDraft.of(EntryKind.RECOMMENDATION, WORKFLOW).agent(AGENT).actor(submittedBy)
                .sourceEvent("request:" + id).subject("identity:" + subject.identityId())
                .context(Map.of("request_id", id, "entitlement", subject.entitlement().key(), "justification", subject.justification()))
                .input(features);
        Optional<ApprovalModels.Current> model = models.current();
        if (model.isEmpty()) {
            LedgerEntry recorded = ledger.append(entry.output(Map.of("note", "no approval model: no request history to learn from")).build());
            return new Scored(null, List.of(), recorded.seq());
        }
        ApprovalScore score = model.get().model().score(features);
        List<RequestReason> reasons = Reasons.top(score.factors(), properties.reasonsShown());
        LedgerEntry recorded = ledger.append(entry.model(model.get().info().ref()).confidence(score.probability())
                .output(Map.of("probability", score.probability(), "contributions", score.factors(),
                        "narrative", Reasons.summary(score.probability(), reasons))).build());
        return new Scored(score.probability(), reasons, recorded.seq());
    }

    private AccessRequest route(String id, Subject subject, String submittedBy, List<SodViolation> conflicts, Scored scored) {
        EntitlementFacts entitlement = DirectoryFacts.entitlement(subject.entitlement());
        Optional<CatalogueMatch> catalogued = policy.catalogueItem(subject.facts(), entitlement);
        Map<String, Object> item = item(subject, catalogued.isPresent(), !conflicts.isEmpty());
        AutonomyDecision autonomy = policy.autonomy(WORKFLOW, entitlement, item);
        RiskAssessment risk = policy.riskTier(entitlement, item);
        String catalogueItem = catalogued.map(CatalogueMatch::itemId).orElse(null);
        Routing.Decision decision = Routing.decide(catalogueItem, scored.probability(), properties.autoApproveProbability(), autonomy,
                conflicts, properties.sodBlockSeverities(), risk.route());
        LedgerEntry decided = ledger.append(policyDecision(id, subject, submittedBy, decision, catalogued, autonomy, risk, conflicts)
                .link(scored.seq()).build());
        List<Long> seqs = new ArrayList<>(List.of(scored.seq(), decided.seq()));
        RequestStatus status = switch (decision.route()) {
            case AUTO_APPROVED -> RequestStatus.PROVISIONING;
            case SOD_BLOCK -> RequestStatus.BLOCKED;
            case DESK_HEAD, COMPLIANCE_OFFICER -> RequestStatus.PENDING_APPROVAL;
        };
        if (status == RequestStatus.BLOCKED) {
            seqs.add(refusal(id, subject, submittedBy, decision, decided.seq()));
        }
        Instant now = clock.instant();
        AccessRequest request = new AccessRequest(id, subject.identityId(), subject.entitlement().id().value(), subject.entitlement().key(),
                subject.justification(), subject.durationDays(), submittedBy, status, decision.route(), catalogueItem, scored.probability(),
                scored.reasons(), decision.why(), null, seqs, now, status == RequestStatus.PENDING_APPROVAL ? null : now, null);
        store.insert(request);
        switch (decision.route()) {
            case AUTO_APPROVED -> fulfilment.fulfil(id, decided.seq(), null);
            case DESK_HEAD, COMPLIANCE_OFFICER -> openApproval(request, subject, risk, scored, decided.seq());
            case SOD_BLOCK -> { }
        }
        return store.find(id).orElseThrow();
    }

    /** A blocked request is a refusal, ledgered as one after the decision that made it. */
    private long refusal(String id, Subject subject, String submittedBy, Routing.Decision decision, long decisionSeq) {
        return ledger.append(LedgerDraft.of(EntryKind.REFUSED, WORKFLOW).actor(submittedBy).sourceEvent("request:" + id)
                .subject("identity:" + subject.identityId()).context(Map.of("request_id", id, "reason", decision.why()))
                .link(decisionSeq).build()).seq();
    }

    private static Map<String, Object> item(Subject subject, boolean catalogued, boolean conflict) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("action", "grant");
        item.put("catalogued", catalogued);
        item.put("sod_conflict", conflict);
        item.put("sod_mitigation", conflict);
        item.put("contractor", subject.hr().employmentType() == IdentityKind.CONTRACTOR);
        if (subject.durationDays() != null) {
            item.put("requested_days", subject.durationDays());
        }
        return item;
    }

    private LedgerDraft.Builder policyDecision(String id, Subject subject, String submittedBy, Routing.Decision decision,
                                               Optional<CatalogueMatch> catalogued, AutonomyDecision autonomy, RiskAssessment risk,
                                               List<SodViolation> conflicts) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("request_id", id);
        context.put("entitlement", subject.entitlement().key());
        context.put("decision", decision.why());
        context.put("catalogue_item", catalogued.map(CatalogueMatch::itemId).orElse("none"));
        context.put("auto_approve_probability", properties.autoApproveProbability());
        context.put("autonomy", autonomy.level().name());
        context.put("risk_tier", risk.tierId());
        context.put("sod_conflicts", conflicts.stream().map(SodViolation::ruleId).toList());
        LedgerDraft.Builder draft = LedgerDraft.of(EntryKind.POLICY_DECISION, WORKFLOW).agent(AGENT).actor(submittedBy)
                .sourceEvent("request:" + id).subject("identity:" + subject.identityId()).context(context)
                .policy(applied(autonomy.policy(), WORKFLOW)).policy(applied(risk.policy(), risk.tierId()))
                .route(switch (decision.route()) {
                    case AUTO_APPROVED -> "auto";
                    case DESK_HEAD -> "human:desk_head";
                    case COMPLIANCE_OFFICER -> "human:compliance_officer";
                    case SOD_BLOCK -> "blocked:sod";
                });
        catalogued.ifPresent(c -> draft.policy(applied(c.policy(), c.itemId())));
        conflicts.forEach(v -> draft.policy(applied(v.policy(), v.ruleId())));
        return draft;
    }

    private void openApproval(AccessRequest request, Subject subject, RiskAssessment risk, Scored scored, long decisionSeq) {
        String summary = "Grant " + subject.entitlement().key() + " to " + subject.identity().displayName() + " (" + subject.hr().title()
                + ", " + subject.hr().desk() + ")" + (request.durationDays() == null ? "" : " for " + request.durationDays() + " days")
                + ": \"" + request.justification() + "\". " + request.detail() + ". " + Reasons.summary(scored.probability(), scored.reasons());
        ApprovalRequest approval;
        try {
            approval = approvals.open(draft(request, subject, summary, risk, scored, decisionSeq));
        } catch (ApprovalException e) {
            if (!e.code().equals("approval.no-desk-head")) {
                throw e;
            }
            RiskAssessment escalated = new RiskAssessment(risk.tierId(), Route.COMPLIANCE_OFFICER, risk.approvalsRequired(),
                    risk.expiresAfter(), risk.policy());
            approval = approvals.open(draft(request, subject, summary, escalated, scored, decisionSeq));
            store.reroute(request.id(), RequestRoute.COMPLIANCE_OFFICER, request.detail()
                    + " (the desk has no head, so the chief compliance officer decides)");
        }
        store.attachApproval(request.id(), approval.id(), approval.requestSeq());
    }

    private static ApprovalDraft draft(AccessRequest request, Subject subject, String summary, RiskAssessment risk, Scored scored,
                                       long decisionSeq) {
        return new ApprovalDraft(WORKFLOW, subject.identityId(), request.entitlementId(), request.entitlementKey(), summary,
                request.submittedBy(), risk, "request:" + request.id(), scored.seq(), List.of(decisionSeq), Map.of("request_id", request.id()));
    }

    private static AppliedPolicy applied(PolicyRef ref, String rule) {
        return new AppliedPolicy(ref.id(), ref.version(), ref.contentHash(), rule);
    }

    @Override
    public Optional<AccessRequest> find(String id) {
        return store.find(id);
    }

    @Override
    public List<AccessRequest> list(RequestStatus status, int limit) {
        return store.list(status, limit);
    }

    @Override
    public RequestModelInfo model() {
        return models.info();
    }

    @Override
    public int revokeEnded(Instant now) {
        return fulfilment.revokeEnded(now);
    }
}
