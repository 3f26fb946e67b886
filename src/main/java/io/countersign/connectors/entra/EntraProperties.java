package io.countersign.connectors.entra;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Entra ID connector made at start-up, under {@code countersign.connectors.entra}; it is made only when
 * {@code graph-url} is set (to {@code https://graph.microsoft.com/v1.0} for Microsoft's own cloud).
 *
 * @param graphUrl                Microsoft Graph v1.0 base URL, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param authority               identity platform authority (default {@code https://login.microsoftonline.com})
 * @param tenantId                directory (tenant) id or verified domain
 * @param clientId                application (client) id of the app registration
 * @param clientSecret            reference to the client secret, {@code env:NAME} or {@code file:PATH}
 * @param notificationClientState reference to the clientState change notifications must carry
 * @param signinsSince            where the activity feeds start on first read: ISO instant or ISO period back from now
 *                                (default {@code P30D}, Entra's own retention)
 * @param reasonNoteAttribute     {@code extensionAttribute1..15} or a directory extension {@code extension_<appId>_<name>} for reason
 *                                notes (default {@code extensionAttribute15})
 * @param timeout                 how long one call may take (default 30 s)
 * @param maxRetries              retries of a throttled or failed call, 0 to 10 (default 3)
 * @param pageSize                items asked for per page, 1 to 999 (default 999)
 */
@ConfigurationProperties("countersign.connectors.entra")
record EntraProperties(String graphUrl, @DefaultValue(EntraSettings.DEFAULT_AUTHORITY) String authority, String tenantId, String clientId,
                       String clientSecret, String notificationClientState, @DefaultValue(EntraSettings.DEFAULT_SINCE) String signinsSince,
                       @DefaultValue(EntraSettings.DEFAULT_NOTE_ATTRIBUTE) String reasonNoteAttribute,
                       @DefaultValue(EntraSettings.DEFAULT_TIMEOUT) Duration timeout, @DefaultValue("3") int maxRetries,
                       @DefaultValue("999") int pageSize) {

    /** As the factory takes it: property names in kebab case, unset ones left out. */
    Map<String, String> asConfiguration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        put(configuration, "graph-url", graphUrl);
        put(configuration, "authority", authority);
        put(configuration, "tenant-id", tenantId);
        put(configuration, "client-id", clientId);
        put(configuration, "client-secret", clientSecret);
        put(configuration, "notification-client-state", notificationClientState);
        put(configuration, "signins-since", signinsSince);
        put(configuration, "reason-note-attribute", reasonNoteAttribute);
        put(configuration, "timeout", timeout);
        put(configuration, "max-retries", maxRetries);
        put(configuration, "page-size", pageSize);
        return configuration;
    }

    private static void put(Map<String, String> configuration, String name, Object value) {
        if (value != null) {
            configuration.put(name, value.toString());
        }
    }
}
