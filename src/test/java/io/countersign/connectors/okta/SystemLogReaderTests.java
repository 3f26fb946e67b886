package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.ResilientHttp;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.TestBank;
import org.junit.jupiter.api.Test;

/**
 * Polling Okta's System Log: against the stand-in for the paging, and against scripted answers for what goes
 * wrong (429 storms, 5xx, a server that never answers, malformed and truncated pages, links to other hosts).
 */
class SystemLogReaderTests {

    private static final String TOKEN = OktaConnectorTests.TOKEN;
    private static final OktaSettings.LogSince FROM_THE_START = new OktaSettings.LogSince.At(Instant.parse("2000-01-01T00:00:00Z"));
    private static final String ONE_EVENT = """
            [{"uuid":"9f1c3e52-0d2a-4c1e-9a51-5b8f2f0c7a11","published":"2025-06-29T10:15:30.123Z","eventType":"user.session.start",
              "actor":{"id":"00u1","type":"User","alternateId":"ann@bank.example"},"outcome":{"result":"FAILURE","reason":"INVALID_CREDENTIALS"},
              "client":{"ipAddress":"198.51.100.7","geographicalContext":{"city":"Lisbon","country":"Portugal"}},
              "target":[{"id":"00u1","type":"User","alternateId":"ann@bank.example"}],"severity":"WARN",
              "newFieldOktaAddsNextYear":{"nested":true},"debugContext":{"debugData":{"requestUri":"/login/do-login"}}}]""";

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Test
    void followsTheNextLinksToAnEmptyPageWhoseLinkThenYieldsOnlyWhatIsNew() {
        SimulatedTenant tenant = new SimulatedTenant();
        tenant.seed(TestBank.snapshot(), 5, 4);
        try (StandInServer server = StandInServer.start(0, tenant, new StandInOptions(TOKEN, 10, 0, 0, Map.of()))) {
            SystemLogReader reader = reader(server.baseUri(), policy(3, Duration.ofMillis(10)));
            List<InboundEvent> read = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            EventPage page;
            int pages = 0;
            do {
                page = reader.read(cursor);
                read.addAll(page.events());
                cursor = Optional.of(page.nextCursor());
                pages++;
            } while (page.more());

            assertThat(pages).isEqualTo(6);
            assertThat(page.events()).isEmpty();
            assertThat(page.nextCursor()).startsWith(server.baseUri() + "/api/v1/logs?");
            assertThat(read).extracting(InboundEvent::eventId).containsExactlyElementsOf(tenant.events("okta", 0).stream().map(SimulatedTenant.Event::id).toList());
            SimulatedTenant.Event added = tenant.record("okta", "user.session.start", "idn-cco@bank.example", "idn-cco@bank.example", "SUCCESS", Map.of());
            assertThat(reader.read(cursor).events()).extracting(InboundEvent::eventId).containsExactly(added.id());
        }
    }

