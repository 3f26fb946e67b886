package io.countersign.simulator.internal.scim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.internal.http.Exchanges;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One request to the SCIM stand-in, with its parameters checked as RFC 7644 asks. */
final class ScimRequest {

    private final HttpExchange exchange;
    private final String prefix;
    private final List<String> segments;
    private final Map<String, String> query;
    private JsonNode body;

    ScimRequest(HttpExchange exchange, String prefix) {
        this.exchange = exchange;
        this.prefix = prefix;
        this.segments = Arrays.stream(Exchanges.path(exchange, prefix).split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        this.query = Exchanges.query(exchange);
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The path below {@code /scim/v2}, e.g. {@code [Users, 2819c223]}. */
    List<String> segments() {
        return segments;
    }

    /** This server's SCIM base URL, as the client addressed it. */
    String baseUrl() {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return "http://" + (host == null ? "127.0.0.1:" + exchange.getLocalAddress().getPort() : host) + prefix;
    }

    ScimFilter filter() {
        String filter = query.get("filter");
        return filter == null ? null : ScimFilter.parse(filter);
    }

    /** 1-based; less than 1 is taken as 1 (RFC 7644 §3.4.2.4). */
    int startIndex() {
        return Math.max(1, integer("startIndex", 1));
    }

    /** At most {@code max}; negative is taken as 0. */
    int count(int max) {
        return Math.min(max, Math.max(0, integer("count", max)));
    }

    JsonNode json() {
        if (body == null) {
            try {
                body = ScimJson.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    /** The body as a resource that declares {@code schema} among its {@code schemas}. */
    ObjectNode resource(String schema) {
        ObjectNode resource = ScimJson.object(json(), "the request body");
        JsonNode schemas = ScimJson.field(resource, "schemas");
        if (schemas == null || !schemas.isArray() || schemas.values().stream().noneMatch(s -> schema.equals(s.asString(null)))) {
            throw ScimError.invalidSyntax("schemas: must include " + schema);
        }
        return resource;
    }

    /** A write's {@code If-Match}: absent or {@code *} passes; otherwise one of its tags must be {@code version}. */
    void checkIfMatch(String version) {
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return;
        }
        boolean current = Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(version::equals);
        if (!current) {
            throw new ScimError(412, null, "If-Match " + ifMatch.strip() + " is not the current version " + version + "; read the resource again");
        }
    }

    void requireGet(boolean knownPath) {
        if (!knownPath) {
            throw ScimError.notFound("no SCIM endpoint at " + exchange.getRequestURI().getPath());
        }
        if (!"GET".equals(method())) {
            throw methodNotAllowed("GET");
        }
    }

    ScimError methodNotAllowed(String allowed) {
        exchange.getResponseHeaders().set("Allow", allowed);
        return new ScimError(405, null, method() + " is not allowed on " + exchange.getRequestURI().getPath() + "; allowed: " + allowed);
    }

    private int integer(String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue(name + ": must be an integer, was '" + value + "'");
        }
    }
}
