package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.internal.http.Exchanges;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * One Graph API call as the stand-in sees it: the method, the path segments below {@code /v1.0}, the OData
 * query options, and the ways Graph answers (entities, pages with an absolute {@code @odata.nextLink}, OData
 * error bodies with an {@code innerError}).
 */
final class GraphRequest {

    private final HttpExchange exchange;
    private final List<String> segments;
    private final Map<String, String> query;
    private final String apiBase;
    private final int pageLimit;

    /** @param pageLimit the most items the server puts on a page whatever {@code $top} asks (0: no limit of its own) */
    GraphRequest(HttpExchange exchange, String apiPrefix, int pageLimit) {
        this.exchange = exchange;
        this.pageLimit = pageLimit;
        String below = exchange.getRequestURI().getPath().substring(apiPrefix.length());
        this.segments = Arrays.stream(below.split("/")).filter(s -> !s.isEmpty()).toList();
        this.query = Exchanges.query(exchange);
        String host = exchange.getRequestHeaders().getFirst("Host");
        this.apiBase = "http://" + (host == null ? "127.0.0.1" : host) + apiPrefix;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    int size() {
        return segments.size();
    }

    /** The {@code i}-th path segment, or the empty string past the end. */
    String segment(int i) {
        return i < segments.size() ? segments.get(i) : "";
    }

    boolean is(String method, String... pattern) {
        if (!method().equals(method) || pattern.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equalsIgnoreCase(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    int pageLimit() {
        return pageLimit;
    }

    String option(String name) {
        return query.get(name);
    }

    /** Where Graph lives for this caller, e.g. {@code http://127.0.0.1:8400/graph/v1.0}. */
    String apiBase() {
        return apiBase;
    }

    /** The JSON object in the body; a body that is not one is answered with Graph's 400 by the caller. */
    Map<String, Object> jsonBody() throws IOException {
        String body = Exchanges.body(exchange);
        try {
            Map<String, Object> parsed = Exchanges.JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
            if (parsed == null) {
                throw new BadRequest("Request_BadRequest", "The request body is empty.");
            }
            return parsed;
        } catch (JacksonException e) {
            throw new BadRequest("BadRequest", "Invalid JSON body: the payload is not a JSON object.");
        }
    }

    void entity(int status, String context, Map<String, Object> entity) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", apiBase + "/$metadata#" + context);
        body.putAll(entity);
        json(status, body);
    }

    void json(int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("request-id", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("OData-Version", "4.0");
        send(status, "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
                Exchanges.JSON.writeValueAsBytes(body));
    }

    void noContent() throws IOException {
        exchange.getResponseHeaders().set("request-id", UUID.randomUUID().toString());
        send(204, null, new byte[0]);
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        Exchanges.send(exchange, status, contentType, body);
    }

    /** Graph's error body: {@code {"error":{"code":…,"message":…,"innerError":{"date":…,"request-id":…}}}}. */
    void error(int status, String code, String message) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        json(status, Map.of("error", error));
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    /** The link to the page after {@code offset}: this request's URL with its {@code $skiptoken} replaced. */
    String nextLink(int offset) {
        StringBuilder link = new StringBuilder(apiBase).append('/').append(String.join("/", segments)).append('?');
        query.forEach((name, value) -> {
            if (!name.equals("$skiptoken")) {
                link.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        return link.append("$skiptoken=").append(Skiptoken.of(offset)).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$").replace("%2C", ",");
    }

    /** A request Graph refuses with 400 (or the given status) and an OData error. */
    static final class BadRequest extends RuntimeException {

        private final int status;
        private final String code;

        BadRequest(String code, String message) {
            this(400, code, message);
        }

        BadRequest(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }
}
