package io.countersign.connectors.simulated;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorFactory;
import io.countersign.connectors.ReaderSource;
import io.countersign.connectors.TenantReader;
import io.countersign.simulator.SimulatedTenant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Makes the simulated connector; configured under {@code countersign.connectors.simulated}. */
@Configuration(proxyBeanMethods = false)
class SimulatedConnectorFactory implements ConnectorFactory {

    static final String ID = "simulated";
    private final SimulatedTenant tenant;

    SimulatedConnectorFactory(SimulatedTenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigProperty> properties() {
        return List.of(new ConfigProperty("platforms", "comma-separated platforms this connector answers for", true, false));
    }

    @Override
    public Connector create(Map<String, String> configuration) {
        String platforms = configuration.get("platforms");
        if (platforms == null || platforms.isBlank()) {
            throw new ConnectorException("connector.config", "countersign.connectors.simulated.platforms: at least one platform is required");
        }
        Set<String> set = Arrays.stream(platforms.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new SimulatedConnector(tenant, set);
    }

    private static String platforms(Environment environment) {
        return environment.getProperty("countersign.connectors.simulated.platforms", "okta,entra,ad,local");
    }

    @Bean
    @ConditionalOnProperty(name = "countersign.connectors.simulated.enabled", havingValue = "true")
    Connector simulatedConnector(Environment environment) {
        return create(Map.of("platforms", platforms(environment)));
    }

    /** Readers of the simulated platforms, so a sync and the event pollers can run in process. */
    @Bean
    @ConditionalOnProperty(name = "countersign.connectors.simulated.enabled", havingValue = "true")
    ReaderSource simulatedReaders(Environment environment) {
        List<TenantReader> readers = Arrays.stream(platforms(environment)
                .split(",")).map(String::trim).filter(p -> !p.isEmpty()).<TenantReader>map(p -> new SimulatedTenantReader(tenant, p)).toList();
        return () -> readers;
    }
}
