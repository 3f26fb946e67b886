package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.Inbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the receiver makes of Graph's deliveries, with an inbox held in memory. */
class EntraNotificationsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path secrets;

    private final MemoryInbox inbox = new MemoryInbox();
    private final EntraNotifications notifications = new EntraNotifications(inbox);

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
        assertThat(inbox.events).isEmpty();
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
        assertThat(inbox.events.keySet()).containsExactly("change:9b1e:Users/42:updated:seq:10", "change:9b1e:Users/42:updated:seq:11");
        assertThat(inbox.events.values()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("user.updated");
            assertThat(e.target()).isEqualTo("42");
            assertThat(e.payload()).doesNotContainKey("clientState").containsKey("resourceData");
        });
    }

    private static String change(String id, int sequence, String clientState) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"subscriptionId\":\"9b1e\",\"changeType\":\"updated\",\"resource\":\"Users/42\","
                + "\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.User\",\"id\":\"42\",\"sequenceNumber\":" + sequence + "},"
                + "\"clientState\":\"" + clientState + "\"}";
    }

    /** An inbox in memory: unique on event id, as the real one is. */
    private static final class MemoryInbox implements Inbox {

        final Map<String, InboundEvent> events = new LinkedHashMap<>();

        @Override
        public int store(List<InboundEvent> batch) {
            int stored = 0;
            for (InboundEvent event : batch) {
                stored += events.putIfAbsent(event.eventId(), event) == null ? 1 : 0;
            }
            return stored;
        }

        @Override
        public int storePage(String platform, String stream, EventPage page) {
            return store(page.events());
        }

        @Override
        public Optional<String> cursor(String platform, String stream) {
            return Optional.empty();
        }

        @Override
        public List<InboundEvent> pending(int limit) {
            return new ArrayList<>(events.values());
        }

        @Override
        public void markProcessed(String platform, String eventId) {
        }

        @Override
        public long count(String platform, String stream) {
            return events.size();
        }
    }
}
