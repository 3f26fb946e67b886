package io.countersign.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Service;

/**
 * The connectors in use: those configured at start-up (beans) and those made at run time from a factory
 * (the demo pointing at the stand-ins, {@code countersign sync}). For a platform, the latest registered wins.
 * A connector that also implements {@link TenantReader} is the platform's reader too.
 */
@Service
public class ConnectorRegistry {

    private final List<Connector> connectors = new CopyOnWriteArrayList<>();
    private final List<TenantReader> readers = new CopyOnWriteArrayList<>();
    private final List<ConnectorFactory> factories;

    ConnectorRegistry(List<Connector> configured, List<TenantReader> configuredReaders, List<ReaderSource> readerSources,
                      List<ConnectorFactory> factories) {
        configured.forEach(this::register);
        configuredReaders.stream().filter(r -> !readers.contains(r)).forEach(readers::add);
        readerSources.forEach(source -> readers.addAll(source.readers()));
        this.factories = List.copyOf(factories);
    }

    public void register(Connector connector) {
        connectors.add(connector);
        if (connector instanceof TenantReader reader) {
            readers.add(reader);
        }
    }

    public void register(TenantReader reader) {
        readers.add(reader);
    }

    /** Makes a connector with the factory {@code factoryId} and registers it. */
    public Connector create(String factoryId, Map<String, String> configuration) {
        ConnectorFactory factory = factories.stream().filter(f -> f.id().equals(factoryId)).findFirst()
                .orElseThrow(() -> new ConnectorException("connector.unknown", "no connector factory '" + factoryId + "'; known: "
                        + factories.stream().map(ConnectorFactory::id).sorted().toList()));
        Connector connector = factory.create(configuration);
        register(connector);
        return connector;
    }

    public Optional<Connector> forPlatform(String platform) {
        List<Connector> reversed = new ArrayList<>(connectors);
        java.util.Collections.reverse(reversed);
        return reversed.stream().filter(c -> c.platforms().contains(platform)).findFirst();
    }

    public Optional<TenantReader> reader(String platform) {
        List<TenantReader> reversed = new ArrayList<>(readers);
        java.util.Collections.reverse(reversed);
        return reversed.stream().filter(r -> r.platform().equals(platform)).findFirst();
    }

    public List<ConnectorFactory> factories() {
        return factories;
    }
}
