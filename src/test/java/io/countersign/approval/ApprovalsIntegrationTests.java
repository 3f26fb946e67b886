package io.countersign.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.countersign.directory.Directory;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.RiskAssessment;
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
class ApprovalsIntegrationTests {

    private static final PolicyRef RISK_POLICY = new PolicyRef("risk-tiers", 1, "0000000000000000");
    private static final Operator CCO = operator("cco", TestBank.CCO, Role.COMPLIANCE_OFFICER);
    private static final Operator EQUITIES_HEAD = operator("eq-head", TestBank.EQUITIES_HEAD, Role.APPROVER);
    private static final Operator SETTLEMENTS_HEAD = operator("ops-head", TestBank.SETTLEMENTS_HEAD, Role.APPROVER);

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
    void routesAStandardItemToTheHeadOfTheSubjectsDeskAndLedgersTheRequest() {
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.DESK_HEAD, 1, "alice"));

        assertThat(request.routeIdentityId()).isEqualTo(TestBank.EQUITIES_HEAD);
        assertThat(request.status()).isEqualTo(ApprovalStatus.PENDING);
        LedgerEntry entry = ledger.entry(request.requestSeq()).orElseThrow();
        assertThat(entry.kind()).isEqualTo(EntryKind.APPROVAL_REQUESTED);
        assertThat(entry.route()).isEqualTo("desk_head:" + TestBank.EQUITIES_HEAD);
        assertThat(entry.context()).containsEntry("approval_id", request.id());
    }

    @Test
    void theDeskHeadApprovesAndTheDecisionFollowsTheRequestInTheLedger() {
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.DESK_HEAD, 1, "alice"));

        Decision decision = approvals.approve(request.id(), EQUITIES_HEAD, "needed for the desk");

        assertThat(decision).isInstanceOf(Decision.Taken.class);
        ApprovalRequest approved = ((Decision.Taken) decision).request();
        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("eq-head");
        LedgerEntry entry = ledger.entry(decision.ledgerSeq()).orElseThrow();
        assertThat(entry.kind()).isEqualTo(EntryKind.APPROVED);
        assertThat(entry.actor()).isEqualTo("eq-head");
        assertThat(entry.links()).containsExactly(request.requestSeq());
    }

    @Test
    void theRequesterNeverApprovesTheirOwnRequest() {
        Operator requester = operator("alice", null, Role.COMPLIANCE_OFFICER);
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.COMPLIANCE_OFFICER, 1, "alice"));

        assertRefused(approvals.approve(request.id(), requester, null), "the requester alice cannot decide their own request");
        assertThat(approvals.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void nobodyDecidesOnTheirOwnAccess() {
        Operator self = operator("trader2", "idn-trader-2", Role.COMPLIANCE_OFFICER);
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.COMPLIANCE_OFFICER, 1, "alice"));

        assertRefused(approvals.approve(request.id(), self, null), "trader2 cannot decide on their own access");
    }

    @Test
    void anApproverWhoseOwnAccessConflictsWithTheItemIsRefused() {
        ApprovalRequest request = approvals.open(draft("idn-settle-1", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.DESK_HEAD, 1, "alice"));
        assertThat(request.routeIdentityId()).isEqualTo(TestBank.SETTLEMENTS_HEAD);

        Decision decision = approvals.approve(request.id(), SETTLEMENTS_HEAD, null);

        assertRefused(decision, "ops-head has a separation-of-duties conflict with Murex:EXECUTE_TRADE: sod-trade-settle (Execute or amend trades vs approve settlements)");
    }

    @Test
    void anApproverTheRequestIsNotRoutedToIsRefused() {
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.DESK_HEAD, 1, "alice"));

        assertRefused(approvals.approve(request.id(), SETTLEMENTS_HEAD, null),
                "the request is routed to the desk head idn-eq-head; ops-head is not that person");
    }

    @Test
    void aComplianceRouteRefusesADeskHead() {
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.APPROVE_PAYMENT, "SWIFT Alliance:APPROVE_PAYMENT", Route.COMPLIANCE_OFFICER, 1, "alice"));

        assertRefused(approvals.approve(request.id(), EQUITIES_HEAD, null),
                "the request is routed to the chief compliance officer; eq-head is not a compliance officer");
    }

    @Test
    void aCriticalItemNeedsTwoDifferentPeople() {
        Operator secondOfficer = operator("cco-deputy", "idn-infra-head", Role.COMPLIANCE_OFFICER);
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.APPROVE_PAYMENT, "SWIFT Alliance:APPROVE_PAYMENT", Route.COMPLIANCE_OFFICER, 2, "alice"));

        Decision first = approvals.approve(request.id(), CCO, "ok");
        assertThat(((Decision.Taken) first).request().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(((Decision.Taken) first).request().approvedBy()).containsExactly("cco");
        assertRefused(approvals.approve(request.id(), CCO, "again"), "cco has already approved; 2 different people must approve this request");
        Operator sameCcoOtherAccount = operator("cco-2", TestBank.CCO, Role.COMPLIANCE_OFFICER);
        assertRefused(approvals.approve(request.id(), sameCcoOtherAccount, "again"),
                "cco-2 is the same person (idn-cco) as an earlier approver; 2 different people must approve");

        Decision second = approvals.approve(request.id(), secondOfficer, "ok too");
        assertThat(((Decision.Taken) second).request().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(((Decision.Taken) second).request().approvedBy()).containsExactly("cco", "cco-deputy");
    }

    @Test
    void overdueRequestsExpireAndLateDecisionsAreRefused() {
        ApprovalRequest request = approvals.open(draft("idn-trader-3", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.DESK_HEAD, 1, "alice"));

        int expired = approvals.expireOverdue(Instant.now().plus(Duration.ofDays(8)));

        assertThat(expired).isGreaterThanOrEqualTo(1);
        ApprovalRequest after = approvals.find(request.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(ledger.entry(after.decisionSeq()).orElseThrow().kind()).isEqualTo(EntryKind.EXPIRED);
        assertRefused(approvals.approve(request.id(), EQUITIES_HEAD, null), "the request is already expired");
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.DESK_HEAD, 1, "alice"));
        approvals.reject(request.id(), EQUITIES_HEAD, "not needed");

        assertRefused(approvals.approve(request.id(), CCO, null), "the request is already rejected by eq-head");
    }

    @Test
    void twoApproversAtOnceGiveExactlyOneDecision() throws Exception {
        Operator deputy = operator("cco-deputy", "idn-infra-head", Role.COMPLIANCE_OFFICER);
        ApprovalRequest request = approvals.open(draft("idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", Route.COMPLIANCE_OFFICER, 1, "alice"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Decision>> both = pool.invokeAll(List.<Callable<Decision>>of(
                    () -> approvals.approve(request.id(), CCO, "a"), () -> approvals.approve(request.id(), deputy, "b")));
            long taken = both.stream().filter(f -> get(f) instanceof Decision.Taken).count();
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownIdIsAnErrorNotARefusal() {
        assertThatThrownBy(() -> approvals.approve("APR-999999", CCO, null))
                .isInstanceOf(ApprovalException.class).hasMessage("approval APR-999999 does not exist");
    }

    private static Decision get(Future<Decision> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRefused(Decision decision, String reason) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        assertThat(((Decision.Refused) decision).reason()).isEqualTo(reason);
        LedgerEntry entry = ledger.entry(decision.ledgerSeq()).orElseThrow();
        assertThat(entry.kind()).isEqualTo(EntryKind.REFUSED);
        assertThat(entry.context()).containsEntry("reason", reason);
    }

    private static ApprovalDraft draft(String subject, String entitlementId, String key, Route route, int approvals, String requester) {
        RiskAssessment risk = new RiskAssessment(route == Route.COMPLIANCE_OFFICER ? "high" : "standard", route, approvals, Duration.ofDays(7), RISK_POLICY);
        return new ApprovalDraft("test", subject, entitlementId, key, "Grant " + key + " to " + subject, requester, risk, null, null,
                List.of(), Map.of());
    }

    private static Operator operator(String username, String identityId, Role role) {
        return new Operator(username, username, Set.of(role), identityId, false);
    }
}
