package io.countersign.connectors.entra;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft Graph change notifications for Entra ID users and groups: subscribing, and what the receiver at
 * {@code /hooks/graph} does with what Graph posts.
 *
 * <p>A delivery is authenticated by the {@code clientState} every notification in it must carry, compared with
 * the {@code notification-client-state} of the latest Entra connector made; one missing or wrong value refuses
 * the whole delivery and stores nothing. Accepted notifications are stored in the {@link Inbox} (stream
 * {@value #STREAM}, their {@code clientState} removed) before Graph is answered, deduplicated on subscription,
 * resource, change type and the notification's own id (or, where Graph sends none, its sequence number), so a
 * redelivery stores nothing. Lifecycle notifications are stored and logged; {@code missed} also raises the
 * re-sync request ({@link #resyncRequestedAt()}), since Graph dropped changes that only a full directory read
 * recovers. Nothing here writes to a platform or to the ledger.
 */
@Service
public class EntraNotifications {

    static final String STREAM = "change_notifications";
    private static final Logger log = LoggerFactory.getLogger(EntraNotifications.class);

    private final Inbox inbox;
    private final AtomicReference<EntraConnector> connector = new AtomicReference<>();
    private final AtomicReference<Instant> resyncRequested = new AtomicReference<>();

    EntraNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    void use(EntraConnector latest) {
        connector.set(latest);
    }

    /**
     * Subscribes the latest Entra connector to changes of users and groups, delivered (with lifecycle notifications)
     * to {@code notificationUrl}, which Graph validates before it answers. Returns the subscription ids.
     */
    public List<String> subscribe(URI notificationUrl, Duration lifetime) {
        EntraConnector current = connector.get();
        if (current == null) {
            throw new ConnectorException("connector.unknown", "no entra connector is configured");
        }
        return current.subscribe(notificationUrl, lifetime);
    }

    /** When Graph last reported {@code missed} notifications that no full directory read has answered yet. */
    public Optional<Instant> resyncRequestedAt() {
        return Optional.ofNullable(resyncRequested.get());
    }

    /** Records that a full directory read answered the request made at {@code requestedAt}; a later request stays. */
    public void resynced(Instant requestedAt) {
        resyncRequested.compareAndSet(requestedAt, null);
    }

    /** What became of a delivery. */
    sealed interface Receipt {

        record Stored(int received, int stored) implements Receipt { }

        record Refused(String reason) implements Receipt { }

        record Malformed(String reason) implements Receipt { }
    }

    Receipt receive(JsonNode delivery) {
        EntraConnector current = connector.get();
        if (current == null || !current.notificationsConfigured()) {
            return new Receipt.Refused("no notification-client-state is configured for entra");
        }
        JsonNode value = delivery == null ? null : delivery.get("value");
        if (value == null || !value.isArray() || value.isEmpty()) {
            return new Receipt.Malformed("a Graph notification delivery needs a non-empty value array");
        }
        for (JsonNode notification : value) {
            JsonNode state = notification.get("clientState");
            if (!current.clientStateMatches(state == null || !state.isString() ? null : state.asString())) {
                return new Receipt.Refused("a notification's clientState is missing or wrong");
            }
        }
        List<GraphNotification> notifications = new ArrayList<>();
        for (JsonNode notification : value) {
            Optional<GraphNotification> parsed = GraphNotification.of(notification, Instant.now());
            if (parsed.isEmpty()) {
                return new Receipt.Malformed("a notification has neither changeType nor lifecycleEvent, or no subscriptionId");
            }
            notifications.add(parsed.get());
        }
        int stored = 0;
        for (GraphNotification notification : notifications) {
            boolean isNew = inbox.store(List.of(notification.event())) == 1;
            stored += isNew ? 1 : 0;
            if (isNew && notification.lifecycleEvent() != null) {
                lifecycle(notification);
            }
        }
        return new Receipt.Stored(value.size(), stored);
    }

    private void lifecycle(GraphNotification notification) {
        InboundEvent event = notification.event();
        log.warn("Graph subscription {} reports {}", event.target(), notification.lifecycleEvent());
        if (notification.lifecycleEvent().equals("missed")) {
            resyncRequested.set(event.occurredAt());
        }
    }
}
