package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.PollReport;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.connectors.ReadBack;
import io.countersign.directory.Account;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Directory;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.MergeSummary;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Entra connector in the application: directory sync, polling into the inbox, provisioning through the ledger. */
@CountersignTest
@ExtendWith(OutputCaptureExtension.class)
class EntraIntegrationTests {

    private static final DirectorySnapshot BANK = GraphTenant.bank(200).snapshot();

    @Autowired ConnectorRegistry registry;
    @Autowired PlatformSync sync;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired Inbox inbox;
    @Autowired Provisioning provisioning;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;

    @TempDir
    Path secrets;

    private EntraRegistration entra;

    @BeforeEach
    void startFromTheBank() {
        Workflows.startFrom(BANK, directory, tenant, jdbc);
        tenant.seed(BANK, 5, 3);
        jdbc.update("delete from connector_cursor where platform = 'entra'");
        jdbc.update("delete from inbox_event where platform = 'entra'");
        entra = new EntraRegistration(registry, tenant, new StandInOptions(GraphTenant.CLIENT_SECRET, 40, 0, 0, Map.of()), secrets);
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    @Test
    void aSyncOfTheBanksOwnTenantChangesNothing() {
        List<Account> accounts = BANK.accounts().stream().filter(a -> a.platform().equals("entra")).toList();

        MergeSummary merge = sync.syncDirectory("entra").merge();

        assertThat(merge.users()).isEqualTo(accounts.size());
        assertThat(merge.accountsAdded()).isZero();
        assertThat(merge.accountsRemoved()).isZero();
        assertThat(merge.assignmentsAdded()).isZero();
        assertThat(merge.assignmentsRemoved()).isZero();
        assertThat(merge.entitlementsCreated()).isZero();
        assertThat(merge.orphanAccounts()).isEqualTo(accounts.stream().filter(a -> a.identityId() == null).count());
    }

    @Test
    void aRestartInTheMiddleOfPagingLosesNoSignInAndStoresNoneTwice() {
        long signIns = tenant.events("entra", 0).stream().filter(e -> e.type().equals("user.session.start")).count();

        PollReport before = sync.pollEvents("entra", "sign_ins", 2);
        entra.connect(Map.of());
        registry.reader("entra").orElseThrow().readEvents("sign_ins", inbox.cursor("entra", "sign_ins"));
        PollReport after = sync.pollEvents("entra", "sign_ins", 1000);

        assertThat(before.pages()).isEqualTo(2);
        assertThat(before.cursor()).contains("\"next\":");
        assertThat(before.stored() + after.stored()).isEqualTo(signIns);
        assertThat(after.read()).isEqualTo(signIns - before.read());
        assertThat(inbox.count("entra", "sign_ins")).isEqualTo(signIns);
        assertThat(after.cursor()).doesNotContain("\"next\":");

        jdbc.update("update connector_cursor set cursor = ? where platform = 'entra' and stream = 'sign_ins'",
                "{\"since\":\"2020-01-01T00:00:00Z\",\"seen\":[]}");
        PollReport again = sync.pollEvents("entra", "sign_ins", 1000);
        assertThat(again.read()).isEqualTo(signIns);
        assertThat(again.stored()).isZero();
    }

    @Test
    void aTruncatedPageStoresNothingAndLeavesTheCursorWhereItWas() {
        sync.pollEvents("entra", "directory_audits", 1000);
        String cursor = inbox.cursor("entra", "directory_audits").orElseThrow();
        long stored = inbox.count("entra", "directory_audits");
        try (CannedGraph truncated = new CannedGraph(uri -> CannedGraph.Answer.json("{\"value\":[{\"id\":\"a1\",\"activityDateTime\":\"2026"))) {
            entra.connect(Map.of("graph-url", truncated.base() + "/graph/v1.0", "authority", truncated.base() + "/graph"));

            assertThatThrownBy(() -> sync.pollEvents("entra", "directory_audits", 1000)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.code()).isEqualTo("connector.malformed"));
        }
        assertThat(inbox.cursor("entra", "directory_audits")).contains(cursor);
        assertThat(inbox.count("entra", "directory_audits")).isEqualTo(stored);
    }

    @Test
    void provisioningDisablesAnEntraUserAndLedgersTheReadBack() {
        SimulatedTenant.User leaver = tenant.users("entra").stream().filter(u -> u.status() == AccountStatus.ACTIVE).findFirst().orElseThrow();

        ProvisioningOutcome outcome = provisioning.execute(new ProvisioningRequest("test", "offboarding-agent", "test:disable", "identity:test",
                new ConnectorWrite.DisableUser("entra", leaver.login()), null, Map.of(), List.of()));

        assertThat(outcome.result()).isInstanceOf(ChangeResult.Applied.class);
        assertThat(outcome.confirmed()).isTrue();
        List<LedgerEntry> entries = outcome.ledgerSeqs().stream().map(s -> ledger.entry(s).orElseThrow()).toList();
        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(EntryKind.EXECUTING, EntryKind.EXECUTED, EntryKind.READ_BACK);
        assertThat(entries.get(2).output()).isEqualTo(Map.of("confirmed", true, "state", Map.of("login", leaver.login(), "status", "DISABLED")));
        assertThat(tenant.accountStatus("entra", leaver.login())).contains(AccountStatus.DISABLED);
    }

    @Test
    void neitherTheClientSecretNorTheClientStateReachesTheLogsOrTheLedger(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("io.countersign", LogLevel.DEBUG);
        logging.setLogLevel("com.microsoft", LogLevel.DEBUG);
        logging.setLogLevel("okhttp3", LogLevel.DEBUG);
        try {
            sync.syncDirectory("entra");
            sync.pollEvents("entra", "sign_ins", 3);
            SimulatedTenant.User user = tenant.users("entra").getFirst();
            provisioning.execute(new ProvisioningRequest("test", "offboarding-agent", "test:note", "identity:test",
                    new ConnectorWrite.SetReasonNote("entra", user.login(), "Leaver: access removed"), null, Map.of(), List.of()));
            Path wrong = Files.writeString(secrets.resolve("wrong-secret"), "not-the-" + GraphTenant.CLIENT_SECRET);
            ReadBack refused = entra.connect(Map.of("client-secret", "file:" + wrong)).readBack(new ConnectorWrite.DisableUser("entra", user.login()));
            assertThat(refused.confirmed()).isFalse();
            assertThat(refused.state().get("error")).asString().endsWith("HTTP 401 invalid_client AADSTS7000215");
            assertThatThrownBy(() -> entra.connect(Map.of("client-secret", GraphTenant.CLIENT_SECRET))).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e).hasMessage("countersign.connectors.entra.client-secret: must be a reference, env:NAME or file:PATH, never the secret itself"));
        } finally {
            logging.setLogLevel("io.countersign", LogLevel.WARN);
            logging.setLogLevel("com.microsoft", null);
            logging.setLogLevel("okhttp3", null);
        }

        assertThat(output.getAll()).contains("fetched a Graph token for tenant bank.example").doesNotContain(GraphTenant.CLIENT_SECRET).doesNotContain(GraphTenant.CLIENT_STATE);
        String ledgerText = String.join("\n", jdbc.queryForList("select row_to_json(l)::text from ledger_entry l", String.class));
        assertThat(ledgerText).contains("Leaver: access removed").doesNotContain(GraphTenant.CLIENT_SECRET).doesNotContain(GraphTenant.CLIENT_STATE);
    }
}
