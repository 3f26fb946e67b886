package io.countersign.simulator.internal.scim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.http.Exchanges;
import io.countersign.simulator.internal.http.StandIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SCIM 2.0 service provider (RFC 7643 / RFC 7644) under {@code /scim/v2}, over one platform of the tenant:
 * {@code /ServiceProviderConfig}, {@code /ResourceTypes}, {@code /Schemas}, and {@code /Users} and {@code /Groups}
 * with list ({@code filter}, {@code startIndex}, {@code count}), get, POST, PUT, PATCH and DELETE. Every resource
 * carries {@code meta.version} (a weak entity tag of its content), also sent as {@code ETag}; PUT, PATCH and DELETE
 * with an {@code If-Match} that is not current answer 412. Every error is in the SCIM error schema. Requests need
 * {@code Authorization: Bearer <token>} (401 otherwise); the options' 429 and 503 come with {@code Retry-After: 1}.
 *
 * <p>Which platform it serves: the setting {@code scim.platform} when given; otherwise the tenant's {@code scim}
 * platform, or, when the tenant has none, its {@code local} platform (the bank's in-house applications, which in
 * the simulation are provisioned over SCIM); a tenant with neither starts with an empty {@code scim} platform.
 * The setting {@code scim.patch=false} makes it a provider without PATCH (501, and said so in its configuration).
 * The {@code attributes}, {@code excludedAttributes} and sorting parameters are ignored.
 */
public final class ScimStandIn implements StandIn {

    static final String PREFIX = "/scim/v2";
    private static final String MEDIA_TYPE = "application/scim+json";
    private static final Logger log = LoggerFactory.getLogger(ScimStandIn.class);

    private final SimulatedTenant tenant;
    private final StandInOptions options;
    private final byte[] expectedAuthorization;
    private final ScimDiscovery discovery;
    private final Map<String, ScimResourceType> types;
    private final boolean patch;
    private final int maxResults;
    private final AtomicLong requests = new AtomicLong();
    private final Object writes = new Object();

