package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.PollReport;
import io.countersign.connectors.ReaderSource;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Polling the Okta stand-in's System Log into the inbox: resumable from the stored next link, idempotent, and all-or-nothing per page. */
@CountersignTest
class OktaPollingIntegrationTests {

    private static final String STREAM = "system_log";

    @Autowired PlatformSync sync;
    @Autowired Inbox inbox;
    @Autowired ConnectorRegistry registry;
    @Autowired List<ReaderSource> readerSources;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path dir;

    private final SimulatedTenant tenant = new SimulatedTenant();
    private StandInServer server;

    @BeforeEach
    void serveTheTestBank() {
        jdbc.execute("delete from connector_cursor");
        jdbc.execute("delete from inbox_event");
        tenant.seed(TestBank.snapshot(), 13, 5);
        server = StandInServer.start(0, tenant, new StandInOptions(OktaConnectorTests.TOKEN, 7, 0, 0, Map.of()));
    }

    @AfterEach
    void stop() {
        server.close();
        OktaInUse.restoreSimulation(registry, readerSources);
    }

    @Test
    void aRestartInTheMiddleOfPagingLosesNothingAndStoresNothingTwice() throws IOException {
        useOkta(server, Map.of());
        PollReport first = sync.pollEvents("okta", STREAM, 2);
        String cursor = inbox.cursor("okta", STREAM).orElseThrow();

        useOkta(server, Map.of());
        PollReport rest = sync.pollEvents("okta", STREAM, 100);

        int total = tenant.eventCount("okta");
        assertThat(first.stored()).isEqualTo(14);
        assertThat(cursor).startsWith(server.baseUri() + "/api/v1/logs?").contains("after=13");
        assertThat(first.stored() + rest.stored()).isEqualTo(total);
        assertThat(rest.read()).isEqualTo(total - first.read());
        assertThat(inbox.count("okta", STREAM)).isEqualTo(total);
        assertThat(jdbc.queryForList("select event_id from inbox_event where platform = 'okta' order by occurred_at, event_id", String.class))
                .containsExactlyInAnyOrderElementsOf(tenant.events("okta", 0).stream().map(SimulatedTenant.Event::id).toList());
    }

    @Test
    void aPollAfterTheLastPageFindsOnlyWhatHappenedSince() throws IOException {
        useOkta(server, Map.of());
        sync.pollEvents("okta", STREAM, 100);

        SimulatedTenant.Event added = tenant.record("okta", "user.lifecycle.deactivate", "admin@bank.example", "idn-trader-4@bank.example",
                "SUCCESS", Map.of());
        PollReport next = sync.pollEvents("okta", STREAM, 100);

        assertThat(next.read()).isEqualTo(1);
        assertThat(next.stored()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select event_type from inbox_event where event_id = ?", String.class, added.id()))
                .isEqualTo("user.lifecycle.deactivate");
    }

    @Test
    void readingTheLogAgainFromTheStartStoresNothingNew() throws IOException {
        useOkta(server, Map.of());
        sync.pollEvents("okta", STREAM, 100);
        jdbc.execute("delete from connector_cursor");

        PollReport again = sync.pollEvents("okta", STREAM, 100);

        assertThat(again.read()).isEqualTo(tenant.eventCount("okta"));
        assertThat(again.stored()).isZero();
    }

    @Test
    void aRateLimitStormStopsThePollWithoutStoringAPageOrMovingTheCursor() throws IOException {
        try (StandInServer stormy = StandInServer.start(0, tenant, new StandInOptions(OktaConnectorTests.TOKEN, 7, 1, 0, Map.of()))) {
            useOkta(stormy, Map.of("max-attempts", "2"));

            assertThatThrownBy(() -> sync.pollEvents("okta", STREAM, 100)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.code()).isEqualTo("okta.rate-limited"));
            assertThat(inbox.count("okta", STREAM)).isZero();
            assertThat(inbox.cursor("okta", STREAM)).isEmpty();
        }
    }

    @Test
    void serverErrorsOnTheWayAreRetriedAndEveryEventStillArrivesOnce() throws IOException {
        try (StandInServer flaky = StandInServer.start(0, tenant, new StandInOptions(OktaConnectorTests.TOKEN, 7, 0, 3, Map.of()))) {
            useOkta(flaky, Map.of());

            PollReport report = sync.pollEvents("okta", STREAM, 100);

            assertThat(report.stored()).isEqualTo(tenant.eventCount("okta"));
        }
    }

    @Test
    void aTruncatedPageIsRefusedAndNothingOfItIsStored() throws IOException {
        try (ScriptedServer okta = new ScriptedServer(new ScriptedServer.Answer(200, Map.of("Content-Type", "application/json",
                "Link", "<{base}/api/v1/logs?after=9>; rel=\"next\""), "[{\"uuid\":\"a1\",\"published\":\"2025-06-29T10:15:30Z\",\"eventType\":\"user.se"))) {
            useOkta(okta.base(), Map.of());

            assertThatThrownBy(() -> sync.pollEvents("okta", STREAM, 100)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.code()).isEqualTo("okta.malformed")).hasMessageContaining("is not valid JSON");
            assertThat(inbox.count("okta", STREAM)).isZero();
            assertThat(inbox.cursor("okta", STREAM)).isEmpty();
        }
    }

    private void useOkta(StandInServer org, Map<String, String> extra) throws IOException {
        useOkta(org.baseUri(), extra);
    }

    private void useOkta(java.net.URI org, Map<String, String> extra) throws IOException {
        Map<String, String> configuration = new java.util.HashMap<>(Map.of("url", org.toString(),
                "token", "file:" + OktaConnectorTests.token(dir, OktaConnectorTests.TOKEN), "log-since", "2000-01-01T00:00:00Z"));
        configuration.putAll(extra);
        OktaInUse.register(registry, configuration);
    }
}
