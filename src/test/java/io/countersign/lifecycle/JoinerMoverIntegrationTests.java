package io.countersign.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.approval.Decision;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.compliance.ComplianceApi;
import io.countersign.directory.Directory;
import io.countersign.directory.Identity;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import io.countersign.policy.Route;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.FailingServer;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@CountersignTest
class JoinerMoverIntegrationTests {

    private static final Operator CCO = new Operator("cco", "CCO", Set.of(Role.COMPLIANCE_OFFICER), TestBank.CCO, false);
    private static final Operator SECOND_OFFICER = new Operator("cco-deputy", "Deputy CCO", Set.of(Role.COMPLIANCE_OFFICER), null, false);
    private static final Operator DESK_HEAD = new Operator("eq-head", "Head of Cash Equities", Set.of(Role.APPROVER), TestBank.EQUITIES_HEAD, false);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Lifecycle lifecycle;
    @Autowired ConnectorRegistry connectors;
    @Autowired Inbox inbox;
    @Autowired Approvals approvals;
    @Autowired Ledger ledger;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired ComplianceApi compliance;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path dir;
    private StandInServer standIns;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startFromTheTestBank() throws IOException {
        Workflows.startFrom(TestBank.snapshot(), directory, tenant, jdbc);
        connectors.create("simulated", Map.of("platforms", "okta,entra,ad,local"));
        standIns = HrFixture.complianceStandIn(tenant, compliance, dir);
    }

    @AfterEach
    void stop() {
        standIns.close();
    }

    @Test
    void joinerPackageRoutesStandardItemsToTheDeskHeadAndHighRiskOnesToTheComplianceOfficer() {
        String id = hireTrader("Nia Joiner");

        AccessPackage accessPackage = lifecycle.accessPackage(id).orElseThrow();
        Map<String, AccessPackage.Item> items = byKey(accessPackage);
        assertThat(items).containsOnlyKeys("Bloomberg Terminal:TRADER_BPS", "Murex:EXECUTE_TRADE");
        assertThat(items.get("Bloomberg Terminal:TRADER_BPS").route()).isEqualTo("desk_head");
        assertThat(items.get("Bloomberg Terminal:TRADER_BPS").risk()).isEqualTo("standard");
        assertThat(items.get("Murex:EXECUTE_TRADE").route()).isEqualTo("compliance_officer");
        assertThat(items.get("Murex:EXECUTE_TRADE").justification()).contains("role baseline role_baseline_equity_trader").contains("held by 4 of 4 peers");
        assertThat(accessPackage.complianceFlags()).contains("SOX", "Volcker Rule");
        assertThat(accessPackage.aiRecommendation().rulesApplied()).contains("role_baseline_equity", "role_baseline_equity_trader");
        assertThat(accessPackage.toJson()).containsKeys("request_id", "user", "entitlements", "compliance_flags", "ai_recommendation");

        Map<String, ApprovalRequest> requests = approvalsFor(id);
        assertThat(requests.get("Bloomberg Terminal:TRADER_BPS").route()).isEqualTo(Route.DESK_HEAD);
        assertThat(requests.get("Bloomberg Terminal:TRADER_BPS").routeIdentityId()).isEqualTo(TestBank.EQUITIES_HEAD);
        assertThat(requests.get("Murex:EXECUTE_TRADE").route()).isEqualTo(Route.COMPLIANCE_OFFICER);
        LedgerEntry recommendation = ledger.entry(accessPackage.aiRecommendation().ledgerSeq()).orElseThrow();
        assertThat(recommendation.kind()).isEqualTo(EntryKind.RECOMMENDATION);
        assertThat(recommendation.model().id()).isEqualTo("access-package-logit");
        assertThat(recommendation.output().toString()).contains("access_package");
    }