    public ScimStandIn(SimulatedTenant tenant, StandInOptions options) {
        this.tenant = tenant;
        this.options = options;
        this.expectedAuthorization = ("Bearer " + options.token()).getBytes(StandardCharsets.UTF_8);
        this.patch = !"false".equalsIgnoreCase(options.setting("scim.patch", "true"));
        this.maxResults = options.pageSize() > 0 ? options.pageSize() : 200;
        this.discovery = new ScimDiscovery(patch, maxResults);
        this.types = Map.of("Users", new ScimUsers(tenant), "Groups", new ScimGroups(tenant));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String describe(String baseUrl) {
        return "scim   " + baseUrl + PREFIX + "  (bearer token; platform " + options.setting("scim.platform", "scim, else local") + ")";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            authenticate(exchange);
            injectFaults(exchange);
            route(exchange, new ScimRequest(exchange, PREFIX));
        } catch (ScimError e) {
            error(exchange, e);
        } catch (RuntimeException e) {
            log.warn("SCIM stand-in failed on {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            error(exchange, new ScimError(500, null, "the stand-in failed: " + e.getClass().getSimpleName()));
        }
    }

    private void authenticate(HttpExchange exchange) {
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"scim\"");
            throw new ScimError(401, null, presented == null ? "Authorization: a bearer token is required" : "Authorization: the bearer token is not accepted");
        }
    }

    private void injectFaults(HttpExchange exchange) {
        long n = requests.incrementAndGet();
        if (options.rateLimitEvery() > 0 && n % options.rateLimitEvery() == 0) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            throw new ScimError(429, null, "too many requests; retry after 1 second");
        }
        if (options.serverErrorEvery() > 0 && n % options.serverErrorEvery() == 0) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            throw new ScimError(503, null, "the service is unavailable; retry after 1 second");
        }
    }

    private void route(HttpExchange exchange, ScimRequest request) throws IOException {
        List<String> segments = request.segments();
        String base = request.baseUrl();
        switch (segments.size() == 0 ? "" : segments.getFirst()) {
            case "ServiceProviderConfig" -> {
                request.requireGet(segments.size() == 1);
                send(exchange, 200, discovery.serviceProviderConfig(base), null);
            }
            case "ResourceTypes" -> listOrOne(exchange, request, discovery.resourceTypes(base), "resource type");
            case "Schemas" -> listOrOne(exchange, request, discovery.schemas(base), "schema");
            case "Users", "Groups" -> resources(exchange, request, types.get(segments.getFirst()));
            default -> throw ScimError.notFound("no SCIM endpoint at " + exchange.getRequestURI().getPath());
        }
    }

    private void listOrOne(HttpExchange exchange, ScimRequest request, List<ObjectNode> resources, String what) throws IOException {
        request.requireGet(request.segments().size() <= 2);
        if (request.segments().size() == 2) {
            String id = request.segments().get(1);
            send(exchange, 200, ScimDiscovery.byId(resources, id).orElseThrow(() -> ScimError.notFound("no " + what + " " + id)), null);
        } else {
            send(exchange, 200, ScimList.of(resources, 1, resources.size()).json(), null);
        }
    }

    private void resources(HttpExchange exchange, ScimRequest request, ScimResourceType type) throws IOException {
        String platform = platform();
        String endpoint = request.segments().getFirst();
        if (request.segments().size() == 1) {
            switch (request.method()) {
                case "GET" -> send(exchange, 200, list(type, platform, request), null);
                case "POST" -> {
                    ObjectNode body = request.resource(type.schema());
                    String id;
                    synchronized (writes) {
                        id = type.create(platform, body);
                    }
                    ObjectNode created = withMeta(type, type.one(platform, id, request.baseUrl()).orElseThrow(), request.baseUrl() + "/" + endpoint);
                    exchange.getResponseHeaders().set("Location", created.path("meta").path("location").asString());
                    send(exchange, 201, created, created.path("meta").path("version").asString());
                }
                default -> throw request.methodNotAllowed("GET, POST");
            }
            return;
        }
        if (request.segments().size() != 2) {
            throw ScimError.notFound("no SCIM endpoint at " + exchange.getRequestURI().getPath());
        }
        one(exchange, request, type, platform, request.segments().get(1));
    }

    private void one(HttpExchange exchange, ScimRequest request, ScimResourceType type, String platform, String id) throws IOException {
        String location = request.baseUrl() + "/" + request.segments().getFirst();
        if ("GET".equals(request.method())) {
            ObjectNode resource = withMeta(type, current(type, platform, id, request), location);
            send(exchange, 200, resource, resource.path("meta").path("version").asString());
            return;
        }
        if (!Set.of("PUT", "PATCH", "DELETE").contains(request.method())) {
            throw request.methodNotAllowed("GET, PUT, PATCH, DELETE");
        }
        if ("PATCH".equals(request.method()) && !patch) {
            throw new ScimError(501, null, "PATCH is not supported by this service provider; replace the resource with PUT");
        }
        synchronized (writes) {
            ObjectNode resource = withMeta(type, current(type, platform, id, request), location);
            request.checkIfMatch(resource.path("meta").path("version").asString());
            switch (request.method()) {
                case "DELETE" -> {
                    type.delete(platform, id);
                    Exchanges.send(exchange, 204, null, new byte[0]);
                    return;
                }
                case "PUT" -> type.replace(platform, id, request.resource(type.schema()));
                default -> {
                    resource.remove("meta");
                    new ScimPatch(type.extensions()).apply(resource, request.json());
                    type.replace(platform, id, resource);
                }
            }
        }
        ObjectNode changed = withMeta(type, current(type, platform, id, request), location);
        send(exchange, 200, changed, changed.path("meta").path("version").asString());
    }

    private static ObjectNode current(ScimResourceType type, String platform, String id, ScimRequest request) {
        return type.one(platform, id, request.baseUrl())
                .orElseThrow(() -> ScimError.notFound(request.segments().getFirst() + "/" + id + ": no such " + type.name()));
    }

    private ObjectNode list(ScimResourceType type, String platform, ScimRequest request) {
        List<ObjectNode> all = type.all(platform, request.baseUrl());
        ScimFilter filter = request.filter();
        List<ObjectNode> matching = filter == null ? all : all.stream().filter(filter::matches).toList();
        ScimList page = ScimList.of(matching, request.startIndex(), request.count(maxResults));
        String location = request.baseUrl() + "/" + request.segments().getFirst();
        ArrayNode resources = page.json().withArrayProperty("Resources");
        for (int i = 0; i < resources.size(); i++) {
            resources.set(i, withMeta(type, (ObjectNode) resources.get(i), location));
        }
        return page.json();
    }

    /** Adds {@code meta}; {@code version} is a weak entity tag of the resource's content, so any change changes it. */
    private static ObjectNode withMeta(ScimResourceType type, ObjectNode resource, String location) {
        resource.remove("meta");
        String version = "W/\"" + HexFormat.of().formatHex(sha256(ScimJson.MAPPER.writeValueAsBytes(resource)), 0, 8) + "\"";
        resource.putObject("meta").put("resourceType", type.name()).put("location", location + "/" + resource.path("id").asString())
                .put("version", version);
        return resource;
    }

    private String platform() {
        String configured = options.setting("scim.platform", "");
        if (!configured.isBlank()) {
            return configured;
        }
        Set<String> names = tenant.platformNames();
        return names.contains("scim") || !names.contains("local") ? "scim" : "local";
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body, String version) throws IOException {
        if (version != null) {
            exchange.getResponseHeaders().set("ETag", version);
        }
        Exchanges.send(exchange, status, MEDIA_TYPE, ScimJson.MAPPER.writeValueAsBytes(body));
    }

    private static void error(HttpExchange exchange, ScimError e) throws IOException {
        Exchanges.send(exchange, e.status(), MEDIA_TYPE, ScimJson.MAPPER.writeValueAsBytes(e.body()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
