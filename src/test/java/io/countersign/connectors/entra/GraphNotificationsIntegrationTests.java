package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.countersign.connectors.ConnectorRegistry;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.testing.CountersignTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The receiver at {@code /hooks/graph}, over real HTTP: the validation handshake, client state, deduplication, lifecycle. */
@CountersignTest
class GraphNotificationsIntegrationTests {

    @Autowired ConnectorRegistry registry;
    @Autowired SimulatedTenant tenant;
    @Autowired EntraNotifications notifications;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @TempDir
    Path secrets;

    private EntraRegistration entra;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String subscription = UUID.randomUUID().toString();

    @BeforeEach
    void connect() {
        tenant.seed(GraphTenant.bank(60).snapshot());
        jdbc.update("delete from inbox_event where platform = 'entra'");
        entra = new EntraRegistration(registry, tenant, GraphTenant.options(), secrets);
    }

    @AfterEach
    void stop() {
        entra.close();
        http.close();
    }

    @Test
    void answersTheValidationHandshakeWithTheTokenAsPlainText() throws Exception {
        String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();

        HttpResponse<String> answer = post("?validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8), "text/plain", "");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(answer.body()).isEqualTo(token);
    }

    @Test
    void refusesADeliveryWithAMissingOrWrongClientStateAndStoresNothing() throws Exception {
        String wrong = "{\"value\":[" + change("1", "Users/a", GraphTenant.CLIENT_STATE) + "," + change("2", "Users/b", "guess") + "]}";
        String missing = "{\"value\":[" + change("3", "Users/c", null) + "]}";

        for (String delivery : List.of(wrong, missing)) {
            HttpResponse<String> answer = post("", "application/json", delivery);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"hook.unauthenticated\"").contains("clientState is missing or wrong");
        }
        assertThat(stored()).isZero();
    }

    @Test
    void storesEachNotificationOnceWhateverTheOrderOfRedeliveries() throws Exception {
        String a = change("n-a", "Users/a", GraphTenant.CLIENT_STATE);
        String b = change("n-b", "Users/b", GraphTenant.CLIENT_STATE);
        String c = change("n-c", "Groups/c", GraphTenant.CLIENT_STATE);
        String d = change("n-d", "Groups/d", GraphTenant.CLIENT_STATE);

        assertThat(post("", "application/json", "{\"value\":[" + a + "," + b + "," + c + "]}").statusCode()).isEqualTo(202);
        assertThat(post("", "application/json", "{\"value\":[" + c + "," + a + "]}").statusCode()).isEqualTo(202);
        assertThat(post("", "application/json", "{\"value\":[" + d + "," + b + "]}").statusCode()).isEqualTo(202);

        assertThat(stored()).isEqualTo(4);
        assertThat(jdbc.queryForList("select event_type from inbox_event where platform = 'entra' order by event_type", String.class))
                .containsExactly("group.updated", "group.updated", "user.updated", "user.updated");
        assertThat(jdbc.queryForList("select payload::text from inbox_event where platform = 'entra'", String.class))
                .noneMatch(payload -> payload.contains(GraphTenant.CLIENT_STATE));
    }

    @Test
    void storesLifecycleNotificationsAndAMissedOneAsksForAResync() throws Exception {
        String reauthorize = lifecycle("reauthorizationRequired");
        String missed = lifecycle("missed");
        notifications.resyncRequestedAt().ifPresent(notifications::resynced);

        assertThat(post("", "application/json", "{\"value\":[" + reauthorize + "," + missed + "]}").statusCode()).isEqualTo(202);

        assertThat(jdbc.queryForList("select event_type from inbox_event where platform = 'entra' order by event_type", String.class))
                .containsExactly("lifecycle.missed", "lifecycle.reauthorizationRequired");
        assertThat(notifications.resyncRequestedAt()).isPresent();
        notifications.resynced(notifications.resyncRequestedAt().orElseThrow());
        assertThat(post("", "application/json", "{\"value\":[" + missed + "]}").statusCode()).isEqualTo(202);
        assertThat(notifications.resyncRequestedAt()).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotANotificationDelivery() throws Exception {
        assertThat(post("", "application/json", "{\"value\":").statusCode()).isEqualTo(400);
        assertThat(post("", "application/json", "{\"value\":[]}").statusCode()).isEqualTo(400);
        HttpResponse<String> neither = post("", "application/json", "{\"value\":[{\"subscriptionId\":\"" + subscription + "\",\"clientState\":\""
                + GraphTenant.CLIENT_STATE + "\"}]}");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("\"code\":\"hook.malformed\"");
        assertThat(stored()).isZero();
    }

    @Test
    void graphValidatesOurEndpointOnSubscribingThenDeliversChangesToUsersAndGroups() {
        SimulatedTenant.User user = tenant.users("entra").getFirst();
        SimulatedTenant.Group group = tenant.groups("entra").stream().filter(g -> !g.members().contains(user.externalId())).findFirst().orElseThrow();

        List<String> subscriptions = notifications.subscribe(URI.create("http://127.0.0.1:" + port + "/hooks/graph"), Duration.ofHours(1));
        tenant.disable("entra", user.login());
        tenant.addMember("entra", group.name(), user.login());

        assertThat(subscriptions).hasSize(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select event_type || ' ' || target from inbox_event where platform = 'entra' and stream = 'change_notifications'", String.class))
                .contains("user.updated " + user.externalId(), "group.updated " + group.externalId()));
    }

    private long stored() {
        Long count = jdbc.queryForObject("select count(*) from inbox_event where platform = 'entra'", Long.class);
        return count == null ? 0 : count;
    }

    private String change(String id, String resource, String clientState) {
        return "{\"id\":\"" + id + "\",\"subscriptionId\":\"" + subscription + "\",\"subscriptionExpirationDateTime\":\"2026-12-01T00:00:00Z\","
                + "\"changeType\":\"updated\",\"resource\":\"" + resource + "\",\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.User\","
                + "\"id\":\"" + resource.substring(resource.indexOf('/') + 1) + "\"},\"tenantId\":\"" + "5a1c3e7f-2b4d-4f60-8a9b-0c1d2e3f4a5b" + "\""
                + (clientState == null ? "" : ",\"clientState\":\"" + clientState + "\"") + "}";
    }

    private String lifecycle(String event) {
        return "{\"lifecycleEvent\":\"" + event + "\",\"subscriptionId\":\"" + subscription + "\",\"subscriptionExpirationDateTime\":"
                + "\"2026-12-01T00:00:00Z\",\"clientState\":\"" + GraphTenant.CLIENT_STATE + "\",\"tenantId\":\"bank\"}";
    }

    private HttpResponse<String> post(String query, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/graph" + query)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
