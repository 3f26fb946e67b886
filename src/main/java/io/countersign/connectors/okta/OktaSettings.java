package io.countersign.connectors.okta;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.SecretRef;

/**
 * The Okta connector's configuration, validated: every problem is reported as one line naming the property.
 *
 * @param orgUrl         the org's base URL, without a trailing slash
 * @param token          where the SSWS API token is
 * @param logSince       where the first System Log read starts
 * @param eventHookSecret where the value Okta sends in the event hook's authorization header is, if hooks are used
 * @param timeout        how long one HTTP request may take
 * @param maxAttempts    tries per request, the first included
 */
record OktaSettings(URI orgUrl, SecretRef token, String reasonAttribute, LogSince logSince, Optional<SecretRef> eventHookSecret,
                    Duration timeout, int maxAttempts) {

    static final String PREFIX = "countersign.connectors.okta.";
    static final Set<String> PROPERTIES = Set.of("url", "token", "reason-attribute", "log-since", "event-hook-secret", "timeout", "max-attempts");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Set<String> IDENTITY_ATTRIBUTES = Set.of("login", "email", "firstName", "lastName");

    /** Where the first System Log read starts: a fixed instant, or a time before the moment of the read. */
    sealed interface LogSince {
        Instant from(Instant now);

        record At(Instant instant) implements LogSince {
            public Instant from(Instant now) {
                return instant;
            }
        }

        record Before(Duration duration) implements LogSince {
            public Instant from(Instant now) {
                return now.minus(duration);
            }
        }
    }

    static OktaSettings parse(Map<String, String> configuration) {
        configuration.keySet().stream().filter(k -> !PROPERTIES.contains(k)).sorted().findFirst().ifPresent(unknown -> {
            throw invalid(unknown, "unknown property; known: " + PROPERTIES.stream().sorted().toList());
        });
        return new OktaSettings(orgUrl(configuration.get("url")), SecretRef.parse(PREFIX + "token", configuration.get("token")),
                reasonAttribute(configuration.getOrDefault("reason-attribute", "countersignReason")),
                logSince(configuration.getOrDefault("log-since", "P7D")),
                Optional.ofNullable(configuration.get("event-hook-secret")).map(ref -> SecretRef.parse(PREFIX + "event-hook-secret", ref)),
                timeout(configuration.getOrDefault("timeout", "PT30S")), maxAttempts(configuration.getOrDefault("max-attempts", "5")));
    }

    boolean loopback() {
        return LOOPBACK.contains(orgUrl.getHost().toLowerCase(Locale.ROOT));
    }

    private static URI orgUrl(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("url", "is required: the Okta org URL, e.g. https://bank.okta.com");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid("url", "'" + value + "' is not a URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw invalid("url", "must be the org's base URL (scheme, host and port only), was " + value);
        }
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw invalid("url", "must use https (plain http only for 127.0.0.1 or localhost), was " + value);
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    private static String reasonAttribute(String value) {
        if (!value.matches("[A-Za-z][A-Za-z0-9_]{0,49}")) {
            throw invalid("reason-attribute", "must be an Okta profile attribute name (a letter, then letters, digits or _), was '" + value + "'");
        }
        if (IDENTITY_ATTRIBUTES.contains(value)) {
            throw invalid("reason-attribute", "must not be " + value + ", which identifies the user; use a custom attribute");
        }
        return value;
    }

    private static LogSince logSince(String value) {
        try {
            return new LogSince.At(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw invalid("log-since", "must be a positive duration, was " + value);
                }
                return new LogSince.Before(duration);
            } catch (DateTimeParseException notADuration) {
                throw invalid("log-since", "'" + value + "' is neither an instant (2025-06-01T00:00:00Z) nor a duration (P7D)");
            }
        }
    }

    private static Duration timeout(String value) {
        try {
            Duration timeout = Duration.parse(value);
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw invalid("timeout", "must be between PT0.001S and PT10M, was " + value);
            }
            return timeout;
        } catch (DateTimeParseException e) {
            throw invalid("timeout", "'" + value + "' is not a duration such as PT30S");
        }
    }

    private static int maxAttempts(String value) {
        try {
            int attempts = Integer.parseInt(value.strip());
            if (attempts >= 1 && attempts <= 10) {
                return attempts;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw invalid("max-attempts", "must be a whole number from 1 to 10, was '" + value + "'");
    }

    static ConnectorException invalid(String property, String problem) {
        return new ConnectorException("connector.config", PREFIX + property + ": " + problem);
    }
}
