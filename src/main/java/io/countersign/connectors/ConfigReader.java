package io.countersign.connectors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a factory's configuration map with one-line errors that name the property in full, e.g.
 * {@code countersign.connectors.jira.url: is required}. Every failure is a {@link ConnectorException} with
 * code {@code connector.config}.
 */
public final class ConfigReader {

    private final String prefix;
    private final Map<String, String> values;

    /** {@code prefix} is how the properties are named at start-up, e.g. {@code countersign.connectors.jira}. */
    public ConfigReader(String prefix, Map<String, String> values) {
        this.prefix = Objects.requireNonNull(prefix, "prefix == null");
        this.values = Map.copyOf(Objects.requireNonNull(values, "values == null"));
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> invalid(name, "is required"));
    }

    /** An absolute http or https URL, without a trailing slash. */
    public URI url(String name) {
        String raw = required(name);
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(name, "must be an absolute http or https URL, was '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(name, "is not a URL: " + e.getReason());
        }
    }

    /** A secret reference ({@code env:NAME} or {@code file:PATH}), never the secret itself. */
    public SecretRef secret(String name) {
        return SecretRef.parse(prefix + "." + name, values.get(name));
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw invalid(name, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number, was '" + raw.get() + "'");
        }
    }

    public ConnectorException invalid(String name, String reason) {
        return new ConnectorException("connector.config", prefix + "." + name + ": " + reason);
    }
}
