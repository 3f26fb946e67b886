package io.countersign.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * How the stand-ins behave.
 *
 * @param token           the credential every stand-in accepts, in its platform's scheme (Okta {@code SSWS}, a
 *                        bearer token, Splunk's {@code Splunk} header, or as a client secret or password)
 * @param pageSize        items per page where the platform pages (the platform's own default when 0)
 * @param rateLimitEvery  answer every n-th request with the platform's 429 (0: never)
 * @param serverErrorEvery answer every n-th request with a 503 (0: never)
 * @param settings        per stand-in settings, e.g. {@code okta.event-hook-url}
 */
public record StandInOptions(String token, int pageSize, int rateLimitEvery, int serverErrorEvery, Map<String, String> settings) {

    public StandInOptions {
        Objects.requireNonNull(token, "token == null");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token is blank");
        }
        if (pageSize < 0 || rateLimitEvery < 0 || serverErrorEvery < 0) {
            throw new IllegalArgumentException("pageSize, rateLimitEvery and serverErrorEvery must not be negative");
        }
        settings = Map.copyOf(settings);
    }

    public static StandInOptions withToken(String token) {
        return new StandInOptions(token, 0, 0, 0, Map.of());
    }

    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }
}
