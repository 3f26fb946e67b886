package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.connectors.ReaderSource;
import io.countersign.directory.Directory;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API token and the event hook secret never reach a log line or a ledger entry, whatever happens: ledgered
 * writes, refusals, retried 429s and 503s, a refused token. Logs are captured at DEBUG for Countersign and the
 * Okta SDK (the HTTP client's own wire log, a debugging tool that prints headers by design, is left off).
 */
@CountersignTest
class OktaSecretsIntegrationTests {

    private static final String TOKEN = "00Qv7rTz-okta-api-token-9c41e2";
    private static final String HOOK_SECRET = "hook-secret-for-secrecy-3e8f";
    private static final List<String> LOUD = List.of("io.countersign", "com.okta");

    @Autowired Provisioning provisioning;
    @Autowired PlatformSync sync;
    @Autowired Directory directory;
    @Autowired SimulatedTenant sharedTenant;
    @Autowired ConnectorRegistry registry;
    @Autowired List<ReaderSource> readerSources;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Level> levels = new ArrayList<>();
    private final SimulatedTenant oktaOrg = new SimulatedTenant();
    private StandInServer server;

    @BeforeEach
    void captureLogsAndServeAFlakyOrg() {
        Workflows.startFrom(TestBank.snapshot(), directory, sharedTenant, jdbc);
        jdbc.execute("delete from connector_cursor");
        jdbc.execute("delete from inbox_event");
        LOUD.forEach(name -> {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
        });
        logs.start();
        root().addAppender(logs);
        oktaOrg.seed(TestBank.snapshot(), 3, 3);
        server = StandInServer.start(0, oktaOrg, new StandInOptions(TOKEN, 5, 17, 5, Map.of()));
    }

    @AfterEach
    void restore() {
        root().detachAppender(logs);
        for (int i = 0; i < LOUD.size(); i++) {
            ((Logger) LoggerFactory.getLogger(LOUD.get(i))).setLevel(levels.get(i));
        }
        server.close();
        OktaInUse.restoreSimulation(registry, readerSources);
    }

    @Test
    void theApiTokenAndHookSecretAppearInNoLogLineAndNoLedgerEntry() throws IOException {
        long before = lastLedgerSeq();
        use(TOKEN);
        List<ProvisioningOutcome> outcomes = List.of(
                write(new ConnectorWrite.DisableUser("okta", "idn-trader-4@bank.example")),
                write(new ConnectorWrite.SetReasonNote("okta", "idn-trader-4@bank.example", "Leaver: HR termination 2025-06-27")),
                write(new ConnectorWrite.RemoveMembership("okta", "idn-trader-3@bank.example", "OKTA-NO-SUCH-GROUP", null)));
        sync.pollEvents("okta", "system_log", 100);
        sync.syncDirectory("okta");
        use("wrong-" + TOKEN);
        Throwable refused = catchThrowable(() -> sync.pollEvents("okta", "system_log", 100));

        assertThat(outcomes).extracting(ProvisioningOutcome::result).hasExactlyElementsOfTypes(ChangeResult.Applied.class,
                ChangeResult.Applied.class, ChangeResult.Rejected.class);
        assertThat(refused).hasMessageContaining("401 E0000011");
        assertThat(logs.list).as("the flaky org made the retries log").anyMatch(e -> e.getFormattedMessage().contains("answered 503"));
        assertThat(logs.list).map(OktaSecretsIntegrationTests::text).noneMatch(line -> line.contains(TOKEN) || line.contains(HOOK_SECRET));
        assertThat(refused.getMessage()).doesNotContain(TOKEN);
        List<String> entries = jdbc.queryForList("select body from ledger_entry where seq > ?", String.class, before);
        assertThat(entries).hasSizeGreaterThanOrEqualTo(8).noneMatch(body -> body.contains(TOKEN) || body.contains(HOOK_SECRET));
        assertThat(jdbc.queryForList("select payload::text from inbox_event", String.class)).noneMatch(p -> p.contains(TOKEN));
    }

    @Test
    void aSecretGivenInsteadOfAReferenceIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> OktaInUse.register(registry, Map.of("url", server.baseUri().toString(), "token", TOKEN)))
                .hasMessage("countersign.connectors.okta.token: must be a reference, env:NAME or file:PATH, never the secret itself");
    }

    private ProvisioningOutcome write(ConnectorWrite write) {
        return provisioning.execute(new ProvisioningRequest("test", "offboarding-agent", "test:" + write.operation(), "identity:test", write,
                null, Map.of(), List.of()));
    }

    private Connector use(String token) throws IOException {
        return OktaInUse.register(registry, Map.of("url", server.baseUri().toString(), "token", "file:" + OktaConnectorTests.token(dir, token),
                "event-hook-secret", "file:" + OktaConnectorTests.token(dir, HOOK_SECRET), "log-since", "2000-01-01T00:00:00Z"));
    }

    private long lastLedgerSeq() {
        Long seq = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger_entry", Long.class);
        return seq == null ? 0 : seq;
    }

    private static String text(ILoggingEvent event) {
        return event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
