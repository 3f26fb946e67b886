package io.countersign.simulator.internal.hec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.http.Exchanges;
import io.countersign.simulator.internal.http.InjectedFaults;
import io.countersign.simulator.internal.http.StandIn;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * A Splunk HTTP Event Collector: {@code POST /services/collector/event} (or {@code /services/collector}) with
 * {@code Authorization: Splunk <token>} and a body of one or more JSON envelopes ({@code {"time", "sourcetype",
 * "event", ...}}) one after the other. Answers as HEC does: {@code {"text":"Success","code":0}}, or its error codes
 * (2 token required, 3 invalid authorization, 4 invalid token, 5 no data, 6 invalid data format, 9 server busy,
 * 12 event field required, 13 event field blank). A request is taken whole or not at all. Every envelope taken
 * is kept in the tenant's event log of platform {@value #PLATFORM} (type {@code hec.event}, detail {@code envelope}
 * holding the JSON as received), so tests can read back what arrived.
 */
public final class HecStandIn implements StandIn {

    public static final String PLATFORM = "splunk";

    private final SimulatedTenant tenant;
    private final StandInOptions options;
    private final InjectedFaults faults;

    public HecStandIn(SimulatedTenant tenant, StandInOptions options) {
        this.tenant = tenant;
        this.options = options;
        this.faults = new InjectedFaults(options);
    }

    @Override
    public String prefix() {
        return "/services/collector";
    }

    @Override
    public String describe(String baseUrl) {
        return "splunk-hec  " + baseUrl + "/services/collector/event  (HTTP Event Collector; Authorization: Splunk <token>)";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/services/collector/health")) {
            answer(exchange, 200, "HEC is healthy", 17);
            return;
        }
        if (!(path.equals("/services/collector") || path.equals("/services/collector/event")) || !exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 404, "The requested URL was not found on this server.", 404);
            return;
        }
        switch (faults.next()) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                answer(exchange, 429, "Server is busy", 9);
            }
            case UNAVAILABLE -> answer(exchange, 503, "Server is busy", 9);
            case NONE -> {
                if (authorised(exchange)) {
                    collect(exchange);
                }
            }
        }
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            answer(exchange, 401, "Token is required", 2);
            return false;
        }
        if (!header.startsWith("Splunk ")) {
            answer(exchange, 401, "Invalid authorization", 3);
            return false;
        }
        if (!header.substring("Splunk ".length()).strip().equals(options.token())) {
            answer(exchange, 403, "Invalid token", 4);
            return false;
        }
        return true;
    }

    private void collect(HttpExchange exchange) throws IOException {
        String body = Exchanges.body(exchange);
        if (body.isBlank()) {
            answer(exchange, 400, "No data", 5);
            return;
        }
        List<String> envelopes = new ArrayList<>();
        try (MappingIterator<JsonNode> values = Exchanges.JSON.readerFor(JsonNode.class).readValues(body)) {
            while (values.hasNextValue()) {
                JsonNode envelope = values.nextValue();
                int number = envelopes.size();
                if (!envelope.isObject() || !envelope.has("event") || envelope.get("event").isNull()) {
                    invalid(exchange, "Event field is required", 12, number);
                    return;
                }
                if (envelope.get("event").isString() && envelope.get("event").asString().isBlank()) {
                    invalid(exchange, "Event field cannot be blank", 13, number);
                    return;
                }
                envelopes.add(Exchanges.JSON.writeValueAsString(envelope));
            }
        } catch (JacksonException e) {
            invalid(exchange, "Invalid data format", 6, envelopes.size());
            return;
        }
        envelopes.forEach(e -> tenant.record(PLATFORM, "hec.event", null, null, "SUCCESS", Map.of("envelope", e)));
        answer(exchange, 200, "Success", 0);
    }

    private static void invalid(HttpExchange exchange, String text, int code, int eventNumber) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("code", code);
        body.put("invalid-event-number", eventNumber);
        Exchanges.json(exchange, 400, body);
    }

    private static void answer(HttpExchange exchange, int status, String text, int code) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("code", code);
        Exchanges.json(exchange, status, body);
    }
}
