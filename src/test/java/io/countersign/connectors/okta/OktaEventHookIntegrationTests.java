package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Inbox;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Okta event hooks over real HTTP at {@code /hooks/okta}: the verification, the shared secret, storing first, and dedupe on the uuid. */
@CountersignTest
class OktaEventHookIntegrationTests {

    private static final String SECRET = "hook-secret-5d2e9a7c41";
    private static final String FIRST = "0b1c2d3e-0000-4000-8000-000000000001";
    private static final String SECOND = "0b1c2d3e-0000-4000-8000-000000000002";

    @Autowired Inbox inbox;
    @Autowired ConnectorRegistry registry;
    @Autowired List<ReaderSource> readerSources;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    @TempDir Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void useAnOktaOrgWithAHookSecret() throws IOException {
        jdbc.execute("delete from inbox_event");
        useOkta(URI.create("http://127.0.0.1:9"));
    }

    @AfterEach
    void restore() {
        OktaInUse.restoreSimulation(registry, readerSources);
        http.close();
    }

    @Test
    void answersTheOneTimeVerificationByEchoingTheChallenge() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(hooks()).GET().header("Authorization", SECRET)
                .header("X-Okta-Verification-Challenge", "Ypbn9Zr5Jm1xVh3Bt4Q"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"verification\":\"Ypbn9Zr5Jm1xVh3Bt4Q\"}");
    }

    @Test
    void aWrongOrMissingSecretIsAnsweredWith401AndNothingIsStored() throws Exception {
        HttpResponse<String> wrongVerification = send(HttpRequest.newBuilder(hooks()).GET().header("Authorization", "hook-secret-guess")
                .header("X-Okta-Verification-Challenge", "abc"));
        HttpResponse<String> missing = send(post(delivery(event(FIRST, "2025-06-29T10:00:00.000Z")), null));
        HttpResponse<String> wrong = send(post(delivery(event(FIRST, "2025-06-29T10:00:00.000Z")), SECRET + "x"));

        for (HttpResponse<String> response : List.of(wrongVerification, missing, wrong)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"code\":\"unauthenticated\"").doesNotContain(SECRET);
        }
        assertThat(inbox.count("okta", "system_log")).isZero();
    }

    @Test
    void aDeliveryIsStoredBeforeItIsAcknowledged() throws Exception {
        HttpResponse<String> response = send(post(delivery(event(FIRST, "2025-06-29T10:00:00.000Z"), event(SECOND, "2025-06-29T10:00:01.000Z")), SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("select event_id from inbox_event where platform = 'okta' and stream = 'system_log'", String.class))
                .containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(jdbc.queryForObject("select actor from inbox_event where event_id = ?", String.class, FIRST)).isEqualTo("ann@bank.example");
    }

    @Test
    void redeliveriesAndDeliveriesOutOfOrderStoreEachEventOnce() throws Exception {
        String first = event(FIRST, "2025-06-29T10:00:00.000Z");
        String second = event(SECOND, "2025-06-29T10:00:01.000Z");

        List<Integer> statuses = List.of(send(post(delivery(second), SECRET)).statusCode(), send(post(delivery(first, second), SECRET)).statusCode(),
                send(post(delivery(second, first), SECRET)).statusCode(), send(post(delivery(first), SECRET)).statusCode());

        assertThat(statuses).containsOnly(200);
        assertThat(inbox.count("okta", "system_log")).isEqualTo(2);
    }

    @Test
    void anUnreadableDeliveryIsRefusedWholeAndNothingOfItIsStored() throws Exception {
        String valid = event(FIRST, "2025-06-29T10:00:00.000Z");
        HttpResponse<String> truncated = send(post(delivery(valid).substring(0, 90), SECRET));
        HttpResponse<String> withoutUuid = send(post(delivery(valid, "{\"eventType\":\"user.session.start\",\"published\":\"2025-06-29T10:00:00Z\"}"), SECRET));
        HttpResponse<String> notAHook = send(post("{\"hello\":\"world\"}", SECRET));

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).contains("the event hook delivery is not valid JSON");
        assertThat(withoutUuid.statusCode()).isEqualTo(400);
        assertThat(withoutUuid.body()).contains("the event hook delivery's data.events, event 1 has no uuid");
        assertThat(notAHook.statusCode()).isEqualTo(400);
        assertThat(notAHook.body()).contains("data.events is not a JSON array of LogEvents");
        assertThat(inbox.count("okta", "system_log")).isZero();
    }

    @Test
    void withoutAnOktaOrgInUseNoDeliveryIsAccepted() throws Exception {
        OktaInUse.restoreSimulation(registry, readerSources);

        assertThat(send(post(delivery(event(FIRST, "2025-06-29T10:00:00.000Z")), SECRET)).statusCode()).isEqualTo(401);
        assertThat(inbox.count("okta", "system_log")).isZero();
    }

    @Test
    void theStandInVerifiesTheReceiverAndDeliversWhatTheOrgLogs() throws IOException {
        SimulatedTenant tenant = new SimulatedTenant();
        tenant.seed(TestBank.snapshot(), 3, 0);
        try (StandInServer server = StandInServer.start(0, tenant, new StandInOptions(OktaConnectorTests.TOKEN, 0, 0, 0,
                Map.of("okta.event-hook-url", hooks().toString(), "okta.event-hook-secret", SECRET)))) {
            Connector okta = useOkta(server.baseUri());

            okta.apply(new ConnectorWrite.DisableUser("okta", "idn-trader-3@bank.example"));
            SimulatedTenant.Event recorded = tenant.record("okta", "user.session.start", "idn-cco@bank.example", "idn-cco@bank.example",
                    "FAILURE", Map.of("reason", "INVALID_CREDENTIALS"));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select event_type || ' ' || coalesce(target, '') || ' ' || outcome from inbox_event where platform = 'okta'", String.class))
                    .containsExactlyInAnyOrder("user.lifecycle.deactivate idn-trader-3@bank.example SUCCESS",
                            "user.session.start idn-cco@bank.example FAILURE"));
            assertThat(jdbc.queryForObject("select count(*) from inbox_event where event_id = ?", Integer.class, recorded.id())).isEqualTo(1);
        }
    }

    private Connector useOkta(URI org) throws IOException {
        return OktaInUse.register(registry, Map.of("url", org.toString(), "token", "file:" + OktaConnectorTests.token(dir, OktaConnectorTests.TOKEN),
                "event-hook-secret", "file:" + OktaConnectorTests.token(dir, SECRET)));
    }

    private URI hooks() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/okta");
    }

    private HttpRequest.Builder post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hooks()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String delivery(String... events) {
        return """
                {"eventType":"com.okta.event_hook","eventTypeVersion":"1.0","cloudEventsVersion":"0.1",
                 "source":"https://bank.okta.com/api/v1/eventHooks/whoql0HfiLGPWc8Jx0g3","eventId":"b5a188b9-5ece-4636-b041-482ffda96311",
                 "eventTime":"2025-06-29T10:00:02.000Z","contentType":"application/json","data":{"events":[%s]}}""".formatted(String.join(",", events));
    }

    private static String event(String uuid, String published) {
        return """
                {"uuid":"%s","published":"%s","eventType":"user.session.start","version":"0","severity":"INFO",
                 "displayMessage":"User login to Okta","actor":{"id":"00u1","type":"User","alternateId":"ann@bank.example"},
                 "client":{"ipAddress":"10.1.2.3"},"outcome":{"result":"SUCCESS"},"target":[]}""".formatted(uuid, published);
    }
}
