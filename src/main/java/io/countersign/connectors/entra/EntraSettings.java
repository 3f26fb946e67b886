package io.countersign.connectors.entra;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorFactory.ConfigProperty;
import io.countersign.connectors.SecretRef;

/**
 * The connector's configuration, validated: each bad value is refused with one line naming its property.
 * Secrets are held as references here; they are read only when the connector is made.
 */
record EntraSettings(URI graphUrl, URI authority, String tenantId, String clientId, SecretRef clientSecret,
                     Optional<SecretRef> notificationClientState, String signInsSince, String reasonNoteAttribute,
                     Duration timeout, int maxRetries, int pageSize) {

    static final String PREFIX = "countersign.connectors.entra.";
    static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0";
    static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
    static final String DEFAULT_SINCE = "P30D";
    static final String DEFAULT_NOTE_ATTRIBUTE = "extensionAttribute15";
    static final String DEFAULT_TIMEOUT = "PT30S";
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    private static final Pattern NOTE_ATTRIBUTE = Pattern.compile("extensionAttribute([1-9]|1[0-5])|extension_[0-9a-f]{32}_[A-Za-z0-9_]+");

    static final List<ConfigProperty> PROPERTIES = List.of(
            new ConfigProperty("graph-url", "Microsoft Graph v1.0 base URL (default https://graph.microsoft.com/v1.0); https, or http on a loopback address",
                    false, false),
            new ConfigProperty("authority", "identity platform authority (default https://login.microsoftonline.com); tokens come from "
                    + "{authority}/{tenant-id}/oauth2/v2.0/token", false, false),
            new ConfigProperty("tenant-id", "directory (tenant) id or verified domain", true, false),
            new ConfigProperty("client-id", "application (client) id of the app registration", true, false),
            new ConfigProperty("client-secret", "reference to the app's client secret: env:NAME or file:PATH", true, true),
            new ConfigProperty("notification-client-state", "reference to the clientState that change notifications must carry: env:NAME or file:PATH",
                    false, true),
            new ConfigProperty("signins-since", "where the activity feeds start on first read: an ISO instant, or an ISO period back from now "
                    + "(default P30D, Entra's own retention)", false, false),
            new ConfigProperty("reason-note-attribute", "where reason notes go: extensionAttribute1..15 (onPremisesExtensionAttributes) or a "
                    + "directory extension extension_<appId>_<name> (default extensionAttribute15)", false, false),
            new ConfigProperty("timeout", "how long one call may take, ISO duration (default PT30S)", false, false),
            new ConfigProperty("max-retries", "retries of a throttled or failed call, 0 to 10 (default 3)", false, false),
            new ConfigProperty("page-size", "items asked for per page, 1 to 999 (default 999)", false, false));

    static EntraSettings parse(Map<String, String> configuration) {
        List<String> known = PROPERTIES.stream().map(ConfigProperty::name).toList();
        configuration.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(unknown -> {
            throw invalid(unknown, "is not a property of the entra connector; known: " + known);
        });
        String tenant = required(configuration, "tenant-id");
        if (!TENANT.matcher(tenant).matches()) {
            throw invalid("tenant-id", "must be a tenant id (GUID) or a domain name, was '" + tenant + "'");
        }
        String noteAttribute = configuration.getOrDefault("reason-note-attribute", DEFAULT_NOTE_ATTRIBUTE);
        if (!NOTE_ATTRIBUTE.matcher(noteAttribute).matches()) {
            throw invalid("reason-note-attribute", "must be extensionAttribute1..15 or extension_<appId without dashes>_<name>, was '" + noteAttribute + "'");
        }
        String since = configuration.getOrDefault("signins-since", DEFAULT_SINCE);
        startOf(since, Instant.now());
        return new EntraSettings(url(configuration, "graph-url", DEFAULT_GRAPH_URL),
                url(configuration, "authority", DEFAULT_AUTHORITY), tenant, required(configuration, "client-id"),
                SecretRef.parse(PREFIX + "client-secret", configuration.get("client-secret")),
                Optional.ofNullable(configuration.get("notification-client-state")).map(r -> SecretRef.parse(PREFIX + "notification-client-state", r)),
                since, noteAttribute, timeout(configuration), number(configuration, "max-retries", 3, 0, 10),
                number(configuration, "page-size", 999, 1, 999));
    }

    /** Where the feeds start on a first read: the configured instant, or the configured period back from {@code now}. */
    Instant signInsStart(Instant now) {
        return startOf(signInsSince, now);
    }

    URI tokenEndpoint() {
        return URI.create(authority.toString().replaceAll("/+$", "") + "/" + tenantId + "/oauth2/v2.0/token");
    }

    /** Whether {@code uri} is on Graph's own origin (scheme, host and port), the only place our token may go. */
    boolean onGraph(URI uri) {
        return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(graphUrl.getScheme()) && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(graphUrl.getHost()) && uri.getPort() == graphUrl.getPort();
    }

    private static Instant startOf(String since, Instant now) {
        try {
            return since.startsWith("P") ? now.minus(Duration.parse(since)) : Instant.parse(since);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid("signins-since", "must be an ISO instant (2025-06-01T00:00:00Z) or an ISO period such as P30D, was '" + since + "'");
        }
    }

    private static String required(Map<String, String> configuration, String name) {
        String value = configuration.get(name);
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required");
        }
        return value.strip();
    }

    private static URI url(Map<String, String> configuration, String name, String fallback) {
        String value = configuration.getOrDefault(name, fallback).strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "is not a URL: '" + value + "'");
        }
        if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost()))) {
            throw invalid(name, "must be an https URL (http only on a loopback address), was '" + value + "'");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        try {
            return host.equalsIgnoreCase("localhost") || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Duration timeout(Map<String, String> configuration) {
        String value = configuration.getOrDefault("timeout", DEFAULT_TIMEOUT);
        try {
            Duration timeout = Duration.parse(value);
            if (!timeout.isNegative() && !timeout.isZero()) {
                return timeout;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw invalid("timeout", "must be a positive ISO duration such as PT30S, was '" + value + "'");
    }

    private static int number(Map<String, String> configuration, String name, int fallback, int min, int max) {
        String value = configuration.get(name);
        try {
            int number = value == null ? fallback : Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }

    private static ConnectorException invalid(String property, String problem) {
        return new ConnectorException("connector.config", PREFIX + property + ": " + problem);
    }
}
