package io.countersign.simulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/** HTTP Basic credentials of a request, for the stand-ins whose platforms use them (Jira, ServiceNow). */
public final class BasicAuth {

    /** A user name and password (or API token) as sent. */
    public record Credentials(String user, String password) {
    }

    private BasicAuth() {
    }

    public static Optional<Credentials> of(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
