package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Event;
import io.countersign.simulator.internal.http.Exchanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the tenant's event log and posts Graph change notifications to each subscription whose resource
 * changed: {@code Users/{id}} when a user is created or updated (profile, enabled, disabled), {@code Groups/{id}}
 * when a group's members change. One POST per subscription and check, with every new notification in
 * {@code value}. A delivery is tried {@value #ATTEMPTS} times; if it still fails, the subscription's lifecycle URL
 * hears {@code missed}, as Graph tells a subscriber that it dropped notifications.
 */
final class ChangeNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifier.class);
    private static final int ATTEMPTS = 3;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    private static final long CHECK_EVERY_MILLIS = 100;

    private final SimulatedTenant tenant;
    private final String tenantId;
    private final HttpClient http;
    private final Supplier<List<GraphSubscriptions.Subscription>> subscriptions;
    private ScheduledExecutorService watcher;
    private int processed = -1;

    ChangeNotifier(SimulatedTenant tenant, String tenantId, HttpClient http, Supplier<List<GraphSubscriptions.Subscription>> subscriptions) {
        this.tenant = tenant;
        this.tenantId = tenantId;
        this.http = http;
        this.subscriptions = subscriptions;
    }

    /** Starts watching, once; only changes after the first subscription are notified. */
    synchronized void start() {
        if (watcher == null) {
            processed = tenant.eventCount(GraphUsers.PLATFORM);
            watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("graph-notifier").factory());
            watcher.scheduleWithFixedDelay(this::check, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    private void check() {
        try {
            int count = tenant.eventCount(GraphUsers.PLATFORM);
            if (count < processed) {
                processed = count;
            }
            if (count == processed) {
                return;
            }
            List<Event> fresh = tenant.events(GraphUsers.PLATFORM, processed);
            int first = processed;
            processed = count;
            for (GraphSubscriptions.Subscription subscription : subscriptions.get()) {
                List<Map<String, Object>> value = new ArrayList<>();
                for (int i = 0; i < fresh.size(); i++) {
                    if (first + i >= subscription.fromEvent()) {
                        notification(subscription, fresh.get(i), first + i).ifPresent(value::add);
                    }
                }
                if (!value.isEmpty()) {
                    deliver(subscription, value);
                }
            }
        } catch (RuntimeException e) {
            log.warn("graph stand-in could not send change notifications: {}", e.toString());
        }
    }

    /** What an event changed: a user or group (by {@code resource}, {@code users} or {@code groups}) and how. */
    private record Change(String resource, String id, String changeType) { }

    private Optional<Map<String, Object>> notification(GraphSubscriptions.Subscription s, Event e, int sequence) {
        Change change = changed(e).orElse(null);
        if (change == null || !change.resource().equals(s.resource()) || !s.changeTypes().contains(change.changeType())) {
            return Optional.empty();
        }
        String kind = s.resource().equals("users") ? "User" : "Group";
        String path = (s.resource().equals("users") ? "Users/" : "Groups/") + change.id();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@odata.type", "#Microsoft.Graph." + kind);
        data.put("@odata.id", path);
        data.put("id", change.id());
        data.put("organizationId", tenantId);
        data.put("sequenceNumber", sequence);
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("id", GraphRecords.guid("notification:" + s.id() + ":" + e.id()));
        notification.put("subscriptionId", s.id());
        notification.put("subscriptionExpirationDateTime", GraphRecords.millis(s.expiration()));
        notification.put("changeType", change.changeType());
        notification.put("resource", path);
        notification.put("resourceData", data);
        notification.put("clientState", s.clientState());
        notification.put("tenantId", tenantId);
        return Optional.of(notification);
    }

    private Optional<Change> changed(Event e) {
        if (e.type().startsWith("user.lifecycle.") || e.type().startsWith("user.account.")) {
            return tenant.userByLogin(GraphUsers.PLATFORM, e.targetLogin())
                    .map(u -> new Change("users", u.externalId(), e.type().equals("user.lifecycle.create") ? "created" : "updated"));
        }
        if (e.type().startsWith("group.user_membership.")) {
            Object group = e.details().get("group");
            return tenant.groups(GraphUsers.PLATFORM).stream().filter(g -> g.name().equals(group)).findFirst()
                    .map(g -> new Change("groups", g.externalId(), "updated"));
        }
        return Optional.empty();
    }

    private void deliver(GraphSubscriptions.Subscription s, List<Map<String, Object>> value) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (post(s.notificationUrl(), Map.of("value", value))) {
                return;
            }
        }
        log.warn("graph stand-in dropped {} notifications for subscription {} after {} attempts", value.size(), s.id(), ATTEMPTS);
        if (s.lifecycleNotificationUrl() != null) {
            Map<String, Object> missed = new LinkedHashMap<>();
            missed.put("lifecycleEvent", "missed");
            missed.put("subscriptionId", s.id());
            missed.put("subscriptionExpirationDateTime", GraphRecords.millis(s.expiration()));
            missed.put("clientState", s.clientState());
            missed.put("tenantId", tenantId);
            post(s.lifecycleNotificationUrl(), Map.of("value", List.of(missed)));
        }
    }

    private boolean post(URI url, Object body) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(DELIVERY_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Exchanges.JSON.writeValueAsBytes(body))).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
