package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.http.StandIn;

/**
 * Microsoft Graph v1.0 and the identity platform's token endpoint, over the tenant's {@code entra} platform.
 *
 * <p>Under {@value #PREFIX}: {@code POST /{tenant}/oauth2/v2.0/token} (client credentials; the client secret is
 * the stand-ins' token) and the API under {@code /v1.0}, which needs a bearer token from that endpoint. Every
 * {@code rateLimitEvery}-th API call is answered 429 with {@code Retry-After} (setting {@code graph.retry-after},
 * seconds, default 1), every {@code serverErrorEvery}-th 503; errors carry Graph's OData error body. Settings:
 * {@code graph.tenant-id}, and {@code graph.reason-note-attribute} (default {@code extensionAttribute15}, or a
 * directory extension {@code extension_<appId>_<name>}) for the attribute that holds the reason note.
 */
public final class GraphStandIn implements StandIn {

    public static final String PREFIX = "/graph";
    private static final String API = PREFIX + "/v1.0";
    private static final String TOKEN_PATH = "^" + PREFIX + "/[^/]+/oauth2/v2\\.0/token$";

    private final StandInOptions options;
    private final GraphTokens tokens;
    private final GraphSubscriptions subscriptions;
    private final List<GraphResource> resources;
    private final AtomicLong calls = new AtomicLong();

    public GraphStandIn(SimulatedTenant tenant, StandInOptions options) {
        this.options = options;
        this.tokens = new GraphTokens(options.token());
        this.subscriptions = new GraphSubscriptions(tenant, options.setting("graph.tenant-id", "5a1c3e7f-2b4d-4f60-8a9b-0c1d2e3f4a5b"));
        GraphUsers users = new GraphUsers(tenant, options.setting("graph.reason-note-attribute", "extensionAttribute15"));
        GraphGroups groups = new GraphGroups(tenant, users);
        this.resources = List.of(users, groups, new GraphApps(tenant, users, groups), new GraphAuditLogs(tenant, new ActivityRecords(tenant)),
                subscriptions);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String describe(String baseUrl) {
        return "graph      " + baseUrl + API + "  (client credentials at " + baseUrl + PREFIX + "/{tenant}/oauth2/v2.0/token; client secret = token)";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.matches(TOKEN_PATH)) {
            tokens.handle(exchange);
            return;
        }
        GraphRequest request = new GraphRequest(exchange, API, options.pageSize());
        try {
            if (!path.startsWith(API + "/")) {
                throw new GraphRequest.BadRequest(404, "NotFound", "No Graph endpoint at " + path + "; the API is under " + API + ".");
            }
            api(request, exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (GraphRequest.BadRequest e) {
            request.error(e.status(), e.code(), e.getMessage());
        }
    }

    @Override
    public void close() {
        subscriptions.close();
    }

    private void api(GraphRequest request, String authorization) throws IOException {
        if (!tokens.authorised(authorization)) {
            request.header("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"" + request.apiBase().replace("/v1.0", "")
                    + "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
            throw new GraphRequest.BadRequest(401, "InvalidAuthenticationToken",
                    authorization == null ? "Access token is empty." : "Access token validation failure. Invalid audience.");
        }
        long call = calls.incrementAndGet();
        if (options.rateLimitEvery() > 0 && call % options.rateLimitEvery() == 0) {
            request.header("Retry-After", options.setting("graph.retry-after", "1"));
            throw new GraphRequest.BadRequest(429, "TooManyRequests", "Too many requests. Retry after the interval in the Retry-After header.");
        }
        if (options.serverErrorEvery() > 0 && call % options.serverErrorEvery() == 0) {
            throw new GraphRequest.BadRequest(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.");
        }
        for (GraphResource resource : resources) {
            if (resource.handle(request)) {
                return;
            }
        }
        throw new GraphRequest.BadRequest("BadRequest", "Resource not found for the segment '" + request.segment(0) + "'.");
    }
}
