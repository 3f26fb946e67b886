package io.countersign.connectors.workday;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConfigReader;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorFactory;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the HR source connector (id {@code workday}) from {@code countersign.connectors.workday.*} or a map of the same names. */
@Configuration(proxyBeanMethods = false)
class WorkdayConnectorFactory implements ConnectorFactory {

    static final String PREFIX = "countersign.connectors.workday";

    @Override
    public String id() {
        return HrEvents.PLATFORM;
    }

    @Override
    public List<ConfigProperty> properties() {
        return List.of(
                new ConfigProperty("feed-url", "the worker-event feed to poll (GET ?offset=&limit=, answering {total, data})", false, false),
                new ConfigProperty("token", "the feed's bearer token: env:NAME or file:PATH; required with feed-url", false, true),
                new ConfigProperty("webhook-secret", "the secret webhook deliveries carry in " + HrEvents.SECRET_HEADER
                        + ": env:NAME or file:PATH", false, true),
                new ConfigProperty("page-size", "events per feed page, 1 to 1000 (default 100)", false, false),
                new ConfigProperty("max-attempts", "tries per feed request, 1 to 10 (default 5)", false, false));
    }

    @Override
    public Connector create(Map<String, String> configuration) {
        ConfigReader config = new ConfigReader(PREFIX, configuration);
        if (config.optional("feed-url").isEmpty() && config.optional("webhook-secret").isEmpty()) {
            throw new ConnectorException("connector.config", PREFIX + ": set feed-url (with token), webhook-secret, or both");
        }
        SecretRef webhookSecret = config.optional("webhook-secret").isPresent() ? revealed(config.secret("webhook-secret")) : null;
        int attempts = config.integer("max-attempts", 5, 1, 10);
        ResilientHttp http = new ResilientHttp(new ResilientHttp.Policy(attempts, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(30)));
        if (config.optional("feed-url").isEmpty()) {
            return new WorkdayConnector(null, null, webhookSecret, 0, http);
        }
        return new WorkdayConnector(config.url("feed-url"), revealed(config.secret("token")), webhookSecret,
                config.integer("page-size", 100, 1, 1000), http);
    }

    /** Checks now that the secret can be read, so a wrong reference fails at start-up rather than on first use. */
    private static SecretRef revealed(SecretRef secret) {
        secret.reveal();
        return secret;
    }

    @Bean
    @ConditionalOnExpression("'${" + PREFIX + ".feed-url:}' != '' or '${" + PREFIX + ".webhook-secret:}' != ''")
    Connector workdayConnector(WorkdayProperties properties) {
        return create(properties.asConfiguration());
    }
}
