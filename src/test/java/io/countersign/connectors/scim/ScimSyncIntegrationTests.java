package io.countersign.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.connectors.SyncReport;
import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Directory;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.IdentityId;
import io.countersign.directory.MergeSummary;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SCIM stand-in, serving the test bank's people as platform {@code scim}, read into the directory and written
 * to through Provisioning, with a connector made at run time as {@code countersign sync} makes it.
 */
@CountersignTest
class ScimSyncIntegrationTests {

    @Autowired ConnectorRegistry connectors;
    @Autowired PlatformSync sync;
    @Autowired Provisioning provisioning;
    @Autowired Directory directory;
    @Autowired Ledger ledger;
    @Autowired SimulatedTenant tenant;
    @Autowired JdbcTemplate jdbc;

    private StandInServer server;

    @BeforeEach
    void serveTheBanksScimPlatform() {
        Workflows.startFrom(TestBank.snapshot(), directory, tenant, jdbc);
        tenant.seed(withScimAccounts(TestBank.snapshot()));
        serve(new StandInOptions(ScimConnectorContract.TOKEN, 5, 0, 0, Map.of()), "5");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsTheProviderIntoTheDirectoryMatchingPeopleByEmployeeNumber() {
        MergeSummary first = sync.syncDirectory("scim").merge();
        MergeSummary again = sync.syncDirectory("scim").merge();

        assertThat(first.users()).isEqualTo(12);
        assertThat(first.accountsAdded()).isEqualTo(12);
        assertThat(first.orphanAccounts()).isZero();
        assertThat(directory.accountsOf(new IdentityId("idn-trader-1"))).extracting(Account::platform).contains("scim");
        assertThat(again.accountsAdded()).isZero();
        assertThat(again.assignmentsAdded()).isZero();
    }

    @Test
    void anEntitlementGrantedOnTheProviderBecomesAnAssignment() {
        sync.syncDirectory("scim");
        tenant.assignApp("scim", "idn-trader-2@bank.example", "Splunk:ADMIN");

        MergeSummary merge = sync.syncDirectory("scim").merge();

        assertThat(merge.assignmentsAdded()).isEqualTo(1);
        assertThat(directory.assignmentsOf(new IdentityId("idn-trader-2")))
                .anyMatch(a -> a.entitlementId().value().equals("ent-splunk-admin") && a.grantedBy().equals("sync:scim"));
    }

    @Test
    void writesThroughProvisioningAreLedgeredAndReadBack() {
        String login = "nia.okafor@bank.example";
        ProvisioningOutcome created = provisioning.execute(request("onboarding-agent", new ConnectorWrite.CreateUser("scim", login,
                Map.of("firstName", "Nia", "lastName", "Okafor", "employeeNumber", "E-9001"))));
        ProvisioningOutcome noted = provisioning.execute(request("onboarding-agent", new ConnectorWrite.SetReasonNote("scim", login,
                "Joiner: baseline for Cash Equities approved by idn-eq-head")));
        ProvisioningOutcome disabled = provisioning.execute(request("offboarding-agent", new ConnectorWrite.DisableUser("scim", login)));

        assertThat(List.of(created, noted, disabled)).allSatisfy(outcome -> {
            assertThat(outcome.result()).isInstanceOf(ChangeResult.Applied.class);
            assertThat(outcome.confirmed()).isTrue();
            assertThat(outcome.ledgerSeqs()).extracting(seq -> ledger.entry(seq).orElseThrow().kind())
                    .containsExactly(EntryKind.EXECUTING, EntryKind.EXECUTED, EntryKind.READ_BACK);
        });
        SimulatedTenant.User user = tenant.userByLogin("scim", login).orElseThrow();
        assertThat(user.employeeNumber()).isEqualTo("E-9001");
        assertThat(user.reasonNote()).isEqualTo("Joiner: baseline for Cash Equities approved by idn-eq-head");
        assertThat(user.status()).isEqualTo(AccountStatus.DISABLED);
    }

    @Test
    void theBearerTokenAppearsInNoLogLineAndNoLedgerEntry() {
        server.close();
        serve(new StandInOptions(ScimConnectorContract.TOKEN, 5, 2, 3, Map.of()), "5");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        List<Logger> loggers = List.of(logger("io.countersign"), logger("org.glassfish"), logger("com.unboundid"), logger("jdk.internal.httpclient"));
        List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
        captured.start();
        loggers.forEach(l -> {
            l.addAppender(captured);
            l.setLevel(Level.ALL);
            l.setAdditive(false);
        });
        try {
            sync.syncDirectory("scim");
            provisioning.execute(request("offboarding-agent", new ConnectorWrite.DisableUser("scim", "idn-trader-4@bank.example")));
            provisioning.execute(request("offboarding-agent", new ConnectorWrite.DisableUser("scim", "nobody@bank.example")));
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).detachAppender(captured);
                loggers.get(i).setLevel(levels.get(i));
                loggers.get(i).setAdditive(true);
            }
        }

