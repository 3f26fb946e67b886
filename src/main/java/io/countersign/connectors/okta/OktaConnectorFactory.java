package io.countersign.connectors.okta;

import java.util.List;
import java.util.Map;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Okta connectors (factory id {@code okta}), and the start-up one when {@code countersign.connectors.okta.url}
 * is set. Secrets are references ({@code env:NAME}, {@code file:PATH}), read when the connector is made.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OktaProperties.class)
class OktaConnectorFactory implements ConnectorFactory {

    static final String ID = "okta";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigProperty> properties() {
        return List.of(
                new ConfigProperty("url", "Okta org URL, e.g. https://bank.okta.com (plain http only for 127.0.0.1 or localhost)", true, false),
                new ConfigProperty("token", "SSWS API token: env:NAME or file:PATH", true, true),
                new ConfigProperty("reason-attribute", "custom user profile attribute for reason notes (default countersignReason)", false, false),
                new ConfigProperty("log-since", "first System Log read starts here: an ISO instant or a duration before it, e.g. P7D (default)",
                        false, false),
                new ConfigProperty("event-hook-secret", "value Okta sends in the event hook authorization header: env:NAME or file:PATH",
                        false, true),
                new ConfigProperty("timeout", "longest time one request to Okta may take (default PT30S)", false, false),
                new ConfigProperty("max-attempts", "tries per request to Okta, the first included, 1 to 10 (default 5)", false, false));
    }

    @Override
    public Connector create(Map<String, String> configuration) {
        return OktaConnector.create(OktaSettings.parse(configuration));
    }

    @Bean
    @ConditionalOnProperty(prefix = "countersign.connectors.okta", name = "url")
    Connector oktaConnector(OktaProperties properties) {
        return create(properties.configuration());
    }
}
