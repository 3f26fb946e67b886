package io.countersign.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.compliance.ComplianceApi;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Directory;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityStatus;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@CountersignTest
class LeaverIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRADER = "idn-trader-3";

    @Autowired Lifecycle lifecycle;
    @Autowired ConnectorRegistry connectors;
    @Autowired Inbox inbox;
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
    void leaverIsDisabledOnEveryPlatformWithSessionsEndedAccessRemovedAndTimed() {
        String id = "term-" + run;
        int measuredBefore = lifecycle.deprovisioning().leavers();

        HrFixture.deliver(inbox, HrFixture.termination(id, "E-" + TRADER, HrFixture.today()));

        awaitStatus(id, CaseStatus.COMPLETED);
        for (String[] account : new String[][] {{"ad", TRADER}, {"okta", TRADER + "@bank.example"}}) {
            assertThat(tenant.accountStatus(account[0], account[1])).contains(AccountStatus.DISABLED);
            assertThat(tenant.sessionsEndedAt(account[0], account[1])).isPresent();
            assertThat(tenant.note(account[0], account[1]).orElseThrow()).contains("termination record in Workday (event " + id + ")");
        }
        assertThat(tenant.isMember("ad", "GRP-MUREX-EXECUTE", TRADER)).isFalse();
        assertThat(tenant.hasApp("okta", TRADER + "@bank.example", "Bloomberg Terminal:TRADER_BPS")).isFalse();
        assertThat(directory.accountsOf(new IdentityId(TRADER))).allMatch(a -> a.status() == AccountStatus.DISABLED);
        assertThat(directory.assignmentsOf(new IdentityId(TRADER))).isEmpty();
        assertThat(directory.identity(new IdentityId(TRADER)).orElseThrow().status()).isEqualTo(IdentityStatus.TERMINATED);
        DeprovisioningStats stats = lifecycle.deprovisioning();
        assertThat(stats.leavers()).isEqualTo(measuredBefore + 1);
        assertThat(stats.maxMs()).isLessThan(60_000);
    }

    @Test
    void aBackdatedTerminationOfSomeoneWithAnActiveAccountIsDeprovisionedNotSkipped() {
        String id = "term-backdated-" + run;

        HrFixture.deliver(inbox, HrFixture.termination(id, "E-" + TRADER, HrFixture.today().minusDays(30)));

        awaitStatus(id, CaseStatus.COMPLETED);
        assertThat(tenant.accountStatus("okta", TRADER + "@bank.example")).contains(AccountStatus.DISABLED);
        assertThat(directory.accountsOf(new IdentityId(TRADER))).allMatch(a -> a.status() == AccountStatus.DISABLED);
    }

    @Test
    void anOldTerminationOfSomeoneAlreadyDisabledIsHistory() {
        String id = "term-history-" + run;
        jdbc.update("update account set status = 'DISABLED' where identity_id = ?", TRADER);

        HrFixture.deliver(inbox, HrFixture.termination(id, "E-" + TRADER, HrFixture.today().minusDays(30)));

        awaitStatus(id, CaseStatus.SKIPPED);
    }

    @Test
    void aFutureTerminationWaitsUntilItsDay() {
        String id = "term-later-" + run;

        HrFixture.deliver(inbox, HrFixture.termination(id, "E-" + TRADER, HrFixture.today().plusDays(14)));

        awaitStatus(id, CaseStatus.WAITING);
        lifecycle.processPending();
        assertThat(lifecycle.lifecycleCase(id).orElseThrow().status()).isEqualTo(CaseStatus.WAITING);
        assertThat(tenant.accountStatus("okta", TRADER + "@bank.example")).contains(AccountStatus.ACTIVE);
    }

    @Test
    void anInterruptedLeaverResumesWithoutRepeatingAConfirmedWrite() {
        String id = "term-crashed-" + run;
        long planSeq = ledger.append(LedgerDraft.of(EntryKind.POLICY_DECISION, Lifecycle.LEAVER).sourceEvent(id).route("auto").build()).seq();
        jdbc.update("insert into lifecycle_case (id, kind, employee_id, identity_id, status, effective_date, event, received_at, claimed_at, package_seq)"
                + " values (?, 'LEAVER', ?, ?, 'RUNNING', current_date, ?::jsonb, now() - interval '10 minutes', now() - interval '10 minutes', ?)",
                id, "E-" + TRADER, TRADER, "{\"event_id\": \"" + id + "\", \"kind\": \"termination\", \"effective_date\": \"" + HrFixture.today()
                        + "\", \"employee_id\": \"E-" + TRADER + "\", \"end_date\": \"" + HrFixture.today() + "\", \"status\": \"terminated\"}", planSeq);
        jdbc.update("insert into lifecycle_item (case_id, item_key, action, platform, login, status) values"
                + " (?, 'okta:" + TRADER + "@bank.example', 'DISABLE', 'okta', '" + TRADER + "@bank.example', 'DONE'),"
                + " (?, 'ad:" + TRADER + "', 'DISABLE', 'ad', '" + TRADER + "', 'EXECUTING')", id, id);

        lifecycle.processPending();

        awaitStatus(id, CaseStatus.COMPLETED);
        assertThat(tenant.accountStatus("ad", TRADER)).contains(AccountStatus.DISABLED);
        assertThat(tenant.accountStatus("okta", TRADER + "@bank.example")).as("recorded as done before the crash, so not written again")
                .contains(AccountStatus.ACTIVE);
    }

    @Test
    void anAccountActiveAfterTheEndDateIsAnAlertAndAContractorPastItIsDeprovisioned() {
        LocalDate ended = HrFixture.today().minusDays(3);
        jdbc.update("update hr_record set end_date = ?, employment_type = 'CONTRACTOR' where identity_id = ?", java.sql.Date.valueOf(ended), TRADER);
        jdbc.update("update identity set kind = 'CONTRACTOR' where id = ?", TRADER);

        SweepReport first = lifecycle.sweep(HrFixture.today());

        assertThat(first.alerts()).extracting(AccountActiveAfterEndDate::platform).containsExactlyInAnyOrder("ad", "okta");
        assertThat(first.alerts()).allSatisfy(alert -> {
            assertThat(alert.endDate()).isEqualTo(ended);
            assertThat(ledger.entry(alert.ledgerSeq()).orElseThrow().kind()).isEqualTo(EntryKind.POLICY_DECISION);
            assertThat(ledger.entry(alert.ledgerSeq()).orElseThrow().context()).containsEntry("alert", "account_active_after_end_date");
        });
        assertThat(first.leaversStarted()).containsExactly("sweep:E-" + TRADER + ":" + ended);
        awaitStatus(first.leaversStarted().getFirst(), CaseStatus.COMPLETED);
        assertThat(tenant.accountStatus("okta", TRADER + "@bank.example")).contains(AccountStatus.DISABLED);
        SweepReport second = lifecycle.sweep(HrFixture.today());
        assertThat(second.alerts()).isEmpty();
        assertThat(second.leaversStarted()).isEmpty();
    }

    @Test
    void aRenameKeepsTheSameIdentity() {
        String id = "rename-" + run;

        HrFixture.deliver(inbox, HrFixture.renamed(id, "E-" + TRADER, "Tess Renamed"));

        awaitStatus(id, CaseStatus.COMPLETED);
        Identity renamed = directory.identityByEmployeeId("E-" + TRADER).orElseThrow();
        assertThat(renamed.id().value()).isEqualTo(TRADER);
        assertThat(renamed.displayName()).isEqualTo("Tess Renamed");
        assertThat(directory.accountsOf(renamed.id())).hasSize(2);
    }

    @Test
    void aRehireReactivatesTheSameIdentityAndKeepsItsHistory() {
        String leaving = "term-rehire-" + run;
        HrFixture.deliver(inbox, HrFixture.termination(leaving, "E-" + TRADER, HrFixture.today()));
        awaitStatus(leaving, CaseStatus.COMPLETED);
        long historyBefore = ledger.page(Long.MAX_VALUE, 1000, "identity:" + TRADER).size();

        String rehire = "rehire-" + run;
        HrFixture.deliver(inbox, HrFixture.hire(rehire, "E-" + TRADER, "Theo Back", "Equity Trader", "Equities", "Cash Equities",
                "E-" + TestBank.EQUITIES_HEAD));

        awaitStatus(rehire, CaseStatus.PENDING_APPROVAL);
        Identity back = directory.identityByEmployeeId("E-" + TRADER).orElseThrow();
        assertThat(back.id().value()).isEqualTo(TRADER);
        assertThat(back.status()).isEqualTo(IdentityStatus.ACTIVE);
        assertThat(directory.hrRecord(back.id()).orElseThrow().endDate()).isNull();
        assertThat(directory.accountsOf(back.id())).hasSize(2);
        assertThat(ledger.page(Long.MAX_VALUE, 1000, "identity:" + TRADER).size()).isGreaterThan((int) historyBefore);
        assertThat(lifecycle.accessPackage(rehire).orElseThrow().entitlements()).extracting(AccessPackage.Item::key)
                .contains("Bloomberg Terminal:TRADER_BPS", "Murex:EXECUTE_TRADE");
    }

    private void awaitStatus(String id, CaseStatus status) {
        await().atMost(WAIT).until(() -> lifecycle.lifecycleCase(id).map(c -> c.status() == status).orElse(false));
    }
}
