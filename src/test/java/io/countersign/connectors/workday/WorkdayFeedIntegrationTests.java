package io.countersign.connectors.workday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.PollReport;
import io.countersign.simulator.BankSpec;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.simulator.SyntheticBank;
import io.countersign.testing.CountersignTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Polling the Workday-style feed of a synthetic bank over loopback HTTP, through the durable cursor. */
@CountersignTest
class WorkdayFeedIntegrationTests {

    private static final String TOKEN = "wd-" + UUID.randomUUID();
    private static final SimulatedTenant BANK = new SimulatedTenant();

    @Autowired ConnectorRegistry connectors;
    @Autowired PlatformSync sync;
    @Autowired Inbox inbox;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path dir;
    private StandInServer standIns;
    private Path tokenFile;

    @BeforeAll
    static void seedTheBank() {
        BANK.seed(new SyntheticBank().generate(new BankSpec(7, 600, 365, LocalDate.of(2026, 6, 30))).snapshot());
    }

    @BeforeEach
    void emptyTheHrInbox() throws IOException {
        jdbc.update("delete from inbox_event where platform = 'workday'");
        jdbc.update("delete from connector_cursor where platform = 'workday'");
        tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
    }

    @AfterEach
    void stopTheStandIns() {
        standIns.close();
    }

    @Test
    void aRestartInTheMiddleResumesAtTheStoredCursorWithNothingLostOrStoredTwice() {
        start(new StandInOptions(TOKEN, 20, 0, 0, Map.of()));
        int total = feedTotal();

        PollReport before = sync.pollEvents("workday", "worker_events", 2);
        connectWorkday();
        PollReport after = sync.pollEvents("workday", "worker_events", 1_000);

        assertThat(before.read()).isEqualTo(40);
        assertThat(before.cursor()).isEqualTo("40");
        assertThat(after.read()).isEqualTo(total - 40);
        assertThat(before.stored() + after.stored()).isEqualTo(total);
        assertThat(inbox.count("workday", "worker_events")).isEqualTo(total);
        assertThat(inbox.cursor("workday", "worker_events")).contains(Integer.toString(total));
        assertThat(jdbc.queryForList("select distinct event_type from inbox_event where platform = 'workday'", String.class))
                .contains("hire", "termination", "contract_end", "transfer", "leave_start", "leave_return");
        System.out.printf("workday feed: %d events in %d pages of 20 in %d ms (%.0f events/s, %.0f pages/s)%n", after.read(), after.pages(),
                after.millis(), after.eventsPerSecond(), after.pages() * 1000.0 / Math.max(1, after.millis()));
    }

    @Test
    void aPollAfterTheEndFindsNothingNewAndKeepsTheCursor() {
        start(new StandInOptions(TOKEN, 100, 0, 0, Map.of()));
        sync.pollEvents("workday", "worker_events", 1_000);

        PollReport again = sync.pollEvents("workday", "worker_events", 1_000);

        assertThat(again.read()).isZero();
        assertThat(again.stored()).isZero();
        assertThat(again.cursor()).isEqualTo(Integer.toString(feedTotal()));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithinBounds() {
        start(new StandInOptions(TOKEN, 50, 3, 4, Map.of()));

        PollReport report = sync.pollEvents("workday", "worker_events", 1_000);

        assertThat(report.stored()).isEqualTo(report.read());
        assertThat(inbox.count("workday", "worker_events")).isEqualTo(report.read());
    }

    @Test
    void aRefusedTokenFailsWithoutShowingItAndLeavesTheCursorAlone() throws IOException {
        start(new StandInOptions("another-" + TOKEN, 20, 0, 0, Map.of()));

        assertThatThrownBy(() -> sync.pollEvents("workday", "worker_events", 10))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo("workday.unauthorized");
                    assertThat(e.getMessage()).startsWith("workday feed answered 401").doesNotContain(TOKEN);
                });
        assertThat(inbox.cursor("workday", "worker_events")).isEmpty();
    }

    private void start(StandInOptions options) {
        standIns = StandInServer.start(0, BANK, options);
        connectWorkday();
    }

    private void connectWorkday() {
        connectors.create("workday", Map.of("feed-url", standIns.baseUri() + "/workday/ccx/api/v1/bank/workerEvents",
                "token", "file:" + tokenFile, "page-size", "20", "max-attempts", "5"));
    }

    private int feedTotal() {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(standIns.baseUri() + "/workday/ccx/api/v1/bank/workerEvents?limit=1")).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JsonMapper.shared().readTree(page.body()).path("total").asInt();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
