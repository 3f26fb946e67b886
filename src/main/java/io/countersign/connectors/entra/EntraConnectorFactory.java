package io.countersign.connectors.entra;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Entra ID connectors (factory id {@value #ID}) from validated configuration, and the one configured under
 * {@code countersign.connectors.entra} at start-up when its {@code graph-url} is set. The latest connector made
 * is the one whose client state the change-notification receiver checks.
 */
@Configuration(proxyBeanMethods = false)
class EntraConnectorFactory implements ConnectorFactory {

    static final String ID = "entra";

    private final Consumer<EntraConnector> made;
    private final Consumer<Duration> onWait;

    @Autowired
    EntraConnectorFactory(EntraNotifications notifications) {
        this(notifications::use, wait -> { });
    }

    EntraConnectorFactory(Consumer<EntraConnector> made, Consumer<Duration> onWait) {
        this.made = made;
        this.onWait = onWait;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigProperty> properties() {
        return EntraSettings.PROPERTIES;
    }

    @Override
    public Connector create(Map<String, String> configuration) {
        EntraConnector connector = EntraConnector.connect(EntraSettings.parse(configuration), onWait);
        made.accept(connector);
        return connector;
    }

    @Bean
    @ConditionalOnProperty(name = "countersign.connectors.entra.graph-url")
    Connector entraConnector(EntraProperties properties) {
        return create(properties.asConfiguration());
    }
}
