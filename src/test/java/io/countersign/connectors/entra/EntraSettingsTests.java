package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorFactory.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The connector's configuration: defaults, and one line naming the property for each bad value. */
class EntraSettingsTests {

    private static final Map<String, String> MINIMAL = Map.of("tenant-id", "bank.example", "client-id", "4d2f6a0e-1b3c-4e5f-8a9b-0c1d2e3f4a5b",
            "client-secret", "env:ENTRA_CLIENT_SECRET");

    @Test
    void fillsInMicrosoftsCloudAndTheDocumentedDefaults() {
        EntraSettings settings = EntraSettings.parse(MINIMAL);

        assertThat(settings.graphUrl()).isEqualTo(URI.create("https://graph.microsoft.com/v1.0"));
        assertThat(settings.tokenEndpoint()).isEqualTo(URI.create("https://login.microsoftonline.com/bank.example/oauth2/v2.0/token"));
        assertThat(settings.reasonNoteAttribute()).isEqualTo("extensionAttribute15");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxRetries()).isEqualTo(3);
        assertThat(settings.pageSize()).isEqualTo(999);
        assertThat(settings.notificationClientState()).isEmpty();
        assertThat(settings.signInsStart(Instant.parse("2025-07-01T00:00:00Z"))).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(settings.clientSecret()).hasToString("env:ENTRA_CLIENT_SECRET (****)");
    }

    @Test
    void namesThePropertyOfEachBadValue() {
        assertRefused(without("tenant-id"), "countersign.connectors.entra.tenant-id: is required");
        assertRefused(with("tenant-id", "bank example"), "countersign.connectors.entra.tenant-id: must be a tenant id (GUID) or a domain name, was 'bank example'");
        assertRefused(with("graph-url", "http://graph.example.com/v1.0"),
                "countersign.connectors.entra.graph-url: must be an https URL (http only on a loopback address), was 'http://graph.example.com/v1.0'");
        assertRefused(with("authority", "login"), "countersign.connectors.entra.authority: must be an https URL (http only on a loopback address), was 'login'");
        assertRefused(with("client-secret", "s3cr3t-value"),
                "countersign.connectors.entra.client-secret: must be a reference, env:NAME or file:PATH, never the secret itself");
        assertRefused(with("signins-since", "last week"),
                "countersign.connectors.entra.signins-since: must be an ISO instant (2025-06-01T00:00:00Z) or an ISO period such as P30D, was 'last week'");
        assertRefused(with("reason-note-attribute", "extensionAttribute16"), "countersign.connectors.entra.reason-note-attribute: must be "
                + "extensionAttribute1..15 or extension_<appId without dashes>_<name>, was 'extensionAttribute16'");
        assertRefused(with("max-retries", "11"), "countersign.connectors.entra.max-retries: must be a whole number from 0 to 10, was '11'");
        assertRefused(with("timeout", "30"), "countersign.connectors.entra.timeout: must be a positive ISO duration such as PT30S, was '30'");
        assertRefused(with("tenant", "bank.example"), "countersign.connectors.entra.tenant: is not a property of the entra connector; known: [graph-url, "
                + "authority, tenant-id, client-id, client-secret, notification-client-state, signins-since, reason-note-attribute, timeout, "
                + "max-retries, page-size]");
    }

    @Test
    void declaresItsSecretsAsSecret() {
        assertThat(new EntraConnectorFactory(made -> { }, wait -> { }).properties()).filteredOn(ConfigProperty::secret)
                .extracting(ConfigProperty::name).containsExactly("client-secret", "notification-client-state");
    }

    private static void assertRefused(Map<String, String> configuration, String message) {
        assertThatThrownBy(() -> EntraSettings.parse(configuration)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("connector.config");
            assertThat(e).hasMessage(message);
        });
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> configuration = new HashMap<>(MINIMAL);
        configuration.put(name, value);
        return configuration;
    }

    private static Map<String, String> without(String name) {
        Map<String, String> configuration = new HashMap<>(MINIMAL);
        configuration.remove(name);
        return configuration;
    }
}
