package io.countersign.remediation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.ai.Reasoners;
import io.countersign.ai.Recommendation;
import io.countersign.approval.ApprovalDraft;
import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.Holdings;
import io.countersign.ledger.AppliedPolicy;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.RiskAssessment;
import io.countersign.policy.Route;
import io.countersign.policy.SodViolation;
import io.countersign.remediation.SodFinding;
import io.countersign.remediation.SodFindingRaised;
import io.countersign.remediation.SodFindingStatus;
import io.countersign.remediation.SodRemediation;
import io.countersign.remediation.SodReviewSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class RemediationService implements SodRemediation {

    private final Directory directory;
    private final PolicyEngine policy;
    private final Reasoners reasoners;
    private final Approvals approvals;
    private final Ledger ledger;
    private final RemediationExecutor executor;
    private final FindingStore findings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    RemediationService(Directory directory, PolicyEngine policy, Reasoners reasoners, Approvals approvals, Ledger ledger,
                       RemediationExecutor executor, JdbcTemplate jdbc, ApplicationEventPublisher events,
                       PlatformTransactionManager transactionManager) {
        this.directory = directory;
        this.policy = policy;
        this.reasoners = reasoners;
        this.approvals = approvals;
        this.ledger = ledger;
        this.executor = executor;
        this.findings = new FindingStore(jdbc);
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record Found(Holdings holdings, SodViolation violation) { }

    @Override
    public SodReviewSummary review() {
        ViolationOptions options = new ViolationOptions(directory.entitlements(), directory.peerStatistics(), clock.instant());
        List<Found> found = new ArrayList<>();
        int[] scanned = {0};
        directory.forEachHolder(holdings -> {
            scanned[0]++;
            List<EntitlementFacts> held = holdings.assignments().stream()
                    .map(a -> options.entitlement(a.entitlementId())).map(DirectoryFacts::entitlement).toList();
            policy.sodViolations(DirectoryFacts.identity(holdings.identity(), holdings.hr()), held)
                    .forEach(v -> found.add(new Found(holdings, v)));
        });
        int alreadyOpen = 0;
        int automated = 0;
        List<String> raised = new ArrayList<>();
        for (Found f : found) {
            if (findings.isOpen(f.violation().ruleId(), f.holdings().identity().id().value())) {
                alreadyOpen++;
                continue;
            }
            SodFinding finding = raise(f, options);
            raised.add(finding.id());
            automated += finding.approvalId() == null ? 1 : 0;
        }
        return new SodReviewSummary(scanned[0], found.size(), raised.size(), alreadyOpen, raised.size() - automated, automated, raised);
    }

    private SodFinding raise(Found found, ViolationOptions options) {
        Holdings h = found.holdings();
        SodViolation v = found.violation();
        String identityId = h.identity().id().value();
        String sourceEvent = "sod:" + v.ruleId() + ":" + identityId;
        List<String> pair = List.of(v.matchedKeysPerSide().get(0).getFirst(), v.matchedKeysPerSide().get(1).getFirst());
        Recommendation recommendation = reasoners.recommend(options.request(h, v, pair, sourceEvent));
        Entitlement target = options.entitlementByKey(recommendation.target());
        Map<String, Object> item = Map.of("workflow", WORKFLOW, "action", "revoke", "severity", v.severity(), "sod_mitigation", false);
        RiskAssessment risk = policy.riskTier(DirectoryFacts.entitlement(target), item);
        AutonomyDecision autonomy = policy.autonomy(WORKFLOW, DirectoryFacts.entitlement(target), item);
        boolean automate = "revoke".equals(recommendation.action()) && autonomy.automationAllowed();
        LedgerEntry decision = ledger.append(LedgerDraft.of(EntryKind.POLICY_DECISION, WORKFLOW).agent(AGENT)
                .sourceEvent(sourceEvent).subject("identity:" + identityId)
                .context(Map.of("action", recommendation.action(), "target", target.key(), "autonomy", autonomy.level().name(),
                        "risk_tier", risk.tierId()))
                .policy(applied(v.policy(), v.ruleId())).policy(applied(autonomy.policy(), WORKFLOW)).policy(applied(risk.policy(), risk.tierId()))
                .route(automate ? "auto" : "human:" + (risk.route() == Route.COMPLIANCE_OFFICER ? "compliance_officer" : "desk_head"))
                .link(recommendation.ledgerSeq()).build());
        SodFinding finding = new SodFinding(findings.nextId(), v.ruleId(), identityId, v.severity(), pair, target.key(),
                recommendation.action(), recommendation.confidence(),
                automate ? SodFindingStatus.REMEDIATING : SodFindingStatus.PENDING_APPROVAL, recommendation.narrative(),
                recommendation.ledgerSeq(), decision.seq(), null, null, clock.instant(), null);
        findings.insert(finding);
        announce(new SodFindingRaised(finding.id(), v.ruleId(), v.severity(), identityId, pair, target.key(),
                recommendation.action(), recommendation.confidence(), recommendation.narrative(), recommendation.ledgerSeq(), finding.detectedAt()));
        if (automate) {
            executor.remediate(finding.id(), decision.seq(), Map.of("approved", false, "automated", true));
            return finding;
        }
        ApprovalRequest approval = approvals.open(new ApprovalDraft(WORKFLOW, identityId, target.id().value(), target.key(),
                summary(h, v, recommendation, target), AGENT, risk, sourceEvent, recommendation.ledgerSeq(), List.of(decision.seq()),
                Map.of("finding_id", finding.id(), "rule_id", v.ruleId(), "target_key", target.key(), "action", recommendation.action())));
        findings.attachApproval(finding.id(), approval.id());
        return findings.find(finding.id()).orElseThrow();
    }

    /** Published in a transaction of its own, so the event publication registry records it durably. */
    private void announce(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static String summary(Holdings h, SodViolation v, Recommendation recommendation, Entitlement target) {
        String who = h.identity().displayName() + " (" + h.hr().title() + ", " + h.hr().desk() + ")";
        return ("revoke".equals(recommendation.action()) ? "Remove " : "Decide whether to remove ") + target.key() + " from " + who
                + ": " + v.name() + " [" + v.ruleId() + ", " + v.severity() + "]";
    }

    private static AppliedPolicy applied(PolicyRef ref, String rule) {
        return new AppliedPolicy(ref.id(), ref.version(), ref.contentHash(), rule);
    }

    @Override
    public Optional<SodFinding> finding(String id) {
        return findings.find(id);
    }

    @Override
    public List<SodFinding> findings(int limit) {
        return findings.list(limit);
    }
}
