package io.countersign.simulator.internal.okta;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.internal.http.Exchanges;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** One request to the Okta stand-in: its path below {@code /api/v1}, its query, its body, and Okta-shaped answers. */
final class OktaExchange {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final HttpExchange exchange;
    private final List<String> segments;
    private final Map<String, String> query;

    OktaExchange(HttpExchange exchange) {
        this.exchange = exchange;
        this.segments = Arrays.stream(Exchanges.path(exchange, OktaStandIn.PREFIX).split("/")).filter(s -> !s.isEmpty()).toList();
        this.query = Exchanges.query(exchange);
    }

    String method() {
        return exchange.getRequestMethod();
    }

    List<String> segments() {
        return segments;
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    int limit(int platformDefault, int platformMax, int configuredPageSize) {
        int max = configuredPageSize > 0 ? Math.min(platformMax, configuredPageSize) : platformMax;
        String raw = param("limit").orElse(null);
        if (raw == null) {
            return Math.min(platformDefault, max);
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1) {
                throw OktaError.validation("limit", "must be at least 1");
            }
            return Math.min(limit, max);
        } catch (NumberFormatException e) {
            throw OktaError.validation("limit", "'" + raw + "' is not a number");
        }
    }

    /** The org URL as the client addressed it, e.g. {@code http://127.0.0.1:8400}. */
    String baseUrl() {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return "http://" + (host != null ? host : "127.0.0.1:" + exchange.getLocalAddress().getPort());
    }

    JsonNode body() throws IOException {
        String body = Exchanges.body(exchange);
        if (body.isBlank()) {
            throw OktaError.malformedBody();
        }
        try {
            JsonNode node = Exchanges.JSON.readTree(body);
            if (!node.isObject()) {
                throw OktaError.malformedBody();
            }
            return node;
        } catch (JacksonException e) {
            throw OktaError.malformedBody();
        }
    }

    void ok(Object body) throws IOException {
        Exchanges.json(exchange, 200, body);
    }

    void noContent() throws IOException {
        Exchanges.send(exchange, 204, null, new byte[0]);
    }

    /** A page of a list, with Okta's {@code Link} headers: {@code self} always, {@code next} when {@code nextAfter} is given. */
    void page(List<?> items, Optional<String> nextAfter, int limit) throws IOException {
        exchange.getResponseHeaders().add("Link", "<" + link(Optional.empty(), limit) + ">; rel=\"self\"");
        nextAfter.ifPresent(after -> exchange.getResponseHeaders().add("Link", "<" + link(Optional.of(after), limit) + ">; rel=\"next\""));
        ok(items);
    }

    /** A page of a polled feed: the {@code next} link is always there, starting after {@code after} when given. */
    void pageWithNext(List<?> items, Optional<String> after, int limit) throws IOException {
        exchange.getResponseHeaders().add("Link", "<" + link(Optional.empty(), limit) + ">; rel=\"self\"");
        exchange.getResponseHeaders().add("Link", "<" + link(after, limit) + ">; rel=\"next\"");
        ok(items);
    }

    private String link(Optional<String> after, int limit) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.remove("after");
        params.put("limit", Integer.toString(limit));
        after.ifPresent(a -> params.put("after", a));
        StringBuilder url = new StringBuilder(baseUrl()).append(exchange.getRequestURI().getRawPath());
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    void error(OktaError error) throws IOException {
        error(exchange, error.status(), error.code(), error.getMessage(), error.causes());
    }

    static void error(HttpExchange exchange, int status, String code, String summary, List<String> causes) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", code);
        body.put("errorSummary", summary);
        body.put("errorLink", code);
        body.put("errorId", "oae" + randomId(19));
        body.put("errorCauses", causes.stream().map(c -> Map.of("errorSummary", c)).toList());
        Exchanges.json(exchange, status, body);
    }

    static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
