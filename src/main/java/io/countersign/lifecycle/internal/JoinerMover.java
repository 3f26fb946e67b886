package io.countersign.lifecycle.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.countersign.ai.Reasoners;
import io.countersign.ai.Recommendation;
import io.countersign.ai.ReasoningRequest;
import io.countersign.approval.ApprovalDraft;
import io.countersign.approval.ApprovalException;
import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.directory.Entitlement;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.ledger.AppliedPolicy;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.lifecycle.AccessPackage;
import io.countersign.lifecycle.CaseStatus;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.policy.RiskAssessment;
import io.countersign.policy.Route;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The joiner's and the mover's first half: plan the package, ledger it as the recommendation's output, ledger the
 * routes, record the items, and open one approval request per grant. A mover's removals are scheduled for the end of
 * the grace period. Re-running a case that got as far as its package only opens the approvals still missing.
 */
final class JoinerMover {

    private final PackagePlanner planner;
    private final Reasoners reasoners;
    private final Ledger ledger;
    private final Approvals approvals;
    private final CaseStore store;
    private final TransactionTemplate transactions;
    private final LifecycleProperties properties;

    JoinerMover(PackagePlanner planner, Reasoners reasoners, Ledger ledger, Approvals approvals, CaseStore store,
                TransactionTemplate transactions, LifecycleProperties properties) {
        this.planner = planner;
        this.reasoners = reasoners;
        this.ledger = ledger;
        this.approvals = approvals;
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
    }

    void start(String caseId, String workflow, Identity identity, HrRecord hr) {
        if (store.accessPackage(caseId).isEmpty()) {
            plan(caseId, workflow, identity, hr);
        }
        openApprovals(caseId, workflow, identity);
    }

    private void plan(String caseId, String workflow, Identity identity, HrRecord hr) {
        PackagePlanner.Plan plan = planner.plan(caseId, workflow, identity, hr);
        String subject = "identity:" + identity.id().value();
        Recommendation recommendation = reasoners.recommend(new ReasoningRequest(PackageReasoner.TASK, workflow, Lifecycle.ONBOARDING_AGENT,
                caseId, subject, plan.context(), plan.options(), List.of()));
        AccessPackage.Recommendation ai = new AccessPackage.Recommendation(recommendation.confidence(), plan.rulesApplied(),
                recommendation.ledgerSeq(), recommendation.narrative());
        AccessPackage accessPackage = new AccessPackage(caseId, workflow, plan.draft().user(), plan.draft().entitlements(),
                plan.draft().complianceFlags(), plan.draft().flagsAvailable(), plan.draft().flagsUnavailableReason(), plan.draft().removals(),
                plan.draft().sodAfter(), ai);
        LedgerDraft.Builder decision = LedgerDraft.of(EntryKind.POLICY_DECISION, workflow).agent(Lifecycle.ONBOARDING_AGENT).sourceEvent(caseId)
                .subject(subject).context(Map.of("access_package", accessPackage.toJson())).route("human").link(recommendation.ledgerSeq());
        plan.grants().stream().map(g -> g.risk().policy()).distinct()
                .forEach(p -> decision.policy(new AppliedPolicy(p.id(), p.version(), p.contentHash(), "risk_tiers")));
        LedgerEntry decided = ledger.append(decision.build());
        Instant due = Instant.now().plus(properties.moverGrace());
        transactions.executeWithoutResult(status -> {
            store.savePackage(caseId, accessPackage, decided.seq());
            for (PackagePlanner.Grant g : plan.grants()) {
                boolean blocked = g.route().equals("blocked");
                store.insertItem(new CaseItem(caseId, g.entitlement().key(), "GRANT", null, null, g.risk().tierId(),
                        blocked ? "BLOCKED" : "PENDING_APPROVAL", null, null, blocked ? g.justification() : null, null));
            }
            for (Entitlement removal : plan.removals()) {
                store.insertItem(new CaseItem(caseId, removal.key(), "REVOKE", null, null, null, "SCHEDULED", null, due,
                        "only the previous role needed it; removed after the grace period", null));
            }
            store.status(caseId, CaseStatus.PENDING_APPROVAL, plan.grants().size() + " grant(s) to decide, " + plan.removals().size()
                    + " removal(s) scheduled");
        });
    }

    private void openApprovals(String caseId, String workflow, Identity identity) {
        AccessPackage accessPackage = store.accessPackage(caseId).orElseThrow();
        long packageSeq = accessPackage.aiRecommendation().ledgerSeq();
        for (CaseItem item : store.items(caseId)) {
            if (!item.action().equals("GRANT") || !item.status().equals("PENDING_APPROVAL") || item.approvalId() != null) {
                continue;
            }
            AccessPackage.Item planned = accessPackage.entitlements().stream().filter(i -> i.key().equals(item.key())).findFirst().orElseThrow();
            RiskAssessment risk = planner.risk(item.key(), workflow, planned);
            ApprovalRequest request = open(caseId, workflow, identity, item, planned, risk, packageSeq);
            store.attachApproval(item, request.id());
        }
    }

    private ApprovalRequest open(String caseId, String workflow, Identity identity, CaseItem item, AccessPackage.Item planned,
                                 RiskAssessment risk, long packageSeq) {
        String summary = "Grant " + item.key() + " to " + identity.displayName() + " (" + workflow + "): " + planned.justification();
        Map<String, Object> payload = Map.of("case_id", caseId, "item_key", item.key());
        String entitlementId = planner.entitlementId(item.key());
        try {
            return approvals.open(new ApprovalDraft(workflow, identity.id().value(), entitlementId, item.key(), summary, Lifecycle.ONBOARDING_AGENT,
                    risk, caseId + ":" + item.key(), packageSeq, List.of(), payload));
        } catch (ApprovalException noDeskHead) {
            RiskAssessment escalated = new RiskAssessment(risk.tierId(), Route.COMPLIANCE_OFFICER, risk.approvalsRequired(), risk.expiresAfter(),
                    risk.policy());
            return approvals.open(new ApprovalDraft(workflow, identity.id().value(), entitlementId, item.key(),
                    summary + " (no desk head found: " + noDeskHead.getMessage() + ")", Lifecycle.ONBOARDING_AGENT, escalated,
                    caseId + ":" + item.key(), packageSeq, List.of(), payload));
        }
    }
}
