package io.countersign.simulator.internal.workday;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.http.Exchanges;
import io.countersign.simulator.internal.http.InjectedFaults;
import io.countersign.simulator.internal.http.StandIn;

/**
 * A Workday-style worker-event feed: {@code GET /workday/ccx/api/v1/{tenant}/workerEvents?offset=&limit=} with a
 * bearer token, answering {@code {"total": T, "data": [...]}} in Workday's REST shape (default limit 20, at most
 * 100), generated from the tenant's workers by {@link WorkerFeed}. Errors as {@code {"error": ..., "errors": [...]}}.
 */
public final class WorkdayStandIn implements StandIn {

    private static final Pattern FEED = Pattern.compile("/ccx/api/v1/([A-Za-z0-9_-]+)/workerEvents");
    private static final int MOST = 100;

    private final SimulatedTenant tenant;
    private final StandInOptions options;
    private final InjectedFaults faults;
    private List<SimulatedTenant.Worker> roster;
    private List<Map<String, Object>> feed;

    public WorkdayStandIn(SimulatedTenant tenant, StandInOptions options) {
        this.tenant = tenant;
        this.options = options;
        this.faults = new InjectedFaults(options);
    }

    @Override
    public String prefix() {
        return "/workday";
    }

    @Override
    public String describe(String baseUrl) {
        return "workday     " + baseUrl + "/workday/ccx/api/v1/bank/workerEvents  (worker-event feed; bearer token)";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        switch (faults.next()) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                Exchanges.json(exchange, 429, Map.of("error", "Too many requests, please retry later"));
                return;
            }
            case UNAVAILABLE -> {
                Exchanges.json(exchange, 503, Map.of("error", "Service temporarily unavailable"));
                return;
            }
            case NONE -> { }
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + options.token())) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            Exchanges.json(exchange, 401, Map.of("error", "invalid_token", "errors", List.of(Map.of("error", "Invalid or expired access token"))));
            return;
        }
        Matcher feed = FEED.matcher(Exchanges.path(exchange, prefix()));
        if (!feed.matches()) {
            Exchanges.json(exchange, 404, Map.of("error", "Resource not found: " + exchange.getRequestURI().getPath()));
        } else if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            Exchanges.json(exchange, 405, Map.of("error", "Method not allowed: " + exchange.getRequestMethod()));
        } else {
            page(exchange);
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        Integer offset = number(query.get("offset"), 0, 0, Integer.MAX_VALUE);
        Integer limit = number(query.get("limit"), options.pageSize() > 0 ? Math.min(options.pageSize(), MOST) : 20, 1, MOST);
        if (offset == null || limit == null) {
            String field = offset == null ? "offset" : "limit";
            Exchanges.json(exchange, 400, Map.of("error", "Validation error occurred",
                    "errors", List.of(Map.of("error", field + " must be a whole number" + (field.equals("limit") ? " from 1 to " + MOST : " of 0 or more"),
                            "field", field))));
            return;
        }
        List<Map<String, Object>> events = feed();
        int from = Math.min(offset, events.size());
        Exchanges.json(exchange, 200, Map.of("total", events.size(), "data", events.subList(from, Math.min(events.size(), from + limit))));
    }

    /** The feed of the tenant's current roster, made again only when the tenant is seeded anew. */
    private synchronized List<Map<String, Object>> feed() {
        List<SimulatedTenant.Worker> current = tenant.workers();
        if (current != roster) {
            feed = WorkerFeed.of(current);
            roster = current;
        }
        return feed;
    }

    private static Integer number(String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            return n < min || n > max ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
