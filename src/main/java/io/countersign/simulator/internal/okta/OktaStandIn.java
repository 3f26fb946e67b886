package io.countersign.simulator.internal.okta;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.http.StandIn;

/**
 * Okta's Management API and System Log at the org root ({@code /api/v1/...}), over the tenant's {@code okta}
 * platform: users, groups and members, applications and application users, and the System Log, paged with
 * {@code limit}/{@code after} and {@code Link} headers as Okta pages them, so Okta's own SDKs can use it.
 *
 * <p>Every request needs {@code Authorization: SSWS <token>} (otherwise 401 with Okta's error body, E0000011).
 * Every answer carries Okta's rate-limit headers; a request beyond {@code okta.rate-limit-per-minute} (default
 * 10,000) is refused with 429 E0000047, and so is every {@code rateLimitEvery}-th request, and every
 * {@code serverErrorEvery}-th gets a 503. With {@code okta.event-hook-url} set, everything the tenant logs from
 * then on is delivered there as Okta event hooks, with {@code okta.event-hook-secret} as the authorization header.
 */
public final class OktaStandIn implements StandIn {

    static final String PLATFORM = "okta";
    static final String PREFIX = "/api/v1";
    private static final Duration DELIVERY_INTERVAL = Duration.ofMillis(200);

    private final StandInOptions options;
    private final byte[] authorization;
    private final AtomicLong requests = new AtomicLong();
    private final RateLimits rateLimits;
    private final OktaUsers users;
    private final OktaGroups groups;
    private final OktaApps apps;
    private final OktaLogs logs;
    private final Optional<EventHookDelivery> hooks;

    public OktaStandIn(SimulatedTenant tenant, StandInOptions options) {
        this.options = options;
        this.authorization = ("SSWS " + options.token()).getBytes(StandardCharsets.UTF_8);
        this.rateLimits = new RateLimits(positive("okta.rate-limit-per-minute", options.setting("okta.rate-limit-per-minute", "10000")));
        this.users = new OktaUsers(tenant, options.pageSize());
        this.groups = new OktaGroups(tenant, options.pageSize());
        this.apps = new OktaApps(tenant, options.pageSize());
        this.logs = new OktaLogs(tenant, options.pageSize());
        this.hooks = Optional.ofNullable(options.setting("okta.event-hook-url", null)).map(url -> new EventHookDelivery(tenant,
                hookUrl(url), Optional.ofNullable(options.setting("okta.event-hook-secret", null)), DELIVERY_INTERVAL));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String describe(String baseUrl) {
        return "okta        " + baseUrl + "  (org URL; Authorization: SSWS <token>)"
                + (hooks.isPresent() ? "; event hooks to " + options.setting("okta.event-hook-url", "") : "");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long n = requests.incrementAndGet();
        if (every(options.rateLimitEvery(), n)) {
            rateLimits.refuseBriefly(exchange.getResponseHeaders());
            tooManyRequests(exchange);
            return;
        }
        if (!rateLimits.admit(exchange.getResponseHeaders())) {
            tooManyRequests(exchange);
            return;
        }
        if (every(options.serverErrorEvery(), n)) {
            OktaExchange.error(exchange, 503, "E0000009", "Internal Server Error", List.of());
            return;
        }
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        if (presented == null || !MessageDigest.isEqual(authorization, presented.getBytes(StandardCharsets.UTF_8))) {
            OktaExchange.error(exchange, 401, "E0000011", "Invalid token provided", List.of());
            return;
        }
        OktaExchange call = new OktaExchange(exchange);
        try {
            route(call);
        } catch (OktaError e) {
            call.error(e);
        }
    }

    private void route(OktaExchange call) throws IOException {
        String resource = call.segments().isEmpty() ? "" : call.segments().getFirst();
        switch (resource) {
            case "users" -> users.handle(call);
            case "groups" -> groups.handle(call);
            case "apps" -> apps.handle(call);
            case "logs" -> logs.handle(call);
            default -> throw OktaError.notFound(PREFIX + "/" + String.join("/", call.segments()), "Resource");
        }
    }

    @Override
    public void close() {
        hooks.ifPresent(EventHookDelivery::close);
    }

    private static void tooManyRequests(HttpExchange exchange) throws IOException {
        OktaExchange.error(exchange, 429, "E0000047", "API call exceeded rate limit due to too many requests.", List.of());
    }

    private static boolean every(int n, long request) {
        return n > 0 && request % n == 0;
    }

    private static URI hookUrl(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("okta.event-hook-url: must be an http or https URL, was " + url);
        }
        return uri;
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": must be a positive number, was " + value);
    }
}
