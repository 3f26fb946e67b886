package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.Inbox;
import io.countersign.testing.CountersignTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the receiver makes of Graph's deliveries, stored in the real inbox. */
@CountersignTest
class EntraNotificationsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path secrets;

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcTemplate jdbc;

    private EntraNotifications notifications;

    @BeforeEach
    void aReceiverOfItsOwn() {
        jdbc.update("delete from inbox_event where platform = 'entra' and event_id like 'change:9b1e:%'");
        notifications = new EntraNotifications(inbox);
    }

    @Test
    void refusesEveryDeliveryWhileNoClientStateIsConfigured() {
        JsonNode delivery = JSON.readTree("{\"value\":[" + change(null, 1, GraphTenant.CLIENT_STATE) + "]}");
        EntraNotifications.Receipt refused = new EntraNotifications.Receipt.Refused("no notification-client-state is configured for entra");

        assertThat(notifications.receive(delivery)).isEqualTo(refused);
        try (GraphTenant graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets)) {
            Map<String, String> configuration = graph.configuration();
            configuration.remove("notification-client-state");
            notifications.use((EntraConnector) new EntraConnectorFactory(made -> { }, wait -> { }).create(configuration));
            assertThat(notifications.receive(delivery)).isEqualTo(refused);
        }
        assertThat(storedChanges()).isEmpty();
    }

    @Test
    void tellsChangesWithoutAnIdApartByTheirSequenceNumber() {
        try (GraphTenant graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets)) {
            notifications.use(graph.connector());
            String first = change(null, 10, GraphTenant.CLIENT_STATE);
            String second = change(null, 11, GraphTenant.CLIENT_STATE);

            assertThat(notifications.receive(JSON.readTree("{\"value\":[" + first + "," + second + "," + first + "]}")))
                    .isEqualTo(new EntraNotifications.Receipt.Stored(3, 2));
        }
        assertThat(storedChanges()).containsExactly("change:9b1e:Users/42:updated:seq:10", "change:9b1e:Users/42:updated:seq:11");
        assertThat(inbox.pending(100_000).stream().filter(e -> e.eventId().startsWith("change:9b1e:")).toList()).hasSize(2).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("user.updated");
            assertThat(e.target()).isEqualTo("42");
            assertThat(e.payload()).doesNotContainKey("clientState").containsKey("resourceData");
        });
    }

    private List<String> storedChanges() {
        return jdbc.queryForList("select event_id from inbox_event where platform = 'entra' and event_id like 'change:9b1e:%' order by event_id",
                String.class);
    }

    private static String change(String id, int sequence, String clientState) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"subscriptionId\":\"9b1e\",\"changeType\":\"updated\",\"resource\":\"Users/42\","
                + "\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.User\",\"id\":\"42\",\"sequenceNumber\":" + sequence + "},"
                + "\"clientState\":\"" + clientState + "\"}";
    }
}
