package io.countersign.lifecycle.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.approval.Decision;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.Directory;
import io.countersign.directory.IdentityId;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import io.countersign.policy.Route;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.RequestBank;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@CountersignTest
class AccessRequestsIntegrationTests {

    private static final String WHY = "Needed for the new client coverage starting next week";
    private static final Operator EQUITIES_HEAD = new Operator("eq-head", null, Set.of(Role.APPROVER), TestBank.EQUITIES_HEAD, false);

    @Autowired AccessRequests requests;
    @Autowired Approvals approvals;
    @Autowired Directory directory;
    @Autowired Ledger ledger;
    @Autowired SimulatedTenant tenant;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void startFromTheRequestBank() {
        jdbc.execute("delete from access_request");
        Workflows.startFrom(RequestBank.snapshot(), directory, tenant, jdbc);
    }

    @Test
    void autoApprovesACatalogueItemWhenCataloguePolicyModelAndAutonomyAgree() {
        AccessRequest request = submitted("idn-trader-2", RequestBank.EIKON, null);

        assertThat(request.route()).isEqualTo(RequestRoute.AUTO_APPROVED);
        assertThat(request.status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(request.catalogueItem()).isEqualTo("bloomberg-trading");
        assertThat(request.probability()).isGreaterThanOrEqualTo(0.8);
        assertThat(request.approvalId()).isNull();
        assertThat(tenant.isMember("ad", "GRP-EIKON", "idn-trader-2")).isTrue();
        assertThat(directory.assignmentsOf(new IdentityId("idn-trader-2")))
                .anySatisfy(a -> {
                    assertThat(a.entitlementId().value()).isEqualTo("ent-eikon");
                    assertThat(a.source()).isEqualTo(AssignmentSource.REQUEST);
                });
        LedgerEntry recommendation = ledger.entry(request.ledgerSeqs().get(0)).orElseThrow();
        assertThat(recommendation.kind()).isEqualTo(EntryKind.RECOMMENDATION);
        assertThat(recommendation.model().id()).isEqualTo(requests.model().ref().id());
        assertThat(recommendation.input()).asString().contains("resource=ent-eikon", "title=Equity Trader");
        assertThat(recommendation.confidence()).isEqualTo(request.probability());
        assertThat(recommendation.output()).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("contributions", "narrative").extractingByKey("narrative").asString().startsWith("model: ");
        assertThat(ledger.entry(request.ledgerSeqs().get(1)).orElseThrow().route()).isEqualTo("auto");
        assertThat(request.ledgerSeqs()).extracting(seq -> ledger.entry(seq).orElseThrow().kind())
                .contains(EntryKind.EXECUTING, EntryKind.EXECUTED, EntryKind.READ_BACK, EntryKind.EXECUTING);
    }

    @Test
    void aCatalogueItemTheModelDoubtsGoesToTheDeskHeadWithTheModelsReasons() {
        AccessRequest request = submitted("idn-trader-2", RequestBank.BLOOMBERG_ANYWHERE, null);

        assertThat(request.catalogueItem()).isEqualTo("bloomberg-trading");
        assertThat(request.probability()).isLessThan(0.8);
        assertThat(request.route()).isEqualTo(RequestRoute.DESK_HEAD);
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(request.detail()).startsWith("routed to the desk head: the model's approval probability");
        assertThat(request.reasons()).isNotEmpty().anySatisfy(r -> assertThat(r.sentence()).startsWith("Against: "));
        ApprovalRequest approval = approvals.find(request.approvalId()).orElseThrow();
        assertThat(approval.routeIdentityId()).isEqualTo(TestBank.EQUITIES_HEAD);
        assertThat(approval.summary()).contains(WHY, "model: ", request.reasons().getFirst().sentence());
        assertThat(approval.recommendationSeq()).isEqualTo(request.ledgerSeqs().getFirst());
    }

    @Test
    void anElevatedRequestGoesToTheDeskHeadAndIsGrantedOnceApproved() {
        AccessRequest request = submitted("idn-trader-2", RequestBank.AMEND_TRADE, null);
        assertThat(request.route()).isEqualTo(RequestRoute.DESK_HEAD);
        assertThat(request.detail()).isEqualTo("routed to the desk head: the entitlement is not in the catalogue for this requester");

        assertThat(approvals.approve(request.approvalId(), EQUITIES_HEAD, "agreed with the desk")).isInstanceOf(Decision.Taken.class);

        AccessRequest done = settled(request.id());
        assertThat(done.status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(tenant.isMember("ad", "GRP-MUREX-AMEND", "idn-trader-2")).isTrue();
        assertThat(tenant.note("ad", "idn-trader-2")).hasValueSatisfying(note -> assertThat(note)
                .contains("granted Murex:AMEND_TRADE on request " + request.id(), "approved by eq-head", WHY));
    }

    @Test
    void privilegedAccessGoesToTheChiefComplianceOfficer() {
        AccessRequest request = submitted("idn-trader-2", RequestBank.SPLUNK_ADMIN, null);

        assertThat(request.route()).isEqualTo(RequestRoute.COMPLIANCE_OFFICER);
        ApprovalRequest approval = approvals.find(request.approvalId()).orElseThrow();
        assertThat(approval.route()).isEqualTo(Route.COMPLIANCE_OFFICER);
        assertThat(approval.riskTier()).isEqualTo("critical");
        assertThat(approval.approvalsRequired()).isEqualTo(2);
    }

    @Test
    void aRequestThatWouldBreakACriticalSodRuleIsBlockedAndLedgered() {
        AccessRequest request = submitted("idn-trader-3", RequestBank.CONFIRM_TRADE, null);

        assertThat(request.route()).isEqualTo(RequestRoute.SOD_BLOCK);
        assertThat(request.status()).isEqualTo(RequestStatus.BLOCKED);
        assertThat(request.approvalId()).isNull();
        assertThat(request.detail()).isEqualTo("blocked: granting it would break sod-trade-settle (Execute or amend trades vs approve"
                + " settlements, critical), which self-service may not mitigate");
        LedgerEntry refusal = ledger.entry(request.ledgerSeqs().getLast()).orElseThrow();
        assertThat(refusal.kind()).isEqualTo(EntryKind.REFUSED);
        assertThat(ledger.entry(request.ledgerSeqs().get(1)).orElseThrow().route()).isEqualTo("blocked:sod");
        assertThat(tenant.isMember("ad", "GRP-MUREX-CONFIRM", "idn-trader-3")).isFalse();
    }

    @Test
    void aWriteOutsideTheAgentsScopeIsRefusedLedgeredAndShownOnTheRequest() {
        AccessRequest request = submitted("idn-trader-4", RequestBank.MAINFRAME_POSTING, null);
        approvals.approve(request.approvalId(), EQUITIES_HEAD, "fine");

        AccessRequest done = settled(request.id());

        assertThat(done.status()).isEqualTo(RequestStatus.REFUSED);
        assertThat(done.detail()).startsWith("grant refused: ").contains("request-fulfilment-agent");
        assertThat(ledger.entry(done.ledgerSeqs().getLast()).orElseThrow().kind()).isEqualTo(EntryKind.REFUSED);
        assertThat(directory.assignmentsOf(new IdentityId("idn-trader-4"))).noneMatch(a -> a.entitlementId().value().equals("ent-core-post"));
    }

    @Test
    void anApprovalThatExpiresClosesTheRequestWithNothingGranted() {
        AccessRequest request = submitted("idn-trader-3", RequestBank.AMEND_TRADE, null);

        approvals.expireOverdue(Instant.now().plus(Duration.ofDays(30)));

        await().atMost(Duration.ofSeconds(20)).until(() -> requests.find(request.id()).orElseThrow().status() == RequestStatus.EXPIRED);
        assertThat(tenant.isMember("ad", "GRP-MUREX-AMEND", "idn-trader-3")).isFalse();
        assertThat(directory.assignmentsOf(new IdentityId("idn-trader-3"))).noneMatch(a -> a.entitlementId().value().equals("ent-murex-amend"));
    }

    @Test
    void aTimeBoundGrantIsRemovedWhenItEnds() {
        AccessRequest request = submitted("idn-trader-3", RequestBank.EIKON, 2);
        assertThat(request.status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(request.accessEndsAt()).isBetween(Instant.now().plus(Duration.ofDays(2)).minusSeconds(60), Instant.now().plus(Duration.ofDays(2)));

        assertThat(requests.revokeEnded(Instant.now().plus(Duration.ofDays(1)))).isZero();
        assertThat(requests.revokeEnded(Instant.now().plus(Duration.ofDays(3)))).isEqualTo(1);

        AccessRequest ended = requests.find(request.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(RequestStatus.REVOKED);
        assertThat(tenant.isMember("ad", "GRP-EIKON", "idn-trader-3")).isFalse();
        assertThat(directory.assignmentsOf(new IdentityId("idn-trader-3"))).noneMatch(a -> a.entitlementId().value().equals("ent-eikon"));
    }

    @Test
    void theSubmitterCannotApproveTheRequestTheySubmitted() {
        SubmissionOutcome outcome = requests.submit(new RequestSubmission("idn-trader-2", RequestBank.AMEND_TRADE, WHY, null, "eq-head"));
        AccessRequest request = ((SubmissionOutcome.Submitted) outcome).request();

        Decision decision = approvals.approve(request.approvalId(), EQUITIES_HEAD, "my own");

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo("the requester eq-head cannot decide their own request"));
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    @Test
    void aSecondSubmissionReturnsTheOpenRequest() {
        AccessRequest first = submitted("idn-trader-2", RequestBank.AMEND_TRADE, null);

        SubmissionOutcome second = requests.submit(new RequestSubmission("E-idn-trader-2", RequestBank.AMEND_TRADE, WHY + " again", null, "bob"));

        assertThat(second).isEqualTo(new SubmissionOutcome.AlreadyOpen(first));
        assertThat(requests.list(null, 100)).hasSize(1);
    }

    @Test
    void anEntitlementAlreadyHeldIsAnAnswerNotARequest() {
        SubmissionOutcome outcome = requests.submit(new RequestSubmission("idn-trader-2", "Murex:EXECUTE_TRADE", WHY, null, "alice"));

        assertThat(outcome).isInstanceOfSatisfying(SubmissionOutcome.AlreadyHeld.class,
                held -> assertThat(held.entitlementKey()).isEqualTo("Murex:EXECUTE_TRADE"));
        assertThat(requests.list(null, 100)).isEmpty();
    }

    @Test
    void badInputNamesTheField() {
        assertInvalid(new RequestSubmission("idn-trader-2", RequestBank.EIKON, "  ", null, "alice"), "justification",
                "justification: is required: say why the access is needed");
        assertInvalid(new RequestSubmission("idn-trader-2", RequestBank.EIKON, "because", null, "alice"), "justification",
                "justification: must be at least 20 characters, was 7");
        assertInvalid(new RequestSubmission("idn-nobody", RequestBank.EIKON, WHY, null, "alice"), "requester",
                "requester: no identity or employee idn-nobody");
        assertInvalid(new RequestSubmission("idn-trader-2", "Murex:NOTHING", WHY, null, "alice"), "entitlement",
                "entitlement: no entitlement 'Murex:NOTHING' in the directory (written System:PERMISSION)");
        assertInvalid(new RequestSubmission("idn-trader-2", RequestBank.EIKON, WHY, 0, "alice"), "duration",
                "duration: must be between 1 and 365 days, was 0");
        assertThat(requests.list(null, 100)).isEmpty();
    }

    @Test
    void theModelIsTrainedOncePersistedAndLedgered() {
        RequestModelInfo first = requests.model();
        RequestModelInfo again = requests.model();

        assertThat(again).isEqualTo(first);
        assertThat(first.trainingData()).isEqualTo(RequestBank.SOURCE + ";requests=" + directory.counts().pastRequests());
        assertThat(first.rowsTrain() + first.rowsHoldout()).isEqualTo((int) directory.counts().pastRequests());
        assertThat(first.holdout().rows()).isEqualTo(first.rowsHoldout());
        assertThat(jdbc.queryForObject("select count(*) from approval_model where training_data = ?", Integer.class, first.trainingData()))
                .isEqualTo(1);
        LedgerEntry training = ledger.entry(first.ledgerSeq()).orElseThrow();
        assertThat(training.model()).isEqualTo(first.ref());
        assertThat(training.context()).containsEntry("event", "approval_model_trained").containsKey("holdout");
    }

    private AccessRequest submitted(String requester, String key, Integer days) {
        SubmissionOutcome outcome = requests.submit(new RequestSubmission(requester, key, WHY, days, "alice"));
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Submitted.class);
        return ((SubmissionOutcome.Submitted) outcome).request();
    }

    private AccessRequest settled(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !requests.find(id).orElseThrow().status().open());
        return requests.find(id).orElseThrow();
    }

    private void assertInvalid(RequestSubmission submission, String field, String message) {
        assertThatThrownBy(() -> requests.submit(submission)).isInstanceOfSatisfying(RequestException.class, e -> {
            assertThat(e.code()).isEqualTo("request.invalid");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e).hasMessage(message);
        });
    }
}
