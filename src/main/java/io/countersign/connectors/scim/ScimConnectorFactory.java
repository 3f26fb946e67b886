package io.countersign.connectors.scim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorFactory;
import io.countersign.connectors.ResilientHttp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes SCIM connectors (factory id {@code scim}) from run-time configuration, and the one configured under
 * {@code countersign.connectors.scim} when its {@code url} is set. The token property is a reference
 * ({@code env:NAME} or {@code file:PATH}), resolved once when the connector is made.
 */
@Configuration(proxyBeanMethods = false)
class ScimConnectorFactory implements ConnectorFactory {

    static final String ID = "scim";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigProperty> properties() {
        return List.of(
                new ConfigProperty("url", "the SCIM base URL, e.g. https://app.example/scim/v2", true, false),
                new ConfigProperty("token", "the bearer token, as env:NAME or file:PATH", true, true),
                new ConfigProperty("platform", "the platform this endpoint provisions (default " + ScimSettings.DEFAULT_PLATFORM + ")", false, false),
                new ConfigProperty("group-mode", "groups (default) to manage the provider's groups, none to leave them alone", false, false),
                new ConfigProperty("note-attribute", "the User attribute for the reason note (default " + ScimSettings.DEFAULT_NOTE_ATTRIBUTE + ")",
                        false, false),
                new ConfigProperty("page-size", "users or groups asked for per page, 1 to 1000 (default " + ScimSettings.DEFAULT_PAGE_SIZE + ")",
                        false, false));
    }

    @Override
    public Connector create(Map<String, String> configuration) {
        return new ScimConnector(ScimSettings.from(configuration), ResilientHttp.Policy.defaults());
    }

    @Bean
    @ConditionalOnProperty(name = "countersign.connectors.scim.url")
    Connector scimConnector(ScimProperties properties) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("url", properties.url());
        configuration.put("token", properties.token());
        configuration.put("platform", properties.platform());
        configuration.put("group-mode", properties.groupMode());
        configuration.put("note-attribute", properties.noteAttribute());
        configuration.put("page-size", Integer.toString(properties.pageSize()));
        return create(configuration);
    }
}
