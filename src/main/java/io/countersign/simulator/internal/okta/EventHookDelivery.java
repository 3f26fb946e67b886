package io.countersign.simulator.internal.okta;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Event;
import io.countersign.simulator.internal.http.Exchanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Okta's event hooks: the one-time verification {@code GET} (the receiver must echo the
 * {@code X-Okta-Verification-Challenge} header as {@code {"verification": ...}}), then every event the tenant logs
 * from then on, {@code POST}ed in batches in Okta's envelope ({@code data.events[]}) with the configured
 * authorization header. Like Okta, it waits at most 3 seconds for an answer and tries a failed batch once more
 * before moving on. It watches the tenant's log, so changes made through the tenant directly are delivered too.
 */
final class EventHookDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventHookDelivery.class);
    private static final int BATCH = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final SimulatedTenant tenant;
    private final URI url;
    private final Optional<String> authorization;
    private final String hookId = "who" + OktaExchange.randomId(17);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService executor;
    private boolean verified;
    private boolean complained;
    private int position;
    private int failures;

    EventHookDelivery(SimulatedTenant tenant, URI url, Optional<String> authorization, Duration interval) {
        this.tenant = tenant;
        this.url = url;
        this.authorization = authorization;
        this.position = tenant.eventCount(OktaStandIn.PLATFORM);
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("okta-event-hooks").factory());
        executor.scheduleWithFixedDelay(this::deliverPending, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void deliverPending() {
        try {
            if (!verified) {
                verified = verify();
                if (!verified) {
                    return;
                }
            }
            List<Event> pending = tenant.events(OktaStandIn.PLATFORM, position);
            while (!pending.isEmpty()) {
                List<Event> batch = pending.subList(0, Math.min(BATCH, pending.size()));
                if (!deliver(batch) && ++failures < 2) {
                    return;
                }
                failures = 0;
                position += batch.size();
                pending = pending.subList(batch.size(), pending.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("event hook delivery to {} failed: {}", url, e.toString());
        }
    }

    /** Asks the receiver to echo a challenge; until it does, nothing is delivered (it is asked again at the next tick). */
    private boolean verify() throws InterruptedException {
        String challenge = OktaExchange.randomId(32);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().header("X-Okta-Verification-Challenge", challenge);
        authorization.ifPresent(value -> request.header("Authorization", value));
        String outcome;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && challenge.equals(verification(response.body()))) {
                return true;
            }
            outcome = "answered " + response.statusCode();
        } catch (IOException e) {
            outcome = "failed: " + e;
        }
        if (!complained) {
            log.warn("event hook {} is not verified yet: the verification request to {} {}", hookId, url, outcome);
            complained = true;
        }
        return false;
    }

    private static String verification(String body) {
        try {
            return Exchanges.JSON.readTree(body).path("verification").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private boolean deliver(List<Event> batch) throws InterruptedException {
        LogEventJson json = new LogEventJson(tenant);
        Map<String, Object> envelope = OktaResources.object("eventType", "com.okta.event_hook", "eventTypeVersion", "1.0",
                "cloudEventsVersion", "0.1", "source", "/api/v1/eventHooks/" + hookId, "eventId", UUID.randomUUID().toString(),
                "data", Map.of("events", batch.stream().map(json::event).toList()), "eventTime", OktaResources.time(Instant.now()),
                "contentType", "application/json");
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(Exchanges.JSON.writeValueAsBytes(envelope)));
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.warn("event hook {} delivery of {} events to {} answered {}", hookId, batch.size(), url, status);
            }
            return status / 100 == 2;
        } catch (IOException e) {
            log.warn("event hook {} delivery of {} events to {} failed: {}", hookId, batch.size(), url, e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        http.close();
    }
}
