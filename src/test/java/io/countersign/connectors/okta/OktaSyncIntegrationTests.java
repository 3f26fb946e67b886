package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.ReaderSource;
import io.countersign.connectors.SyncReport;
import io.countersign.directory.Account;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Directory;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.MergeSummary;
import io.countersign.simulator.BankSpec;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.simulator.SyntheticBank;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A directory sync of an Okta org, read through the connector from the stand-in serving the same synthetic bank. */
@CountersignTest
class OktaSyncIntegrationTests {

    private static final DirectorySnapshot BANK = new SyntheticBank().generate(new BankSpec(19, 200, 60, LocalDate.of(2025, 6, 30))).snapshot();

    @Autowired PlatformSync sync;
    @Autowired Directory directory;
    @Autowired SimulatedTenant sharedTenant;
    @Autowired ConnectorRegistry registry;
    @Autowired List<ReaderSource> readerSources;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path dir;

    private final SimulatedTenant org = new SimulatedTenant();
    private StandInServer server;

    @BeforeEach
    void loadTheBankAndServeItAsAnOktaOrg() throws IOException {
        Workflows.startFrom(BANK, directory, sharedTenant, jdbc);
        org.seed(BANK, 5, 0);
        server = StandInServer.start(0, org, new StandInOptions(OktaConnectorTests.TOKEN, 0, 0, 0, Map.of()));
        OktaInUse.register(registry, Map.of("url", server.baseUri().toString(), "token", "file:" + OktaConnectorTests.token(dir, OktaConnectorTests.TOKEN)));
    }

    @AfterEach
    void stop() {
        server.close();
        OktaInUse.restoreSimulation(registry, readerSources);
    }

    @Test
    void aSyncOfTheBankTheDirectoryWasLoadedFromChangesNothing() {
        SyncReport report = sync.syncDirectory("okta");

        MergeSummary merge = report.merge();
        List<Account> oktaAccounts = BANK.accounts().stream().filter(a -> a.platform().equals("okta")).toList();
        assertThat(merge.users()).isEqualTo(oktaAccounts.size());
        assertThat(merge.accountsAdded()).isZero();
        assertThat(merge.accountsRemoved()).isZero();
        assertThat(merge.assignmentsAdded()).isZero();
        assertThat(merge.assignmentsRemoved()).isZero();
        assertThat(merge.entitlementsCreated()).isZero();
        assertThat(merge.orphanAccounts()).isEqualTo(oktaAccounts.stream().filter(a -> a.identityId() == null).count());
        assertThat(merge.memberships()).isPositive();
        System.out.printf("okta directory sync from the stand-in: %d users, %d groups, %d memberships; read %d ms, merge %d ms, %.0f users/s%n",
                merge.users(), merge.groups(), merge.memberships(), report.readMillis(), report.mergeMillis(), report.usersPerSecond());
    }

    @Test
    void aUserDeactivatedInOktaIsDisabledInTheDirectoryAfterTheNextSync() {
        Account account = BANK.accounts().stream().filter(a -> a.platform().equals("okta") && a.identityId() != null
                && a.status() == AccountStatus.ACTIVE).findFirst().orElseThrow();
        org.disable("okta", account.login());

        MergeSummary merge = sync.syncDirectory("okta").merge();

        assertThat(merge.accountsAdded()).isZero();
        assertThat(directory.accountsOf(account.identityId())).filteredOn(a -> a.platform().equals("okta"))
                .extracting(Account::status).containsExactly(AccountStatus.DISABLED);
    }
}