    @Test
    void mapsALogEventKeepingFieldsOktaAddsAndDroppingTheDebugContext() throws IOException {
        try (ScriptedServer okta = new ScriptedServer(page(ONE_EVENT, "/api/v1/logs?after=1"))) {
            InboundEvent event = reader(okta.base(), policy(1, Duration.ofMillis(10))).read(Optional.empty()).events().getFirst();

            assertThat(event).isEqualTo(new InboundEvent("okta", "9f1c3e52-0d2a-4c1e-9a51-5b8f2f0c7a11", "system_log", "user.session.start",
                    Instant.parse("2025-06-29T10:15:30.123Z"), "ann@bank.example", "ann@bank.example", "FAILURE", "198.51.100.7", event.payload()));
            assertThat(event.payload()).containsEntry("newFieldOktaAddsNextYear", Map.of("nested", true)).containsEntry("severity", "WARN")
                    .doesNotContainKey("debugContext");
            assertThat(okta.requests().getFirst().uri()).startsWith("/api/v1/logs?sortOrder=ASCENDING&limit=1000&since=2000-01-01T00%3A00%3A00Z");
            assertThat(okta.requests().getFirst().authorization()).isEqualTo("SSWS " + TOKEN);
        }
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenReadsThePage() throws IOException {
        try (ScriptedServer okta = new ScriptedServer(
                new ScriptedServer.Answer(429, Map.of("Retry-After", "1"), "{\"errorCode\":\"E0000047\"}"), page(ONE_EVENT, "/api/v1/logs?after=1"))) {
            EventPage page = reader(okta.base(), policy(3, Duration.ofSeconds(20))).read(Optional.empty());

            assertThat(page.events()).hasSize(1);
            assertThat(waits).containsExactly(Duration.ofSeconds(1));
        }
    }

    @Test
    void waitsForOktasRateLimitResetRatherThanItsOwnBackoff() {
        SimulatedTenant tenant = new SimulatedTenant();
        tenant.seed(TestBank.snapshot(), 5, 1);
        try (StandInServer server = StandInServer.start(0, tenant, new StandInOptions(TOKEN, 0, 1, 0, Map.of()))) {
            SystemLogReader reader = reader(server.baseUri(), policy(2, Duration.ofSeconds(20)));

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> reader.read(Optional.empty()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo("okta.rate-limited"))
                    .hasMessageContaining("429 E0000047 API call exceeded rate limit due to too many requests."));
            assertThat(waits).hasSize(1).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(2)));
        }
    }

    @Test
    void aStormOf429sEndsAfterTheBoundedAttemptsWithOktasError() throws IOException {
        try (ScriptedServer okta = new ScriptedServer(new ScriptedServer.Answer(429, Map.of("Retry-After", "0"),
                "{\"errorCode\":\"E0000047\",\"errorSummary\":\"API call exceeded rate limit due to too many requests.\",\"errorCauses\":[]}"))) {
            SystemLogReader reader = reader(okta.base(), policy(4, Duration.ofMillis(10)));

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> reader.read(Optional.empty()))
                    .isInstanceOf(ConnectorException.class).hasMessageContaining("failed: 429 E0000047"));
            assertThat(okta.requests()).hasSize(4);
        }
    }

    @Test
    void serverErrorsAreRetriedWithinBoundsAndThenReported() throws IOException {
        try (ScriptedServer flaky = new ScriptedServer(ScriptedServer.Answer.json(503, ""), ScriptedServer.Answer.json(502, "<html>bad gateway</html>"),
                page(ONE_EVENT, "/api/v1/logs?after=1"));
             ScriptedServer down = new ScriptedServer(ScriptedServer.Answer.json(500, "{\"errorCode\":\"E0000009\",\"errorSummary\":\"Internal Server Error\"}"))) {
            assertThat(reader(flaky.base(), policy(3, Duration.ofMillis(10))).read(Optional.empty()).events()).hasSize(1);
            assertThatThrownBy(() -> reader(down.base(), policy(3, Duration.ofMillis(10))).read(Optional.empty()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo("okta.unavailable"))
                    .hasMessageEndingWith("failed: 500 E0000009 Internal Server Error");
            assertThat(down.requests()).hasSize(3);
        }
    }

    @Test
    void aServerErrorIsRetriedOnItsOwnBackoffNotAtTheEndOfTheRateLimitWindow() throws IOException {
        String windowEnd = Long.toString(Instant.now().getEpochSecond() + 3600);
        try (ScriptedServer okta = new ScriptedServer(new ScriptedServer.Answer(503, Map.of("X-Rate-Limit-Remaining", "599",
                "X-Rate-Limit-Reset", windowEnd), ""), page(ONE_EVENT, "/api/v1/logs?after=1"))) {
            assertThat(reader(okta.base(), policy(2, Duration.ofMillis(10))).read(Optional.empty()).events()).hasSize(1);
            assertThat(waits).hasSize(1).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(10)));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutEachTryAndGivesUpAfterTheLast() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ResilientHttp http = new ResilientHttp(HttpClient.newHttpClient(),
                    new ResilientHttp.Policy(2, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMillis(300)), waits::add);
            SystemLogReader reader = new SystemLogReader(URI.create("http://127.0.0.1:" + silent.getLocalPort()), TOKEN, FROM_THE_START, http);

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> reader.read(Optional.empty()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo("connector.unreachable"))
                    .hasMessageContaining("failed 2 times: HttpTimeoutException"));
        }
    }

    @Test
    void malformedOrTruncatedPagesAreRefusedWithAClearError() throws IOException {
        try (ScriptedServer okta = new ScriptedServer(page(ONE_EVENT.substring(0, 120), "/x"), page("{\"errorCode\":null}", "/x"),
                page("[{\"published\":\"2025-06-29T10:15:30Z\",\"eventType\":\"user.session.start\"}]", "/x"), page("", "/x"))) {
            SystemLogReader reader = reader(okta.base(), policy(1, Duration.ofMillis(10)));
            String at = "the System Log page at " + okta.base() + "/api/v1/logs?sortOrder=ASCENDING&limit=1000&since=2000-01-01T00%3A00%3A00Z";

            assertMalformed(reader, at + " is not valid JSON: Unexpected end-of-input");
            assertMalformed(reader, at + " is not a JSON array of LogEvents");
            assertMalformed(reader, at + ", event 0 has no uuid");
            assertMalformed(reader, at + " is empty");
        }
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedSoTheTokenStaysWithTheOrg() throws IOException {
        try (ScriptedServer okta = new ScriptedServer(new ScriptedServer.Answer(200,
                Map.of("Content-Type", "application/json", "Link", "<https://collector.example/api/v1/logs?after=1>; rel=\"next\""), "[]"))) {
            assertThatThrownBy(() -> reader(okta.base(), policy(1, Duration.ofMillis(10))).read(Optional.empty()))
                    .hasMessage("the System Log link to https://collector.example is not on the org " + okta.base()
                            + "; the API token is sent only to the org");
            assertThatThrownBy(() -> reader(okta.base(), policy(1, Duration.ofMillis(10))).read(Optional.of("http://127.0.0.2:9/api/v1/logs")))
                    .hasMessageContaining("is not on the org");
            assertThat(okta.requests()).hasSize(1);
        }
    }

    private void assertMalformed(SystemLogReader reader, String message) {
        assertThatThrownBy(() -> reader.read(Optional.empty())).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo("okta.malformed")).hasMessageStartingWith(message);
    }

    private static ScriptedServer.Answer page(String body, String next) {
        return new ScriptedServer.Answer(200, Map.of("Content-Type", "application/json", "Link", "<{base}" + next + ">; rel=\"next\""), body);
    }

    private ResilientHttp.Policy policy(int attempts, Duration baseDelay) {
        return new ResilientHttp.Policy(attempts, baseDelay, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    private SystemLogReader reader(URI org, ResilientHttp.Policy policy) {
        return new SystemLogReader(org, TOKEN, FROM_THE_START, new ResilientHttp(HttpClient.newHttpClient(), policy, waits::add));
    }
}