        assertThat(captured.list).as("the retries were logged").anyMatch(e -> e.getFormattedMessage().contains("answered 429"));
        assertThat(captured.list).noneMatch(e -> e.getFormattedMessage().contains(ScimConnectorContract.TOKEN)
                || e.getThrowableProxy() != null && ThrowableProxyUtil.asString(e.getThrowableProxy()).contains(ScimConnectorContract.TOKEN));
        String like = "%" + ScimConnectorContract.TOKEN + "%";
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry e where e::text like ?", Long.class, like)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_publication p where p::text like ?", Long.class, like)).isZero();
    }

    /** A figure for the closing note, printed rather than asserted: speed belongs in benchmarks. */
    @Test
    void measuresUsersPerSecondSyncedFromTheStandIn() {
        int extra = 3000;
        for (int i = 0; i < extra; i++) {
            tenant.createUser("scim", new SimulatedTenant.User("scim", null, String.format(Locale.ROOT, "contractor-%05d@vendor.example", i),
                    null, "Contractor", Integer.toString(i), "C-" + i, "Operations", "Analyst", "London", null, AccountStatus.ACTIVE, null, null, null));
        }
        server.close();
        serve(new StandInOptions(ScimConnectorContract.TOKEN, 0, 0, 0, Map.of()), "200");

        SyncReport report = sync.syncDirectory("scim");

        assertThat(report.merge().users()).isEqualTo(12 + extra);
        System.out.printf(Locale.ROOT, "SCIM stand-in sync: %d users in pages of 200, read %d ms (%.0f users/s), merged %d ms; %.0f users/s overall%n",
                report.merge().users(), report.readMillis(), report.merge().users() * 1000.0 / Math.max(1, report.readMillis()),
                report.mergeMillis(), report.usersPerSecond());
    }

    private void serve(StandInOptions options, String pageSize) {
        server = StandInServer.start(0, tenant, options);
        connectors.create("scim", Map.of("url", URI.create(server.baseUri() + "/scim/v2").toString(),
                "token", "file:" + ScimConnectorContract.TOKEN_FILE, "page-size", pageSize));
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    private static ProvisioningRequest request(String agent, ConnectorWrite write) {
        return new ProvisioningRequest("test", agent, "test:" + write.operation(), "identity:test", write, null, Map.of("approved", true), List.of());
    }

    /** The bank as it is, plus a {@code scim} account for everyone who has an Okta one: an application provisioned over SCIM. */
    private static DirectorySnapshot withScimAccounts(DirectorySnapshot bank) {
        List<Account> accounts = new ArrayList<>(bank.accounts());
        bank.accounts().stream().filter(a -> a.platform().equals("okta")).forEach(a -> accounts.add(new Account(
                new AccountId("acc-scim-" + a.identityId().value()), a.identityId(), "scim", a.login(), a.status(), Instant.now(), null)));
        return new DirectorySnapshot(bank.source(), bank.identities(), bank.hrRecords(), bank.applications(), bank.groups(), bank.entitlements(),
                accounts, bank.memberships(), bank.roleBundles(), bank.assignments(), bank.requestHistory());
    }
}