    @Test
    void approvedJoinerIsProvisionedReadBackAndNotedOnTheProfile() {
        String id = hireTrader("Ada Granted");
        Map<String, ApprovalRequest> requests = approvalsFor(id);

        assertThat(approvals.approve(requests.get("Bloomberg Terminal:TRADER_BPS").id(), DESK_HEAD, "standard trader kit"))
                .isInstanceOf(Decision.Taken.class);
        assertThat(approvals.approve(requests.get("Murex:EXECUTE_TRADE").id(), CCO, "registered")).isInstanceOf(Decision.Taken.class);

        awaitStatus(id, CaseStatus.COMPLETED);
        await().atMost(WAIT).until(() -> tenant.note("okta", "ada.granted@bank.example").isPresent());
        assertThat(tenant.hasApp("okta", "ada.granted@bank.example", "Bloomberg Terminal:TRADER_BPS")).isTrue();
        assertThat(tenant.isMember("ad", "GRP-MUREX-EXECUTE", "ada.granted")).isTrue();
        assertThat(tenant.note("okta", "ada.granted@bank.example").orElseThrow())
                .contains("access granted based on new-hire record in Workday (event " + id + ") and manager approval");
        Identity joiner = directory.identityByEmployeeId("E-ada-" + run).orElseThrow();
        assertThat(directory.assignmentsOf(joiner.id())).hasSize(2);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void onboardingAgentMayNotGrantPrivilegedItemsEvenWhenApproved() {
        String id = "hire-infra-" + run;
        HrFixture.deliver(inbox, HrFixture.hire(id, "E-infra-" + run, "Ivo Admin", "Infrastructure Engineer", "Technology", "Infrastructure",
                "E-idn-infra-head"));
        awaitRouted(id);
        Map<String, ApprovalRequest> requests = approvalsFor(id);
        assertThat(requests).containsOnlyKeys("Active Directory:Domain Admins", "Splunk:ADMIN");

        for (ApprovalRequest request : requests.values()) {
            assertThat(request.route()).isEqualTo(Route.COMPLIANCE_OFFICER);
            approvals.approve(request.id(), CCO, "needed for the platform team");
            approvals.approve(request.id(), SECOND_OFFICER, "agreed");
        }

        awaitStatus(id, CaseStatus.PARTIAL);
        assertThat(lifecycle.lifecycleCase(id).orElseThrow().items())
                .contains("GRANT Active Directory:Domain Admins: REFUSED", "GRANT Splunk:ADMIN: REFUSED");
        Identity joiner = directory.identityByEmployeeId("E-infra-" + run).orElseThrow();
        List<LedgerEntry> refusals = ledger.page(Long.MAX_VALUE, 200, "identity:" + joiner.id().value()).stream()
                .filter(e -> e.kind() == EntryKind.REFUSED).toList();
        assertThat(refusals).hasSize(2).allSatisfy(e -> assertThat(e.agentId()).isEqualTo(Lifecycle.ONBOARDING_AGENT));
        assertThat(tenant.isMember("ad", "GRP-AD-DOMAIN-ADMINS", "ivo.admin")).isFalse();
    }

    @Test
    void expiredApprovalsLeaveNothingProvisioned() {
        String id = hireTrader("Eve Expired");

        approvals.expireOverdue(Instant.now().plus(Duration.ofDays(30)));

        awaitStatus(id, CaseStatus.PARTIAL);
        assertThat(lifecycle.lifecycleCase(id).orElseThrow().items()).allMatch(i -> i.endsWith(": EXPIRED"));
        assertThat(tenant.userByLogin("okta", "eve.expired@bank.example")).isEmpty();
        assertThat(tenant.userByLogin("ad", "eve.expired")).isEmpty();
    }

    @Test
    void withoutComplianceFlagsEveryItemGoesToTheComplianceOfficer() {
        try (FailingServer failing = FailingServer.answering(503, "{\"error\": \"maintenance\"}")) {
            compliance.use(failing.baseUri(), null, Duration.ofSeconds(2));
            String id = hireTrader("Flo Unflagged");

            AccessPackage accessPackage = lifecycle.accessPackage(id).orElseThrow();
            assertThat(accessPackage.flagsAvailable()).isFalse();
            assertThat(accessPackage.flagsUnavailableReason()).isEqualTo("the compliance API answered 503 for E-flo-" + run);
            assertThat(accessPackage.entitlements()).allMatch(i -> i.route().equals("compliance_officer"));
            assertThat(approvalsFor(id).values()).allMatch(r -> r.route() == Route.COMPLIANCE_OFFICER);
        }
    }

    @Test
    void moverConflictingWithWhatIsStillHeldGoesToComplianceAndLosesTheOldRoleAfterTheGracePeriod() {
        String id = "transfer-" + run;
        HrFixture.deliver(inbox, HrFixture.transfer(id, "E-idn-trader-2", "Settlements Specialist", "Operations", "Settlements",
                "Equity Trader", "Cash Equities"));
        awaitStatus(id, CaseStatus.PENDING_APPROVAL);

        AccessPackage accessPackage = lifecycle.accessPackage(id).orElseThrow();
        AccessPackage.Item confirm = byKey(accessPackage).get("Murex:CONFIRM_TRADE");
        assertThat(confirm.sodConflicts()).containsExactly("sod-trade-settle");
        assertThat(confirm.route()).isEqualTo("compliance_officer");
        assertThat(accessPackage.removals()).containsExactlyInAnyOrder("Bloomberg Terminal:TRADER_BPS", "Murex:EXECUTE_TRADE");
        assertThat(accessPackage.sodAfter()).isEmpty();
        assertThat(tenant.isMember("ad", "GRP-MUREX-CONFIRM", "idn-trader-2")).isFalse();

        assertThat(lifecycle.executeDueRemovals(Instant.now())).isZero();
        assertThat(lifecycle.executeDueRemovals(Instant.now().plus(Duration.ofDays(8)))).isEqualTo(2);

        assertThat(tenant.isMember("ad", "GRP-MUREX-EXECUTE", "idn-trader-2")).isFalse();
        assertThat(tenant.hasApp("okta", "idn-trader-2@bank.example", "Bloomberg Terminal:TRADER_BPS")).isFalse();
        assertThat(directory.assignmentsOf(new io.countersign.directory.IdentityId("idn-trader-2"))).isEmpty();
        assertThat(directory.hrRecord(new io.countersign.directory.IdentityId("idn-trader-2")).orElseThrow().desk()).isEqualTo("Settlements");
    }

    @Test
    void aRedeliveredHireIsProcessedOnce() {
        String id = hireTrader("Rex Twice");

        assertThat(HrFixture.deliver(inbox, HrFixture.hire(id, "E-rex-" + run, "Rex Twice", "Equity Trader", "Equities", "Cash Equities",
                "E-" + TestBank.EQUITIES_HEAD))).isZero();
        lifecycle.processPending();

        assertThat(approvalsFor(id)).hasSize(2);
        Identity joiner = directory.identityByEmployeeId("E-rex-" + run).orElseThrow();
        assertThat(ledger.page(Long.MAX_VALUE, 500, "identity:" + joiner.id().value()).stream().filter(e -> e.kind() == EntryKind.RECOMMENDATION))
                .hasSize(1);
    }

    private String hireTrader(String name) {
        String first = name.substring(0, name.indexOf(' ')).toLowerCase();
        String id = "hire-" + first + "-" + run;
        HrFixture.deliver(inbox, HrFixture.hire(id, "E-" + first + "-" + run, name, "Equity Trader", "Equities", "Cash Equities",
                "E-" + TestBank.EQUITIES_HEAD));
        awaitRouted(id);
        return id;
    }

    private void awaitRouted(String id) {
        awaitStatus(id, CaseStatus.PENDING_APPROVAL);
        await().atMost(WAIT).until(() -> approvalsFor(id).size() == lifecycle.accessPackage(id).orElseThrow().entitlements().size());
    }

    private void awaitStatus(String id, CaseStatus status) {
        await().atMost(WAIT).until(() -> lifecycle.lifecycleCase(id).map(c -> c.status() == status).orElse(false));
    }

    private Map<String, ApprovalRequest> approvalsFor(String caseId) {
        return approvals.list(null, 1000).stream().filter(r -> r.sourceEventId() != null && r.sourceEventId().startsWith(caseId + ":"))
                .collect(Collectors.toMap(ApprovalRequest::itemKey, Function.identity()));
    }

    private static Map<String, AccessPackage.Item> byKey(AccessPackage accessPackage) {
        return accessPackage.entitlements().stream().collect(Collectors.toMap(AccessPackage.Item::key, Function.identity()));
    }
}
