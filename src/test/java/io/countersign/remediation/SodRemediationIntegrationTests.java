package io.countersign.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.approval.Decision;
import io.countersign.directory.Directory;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.IdentityId;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Explanation;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import io.countersign.policy.Route;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@CountersignTest
class SodRemediationIntegrationTests {

    private static final Operator CCO = new Operator("cco", "CCO", Set.of(Role.COMPLIANCE_OFFICER), TestBank.CCO, false);

    @Autowired SodRemediation remediation;
    @Autowired Approvals approvals;
    @Autowired Ledger ledger;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void startFromTheTestBank() {
        Workflows.startFrom(TestBank.snapshot(), directory, tenant, jdbc);
    }

    @Test
    void raisesOneLedgeredRecommendationPerViolationAndRoutesItToAPerson() {
        SodReviewSummary summary = remediation.review();

        assertThat(summary.violations()).isEqualTo(2);
        assertThat(summary.raised()).isEqualTo(2);
        assertThat(summary.routedToHuman()).isEqualTo(2);
        SodFinding trader = findingFor(TestBank.TRADER_WITH_CONFLICT);
        assertThat(trader.ruleId()).isEqualTo("sod-trade-settle");
        assertThat(trader.targetKey()).isEqualTo("SWIFT Alliance:APPROVE_PAYMENT");
        assertThat(trader.recommendedAction()).isEqualTo("revoke");
        assertThat(trader.confidence()).isGreaterThan(0.9);
        assertThat(trader.detail()).contains("kept from a previous role");

        LedgerEntry recommendation = ledger.entry(trader.recommendationSeq()).orElseThrow();
        assertThat(recommendation.kind()).isEqualTo(EntryKind.RECOMMENDATION);
        assertThat(recommendation.model().id()).isEqualTo("sod-remediation-logit");
        assertThat(recommendation.template().id()).isEqualTo("sod-remediation");
        assertThat(recommendation.confidence()).isEqualTo(trader.confidence());
        Explanation explanation = ledger.explain(trader.recommendationSeq()).orElseThrow();
        assertThat(explanation.followUps()).extracting(LedgerEntry::kind).containsExactly(EntryKind.POLICY_DECISION, EntryKind.APPROVAL_REQUESTED);
        ApprovalRequest approval = approvals.find(trader.approvalId()).orElseThrow();
        assertThat(approval.route()).isEqualTo(Route.COMPLIANCE_OFFICER);
        assertThat(approval.requestedBy()).isEqualTo(SodRemediation.AGENT);
    }

    @Test
    void doesNotRaiseAViolationTwiceWhileItIsUnderReview() {
        remediation.review();
        SodReviewSummary second = remediation.review();

        assertThat(second.raised()).isZero();
        assertThat(second.alreadyOpen()).isEqualTo(2);
    }

    @Test
    void approvedRemovalIsCarriedOutReadBackAndLedgeredInOrder() {
        remediation.review();
        SodFinding trader = findingFor(TestBank.TRADER_WITH_CONFLICT);

        Decision decision = approvals.approve(trader.approvalId(), CCO, "leftover from settlements");
        assertThat(decision).isInstanceOf(Decision.Taken.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> remediation.finding(trader.id()).orElseThrow().status() == SodFindingStatus.REMEDIATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.followUps(trader.recommendationSeq()).size() == 9);
        assertThat(tenant.isMember("ad", "GRP-SWIFT-APPROVE", TestBank.TRADER_WITH_CONFLICT)).isFalse();
        assertThat(directory.assignmentsOf(new IdentityId(TestBank.TRADER_WITH_CONFLICT)))
                .noneMatch(a -> a.entitlementId().equals(new EntitlementId(TestBank.APPROVE_PAYMENT)));
        List<EntryKind> trail = ledger.explain(trader.recommendationSeq()).orElseThrow().followUps().stream()
                .sorted(Comparator.comparingLong(LedgerEntry::seq)).map(LedgerEntry::kind).toList();
        assertThat(trail).containsExactly(EntryKind.POLICY_DECISION, EntryKind.APPROVAL_REQUESTED, EntryKind.APPROVED,
                EntryKind.EXECUTING, EntryKind.EXECUTED, EntryKind.READ_BACK, EntryKind.EXECUTING, EntryKind.EXECUTED, EntryKind.READ_BACK);
        assertThat(tenant.note("ad", TestBank.TRADER_WITH_CONFLICT).orElseThrow())
                .contains("removed SWIFT Alliance:APPROVE_PAYMENT (sod-trade-settle, finding " + trader.id());
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void approvedRemovalOutsideTheAgentsScopeIsBlockedAndLedgeredAsRefused() {
        remediation.review();
        SodFinding engineer = findingFor(TestBank.ENGINEER_WITH_CONFLICT);
        assertThat(engineer.targetKey()).isIn("Active Directory:Domain Admins", "Splunk:ADMIN");

        approvals.approve(engineer.approvalId(), CCO, "confirmed");

        await().atMost(Duration.ofSeconds(30)).until(() -> remediation.finding(engineer.id()).orElseThrow().status() == SodFindingStatus.BLOCKED);
        SodFinding blocked = remediation.finding(engineer.id()).orElseThrow();
        assertThat(blocked.detail()).startsWith("refused: ").contains("sod-remediation-agent");
        assertThat(ledger.entry(blocked.resolutionSeq()).orElseThrow().kind()).isEqualTo(EntryKind.REFUSED);
    }

    @Test
    void rejectedRemovalKeepsTheAccessAsAnAcceptedRisk() {
        remediation.review();
        SodFinding trader = findingFor(TestBank.TRADER_WITH_CONFLICT);

        approvals.reject(trader.approvalId(), CCO, "mitigated by daily review");

        await().atMost(Duration.ofSeconds(30)).until(() -> remediation.finding(trader.id()).orElseThrow().status() == SodFindingStatus.KEPT);
        assertThat(tenant.isMember("ad", "GRP-SWIFT-APPROVE", TestBank.TRADER_WITH_CONFLICT)).isTrue();
    }

    private SodFinding findingFor(String identityId) {
        return remediation.findings(100).stream().filter(f -> f.identityId().equals(identityId)).findFirst().orElseThrow();
    }
}
