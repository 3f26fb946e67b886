package io.countersign.connectors.entra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.TenantReader;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;

/**
 * An Entra connector registered in the shared application for one test, against the Graph stand-in over the
 * application's simulated tenant. The whole test suite shares one registry, so closing it registers again what
 * answered for {@code entra} before, and later tests see the registry as they would have.
 */
final class EntraRegistration implements AutoCloseable {

    final GraphTenant graph;
    private final ConnectorRegistry registry;
    private final Optional<Connector> writerBefore;
    private final Optional<TenantReader> readerBefore;

    EntraRegistration(ConnectorRegistry registry, SimulatedTenant tenant, StandInOptions options, Path secrets) {
        this.registry = registry;
        this.writerBefore = registry.forPlatform("entra");
        this.readerBefore = registry.reader("entra");
        this.graph = GraphTenant.over(tenant, options, secrets);
        connect(Map.of());
    }

    /** Makes and registers a fresh connector, as a restarted application would. */
    Connector connect(Map<String, String> overrides) {
        Map<String, String> configuration = graph.configuration();
        configuration.putAll(overrides);
        return registry.create("entra", configuration);
    }

    @Override
    public void close() {
        graph.close();
        writerBefore.ifPresent(registry::register);
        readerBefore.ifPresent(registry::register);
    }
}
