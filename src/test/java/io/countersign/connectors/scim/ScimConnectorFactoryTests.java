package io.countersign.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorFactory.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The factory's configuration: declared properties, and one line naming the property for each mistake. */
class ScimConnectorFactoryTests {

    private final ScimConnectorFactory factory = new ScimConnectorFactory();

    @Test
    void declaresItsPropertiesWithTheTokenAsItsOnlySecret() {
        assertThat(factory.id()).isEqualTo("scim");
        assertThat(factory.properties()).extracting(ConfigProperty::name)
                .containsExactly("url", "token", "platform", "group-mode", "note-attribute", "page-size");
        assertThat(factory.properties()).filteredOn(ConfigProperty::secret).extracting(ConfigProperty::name).containsExactly("token");
        assertThat(factory.properties()).filteredOn(ConfigProperty::required).extracting(ConfigProperty::name).containsExactly("url", "token");
    }

    @Test
    void makesAConnectorForTheConfiguredPlatformThatNamesNoSecret() {
        Connector connector = factory.create(configuration("platform", "payroll"));

        assertThat(connector.platforms()).containsExactly("payroll");
        assertThat(((ScimConnector) connector).platform()).isEqualTo("payroll");
        assertThat(connector).hasToString("SCIM connector for payroll at https://app.example/scim/v2");
        assertThat(connector.toString()).doesNotContain(ScimConnectorContract.TOKEN);
    }

    @Test
    void refusesAMissingUrl() {
        assertRefused(configuration("url", null), "url: is required (the SCIM base URL, e.g. https://app.example/scim/v2)");
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertRefused(configuration("url", "ldap://dc1.bank.example"), "url: must be an http or https URL with a host, was 'ldap://dc1.bank.example'");
    }

    @Test
    void refusesAUrlCarryingCredentialsWithoutRepeatingThem() {
        assertThatThrownBy(() -> factory.create(configuration("url", "https://admin:hunter2@app.example/scim/v2")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("url: must not carry a query, fragment or credentials, was 'https://app.example…'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesATokenGivenAsItselfRatherThanAsAReference() {
        assertThatThrownBy(() -> factory.create(configuration("token", "s3cr3t-bearer-token")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("token: must be a reference, env:NAME or file:PATH, never the secret itself")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void refusesAnUnknownGroupMode() {
        assertRefused(configuration("group-mode", "nested"), "group-mode: must be groups or none, was 'nested'");
    }

    @Test
    void refusesAPageSizeOutOfRange() {
        assertRefused(configuration("page-size", "0"), "page-size: must be a whole number from 1 to 1000, was '0'");
        assertRefused(configuration("page-size", "lots"), "page-size: must be a whole number from 1 to 1000, was 'lots'");
    }

    @Test
    void refusesAPlatformNameThatIsNotOne() {
        assertRefused(configuration("platform", "Payroll System"), "platform: must be a lower-case name such as scim, was 'Payroll System'");
    }

    @Test
    void refusesANoteAttributeThatIsNoPath() {
        assertThatThrownBy(() -> factory.create(configuration("note-attribute", "reason note")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("note-attribute: 'reason note' is not a SCIM attribute path (");
    }

    private void assertRefused(Map<String, String> configuration, String message) {
        assertThatThrownBy(() -> factory.create(configuration)).isInstanceOf(ConnectorException.class).hasMessage(message)
                .extracting(e -> ((ConnectorException) e).code()).isEqualTo("connector.config");
    }

    private static Map<String, String> configuration(String name, String value) {
        Map<String, String> configuration = new HashMap<>(Map.of("url", "https://app.example/scim/v2", "token", "file:" + ScimConnectorContract.TOKEN_FILE));
        configuration.put(name, value);
        return configuration;
    }
}
