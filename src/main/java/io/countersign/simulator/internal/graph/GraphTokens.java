package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.internal.http.Exchanges;

/**
 * The Microsoft identity platform's token endpoint for the client-credentials grant
 * ({@code POST /{tenant}/oauth2/v2.0/token}), and the check every Graph call makes on its bearer token.
 * The client secret is the stand-ins' token; tokens are opaque, random, and live {@value #LIFETIME_SECONDS} s.
 */
final class GraphTokens {

    static final int LIFETIME_SECONDS = 3599;
    private static final String GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

    private final byte[] clientSecret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    GraphTokens(String clientSecret) {
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            refuse(exchange, 405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
            return;
        }
        Map<String, String> form = form(Exchanges.body(exchange));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            refuse(exchange, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        } else if (form.get("client_id") == null || form.get("client_id").isBlank()) {
            refuse(exchange, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        } else if (!GRAPH_DEFAULT_SCOPE.equals(form.get("scope"))) {
            refuse(exchange, 400, "invalid_scope", 1002012, "The provided value for scope is not valid. Client credential flows must have "
                    + "a scope value with /.default suffixed to the resource identifier (application ID URI).");
        } else if (!secretMatches(form.get("client_secret"))) {
            refuse(exchange, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request "
                    + "is the client secret value, not the client secret ID.");
        } else {
            issue(exchange);
        }
    }

    /** Whether the request carries {@code Authorization: Bearer <token>} for a token issued here and still alive. */
    boolean authorised(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Instant expiry = issued.get(authorization.substring(7).strip());
        return expiry != null && expiry.isAfter(Instant.now());
    }

    private void issue(HttpExchange exchange) throws IOException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "eyJ0eXAiOiJKV1QifQ." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, Instant.now().plus(Duration.ofSeconds(LIFETIME_SECONDS)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", LIFETIME_SECONDS);
        body.put("ext_expires_in", LIFETIME_SECONDS);
        body.put("access_token", token);
        Exchanges.json(exchange, 200, body);
    }

    private boolean secretMatches(String offered) {
        return offered != null && MessageDigest.isEqual(clientSecret, offered.getBytes(StandardCharsets.UTF_8));
    }

    /** The identity platform's error body: an OAuth error code, and an AADSTS code in the description and the list. */
    private static void refuse(HttpExchange exchange, int status, String error, int aadsts, String description) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + aadsts + ": " + description + " Trace ID: " + UUID.randomUUID()
                + " Correlation ID: " + UUID.randomUUID() + " Timestamp: " + Instant.now());
        body.put("error_codes", List.of(aadsts));
        body.put("timestamp", Instant.now().toString());
        body.put("trace_id", UUID.randomUUID().toString());
        body.put("correlation_id", UUID.randomUUID().toString());
        Exchanges.json(exchange, status, body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
