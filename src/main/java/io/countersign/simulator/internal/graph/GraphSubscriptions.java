package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.countersign.simulator.SimulatedTenant;

/**
 * {@code /subscriptions}: change notifications for {@code users} and {@code groups}. Creating one first
 * validates the notification URL as Graph does (a POST with {@code ?validationToken=…} that must be echoed as
 * {@code text/plain} with a 200 within 10 s), and the lifecycle notification URL too when it differs; the
 * {@link ChangeNotifier} then posts notifications, with the subscription's {@code clientState}, whenever users or
 * groups change in the tenant, however they were changed.
 */
final class GraphSubscriptions implements GraphResource {

    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_MINUTES = 41_760;
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");

    /** A subscription; {@code fromEvent} is the tenant's log length when it was made, so it hears of later changes only. */
    record Subscription(String id, String resource, Set<String> changeTypes, URI notificationUrl, URI lifecycleNotificationUrl,
                        String clientState, Instant expiration, int fromEvent) {
    }

    private final SimulatedTenant tenant;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final ChangeNotifier notifier;

    GraphSubscriptions(SimulatedTenant tenant, String tenantId) {
        this.tenant = tenant;
        this.http = HttpClient.newBuilder().connectTimeout(VALIDATION_TIMEOUT).build();
        this.notifier = new ChangeNotifier(tenant, tenantId, http, this::active);
    }

    @Override
    public boolean handle(GraphRequest request) throws IOException {
        if (request.is("POST", "subscriptions")) {
            create(request);
        } else if (request.is("GET", "subscriptions")) {
            Skiptoken.page(request, "subscriptions", List.copyOf(active()), 100, 100, this::render);
        } else if (request.is("GET", "subscriptions", "*")) {
            request.entity(200, "subscriptions/$entity", render(find(request.segment(1))));
        } else if (request.is("PATCH", "subscriptions", "*")) {
            Subscription renewed = withExpiration(find(request.segment(1)), expiration(request.jsonBody().get("expirationDateTime")));
            subscriptions.put(renewed.id(), renewed);
            request.entity(200, "subscriptions/$entity", render(renewed));
        } else if (request.is("POST", "subscriptions", "*", "reauthorize")) {
            find(request.segment(1));
            request.noContent();
        } else if (request.is("DELETE", "subscriptions", "*")) {
            subscriptions.remove(find(request.segment(1)).id());
            request.noContent();
        } else {
            return false;
        }
        return true;
    }

    void close() {
        notifier.close();
        http.close();
    }

    private List<Subscription> active() {
        Instant now = Instant.now();
        subscriptions.values().removeIf(s -> s.expiration().isBefore(now));
        return List.copyOf(subscriptions.values());
    }

    private Subscription find(String id) {
        Subscription subscription = subscriptions.get(id);
        if (subscription == null || subscription.expiration().isBefore(Instant.now())) {
            throw new GraphRequest.BadRequest(404, "ResourceNotFound", "The object was not found.");
        }
        return subscription;
    }

    private void create(GraphRequest request) throws IOException {
        Map<String, Object> body = request.jsonBody();
        String resource = resource(body.get("resource"));
        Set<String> changeTypes = changeTypes(body.get("changeType"));
        URI notificationUrl = url("notificationUrl", body.get("notificationUrl"));
        URI lifecycleUrl = body.get("lifecycleNotificationUrl") == null ? null : url("lifecycleNotificationUrl", body.get("lifecycleNotificationUrl"));
        Object clientState = body.get("clientState");
        if (clientState != null && clientState.toString().length() > 255) {
            throw new GraphRequest.BadRequest("InvalidRequest", "clientState must be at most 255 characters long.");
        }
        Instant expiration = expiration(body.get("expirationDateTime"));
        validate(notificationUrl);
        if (lifecycleUrl != null && !lifecycleUrl.equals(notificationUrl)) {
            validate(lifecycleUrl);
        }
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), resource, changeTypes, notificationUrl, lifecycleUrl,
                clientState == null ? null : clientState.toString(), expiration, tenant.eventCount(GraphUsers.PLATFORM));
        subscriptions.put(subscription.id(), subscription);
        notifier.start();
        request.entity(201, "subscriptions/$entity", render(subscription));
    }

    private static String resource(Object resource) {
        String name = resource == null ? "" : resource.toString().replaceFirst("^/", "").toLowerCase();
        if (!name.equals("users") && !name.equals("groups")) {
            throw new GraphRequest.BadRequest("InvalidRequest", "Resource '" + resource + "' is not supported by this stand-in; use users or groups.");
        }
        return name;
    }

    private static Set<String> changeTypes(Object changeType) {
        Set<String> types = changeType == null ? Set.of() : Arrays.stream(changeType.toString().split(",")).map(String::strip).collect(Collectors.toSet());
        if (types.isEmpty() || !CHANGE_TYPES.containsAll(types)) {
            throw new GraphRequest.BadRequest("InvalidRequest", "Invalid changeType '" + changeType + "'; use created, updated or deleted.");
        }
        return types;
    }

    private static URI url(String property, Object value) {
        try {
            URI uri = URI.create(String.valueOf(value));
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new GraphRequest.BadRequest("InvalidRequest", property + " must be an absolute http or https URL, was '" + value + "'.");
    }

    private static Instant expiration(Object value) {
        if (value == null) {
            throw new GraphRequest.BadRequest("InvalidRequest", "expirationDateTime is a required property for subscription creation.");
        }
        Instant at = GraphFilter.instant(value.toString());
        if (!at.isAfter(Instant.now()) || at.isAfter(Instant.now().plus(Duration.ofMinutes(MAX_MINUTES)))) {
            throw new GraphRequest.BadRequest("InvalidRequest", "Subscription expiration can only be " + MAX_MINUTES + " minutes in the future.");
        }
        return at;
    }

    /** Graph's handshake: the endpoint must echo the token as plain text with a 200 within 10 seconds. */
    private void validate(URI endpoint) {
        String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        String query = "validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        URI uri = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(VALIDATION_TIMEOUT)
                    .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().equals(token)) {
                return;
            }
        } catch (IOException e) {
            // answered below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new GraphRequest.BadRequest("ValidationError",
                "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
    }

    private Subscription withExpiration(Subscription s, Instant expiration) {
        return new Subscription(s.id(), s.resource(), s.changeTypes(), s.notificationUrl(), s.lifecycleNotificationUrl(), s.clientState(),
                expiration, s.fromEvent());
    }

    private Map<String, Object> render(Subscription s) {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", s.id());
        subscription.put("resource", s.resource());
        subscription.put("applicationId", GraphRecords.guid("appId:countersign"));
        subscription.put("changeType", String.join(",", s.changeTypes().stream().sorted().toList()));
        subscription.put("clientState", s.clientState());
        subscription.put("notificationUrl", s.notificationUrl().toString());
        subscription.put("lifecycleNotificationUrl", s.lifecycleNotificationUrl() == null ? null : s.lifecycleNotificationUrl().toString());
        subscription.put("expirationDateTime", GraphRecords.millis(s.expiration()));
        subscription.put("creatorId", GraphRecords.guid("servicePrincipal:countersign"));
        subscription.put("includeResourceData", false);
        subscription.put("latestSupportedTlsVersion", "v1_2");
        subscription.put("encryptionCertificate", null);
        subscription.put("encryptionCertificateId", null);
        subscription.put("notificationUrlAppId", null);
        return subscription;
    }
}
