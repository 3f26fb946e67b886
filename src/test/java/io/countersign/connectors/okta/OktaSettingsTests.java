package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Okta connector's configuration: defaults, and one line naming the property for every mistake. */
class OktaSettingsTests {

    @TempDir Path dir;

    @Test
    void aMinimalConfigurationGetsTheDocumentedDefaults() {
        OktaSettings settings = OktaSettings.parse(Map.of("url", "https://bank.okta.com/", "token", "env:OKTA_API_TOKEN"));

        assertThat(settings.orgUrl()).hasToString("https://bank.okta.com");
        assertThat(settings.reasonAttribute()).isEqualTo("countersignReason");
        assertThat(settings.logSince()).isEqualTo(new OktaSettings.LogSince.Before(Duration.ofDays(7)));
        assertThat(settings.eventHookSecret()).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.loopback()).isFalse();
    }

    @Test
    void theFirstSystemLogReadStartsAtAnInstantOrADurationBeforeIt() {
        Instant now = Instant.parse("2025-06-30T12:00:00Z");

        assertThat(parse("log-since", "2025-06-01T00:00:00Z").logSince().from(now)).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(parse("log-since", "PT12H").logSince().from(now)).isEqualTo(Instant.parse("2025-06-30T00:00:00Z"));
    }

    @Test
    void eachMistakeIsOneLineNamingTheProperty() {
        assertRefused(Map.of("token", "env:T"), "countersign.connectors.okta.url: is required: the Okta org URL, e.g. https://bank.okta.com");
        assertRefused(config("url", "http://bank.okta.com"),
                "countersign.connectors.okta.url: must use https (plain http only for 127.0.0.1 or localhost), was http://bank.okta.com");
        assertRefused(config("url", "https://bank.okta.com/api/v1"),
                "countersign.connectors.okta.url: must be the org's base URL (scheme, host and port only), was https://bank.okta.com/api/v1");
        assertRefused(config("token", "00abcdefSSWSvalue"),
                "countersign.connectors.okta.token: must be a reference, env:NAME or file:PATH, never the secret itself");
        assertRefused(config("reason-attribute", "reason-note"), "countersign.connectors.okta.reason-attribute: must be an Okta profile "
                + "attribute name (a letter, then letters, digits or _), was 'reason-note'");
        assertRefused(config("reason-attribute", "login"),
                "countersign.connectors.okta.reason-attribute: must not be login, which identifies the user; use a custom attribute");
        assertRefused(config("log-since", "last week"),
                "countersign.connectors.okta.log-since: 'last week' is neither an instant (2025-06-01T00:00:00Z) nor a duration (P7D)");
        assertRefused(config("timeout", "30"), "countersign.connectors.okta.timeout: '30' is not a duration such as PT30S");
        assertRefused(config("max-attempts", "0"), "countersign.connectors.okta.max-attempts: must be a whole number from 1 to 10, was '0'");
        assertRefused(config("tokn", "env:T"), "countersign.connectors.okta.tokn: unknown property; known: [event-hook-secret, log-since, "
                + "max-attempts, reason-attribute, timeout, token, url]");
    }

    @Test
    void anEventHookSecretTheApisOwnAuthenticationWouldClaimIsRefused() throws IOException {
        Map<String, String> configuration = config("event-hook-secret", "file:" + OktaConnectorTests.token(dir, "Bearer abc123"));
        configuration.put("token", "file:" + OktaConnectorTests.token(dir, "okta-token"));

        assertThatThrownBy(() -> new OktaConnectorFactory().create(configuration)).isInstanceOf(ConnectorException.class)
                .hasMessage("countersign.connectors.okta.event-hook-secret: must be a plain shared secret, not a Bearer or Basic credential");
    }

    @Test
    void plainHttpIsAllowedForALoopbackOrgWithoutLeavingOktasTestingSwitchOn() throws IOException {
        Map<String, String> configuration = config("url", "http://127.0.0.1:8400");
        configuration.put("token", "file:" + OktaConnectorTests.token(dir, "okta-token"));

        assertThat(new OktaConnectorFactory().create(configuration).platforms()).containsExactly("okta");
        assertThat(System.getProperty("okta.testing.disableHttpsCheck")).isNull();
    }

    @Test
    void theFactoryDeclaresBothSecretsAsSecrets() {
        assertThat(new OktaConnectorFactory().properties()).filteredOn(ConnectorFactory.ConfigProperty::secret)
                .extracting(ConnectorFactory.ConfigProperty::name).containsExactly("token", "event-hook-secret");
        assertThat(new OktaConnectorFactory().properties()).extracting(ConnectorFactory.ConfigProperty::name)
                .containsExactlyInAnyOrderElementsOf(OktaSettings.PROPERTIES);
    }

    private static OktaSettings parse(String name, String value) {
        return OktaSettings.parse(config(name, value));
    }

    private static Map<String, String> config(String name, String value) {
        Map<String, String> configuration = new HashMap<>(Map.of("url", "https://bank.okta.com", "token", "env:OKTA_API_TOKEN"));
        configuration.put(name, value);
        return configuration;
    }

    private static void assertRefused(Map<String, String> configuration, String message) {
        assertThatThrownBy(() -> OktaSettings.parse(configuration)).isInstanceOf(ConnectorException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ConnectorException) e).code()).isEqualTo("connector.config"));
    }
}
