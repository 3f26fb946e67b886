package io.countersign.connectors.okta;

import java.util.List;
import java.util.Map;

import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.ReaderSource;

/**
 * Makes an Okta connector the one in use for platform {@code okta} during a test, and puts the simulated platform
 * back afterwards: every integration test shares one application context, and the others expect the simulation.
 */
final class OktaInUse {

    private OktaInUse() {
    }

    static Connector register(ConnectorRegistry registry, Map<String, String> configuration) {
        return registry.create(OktaConnectorFactory.ID, configuration);
    }

    static void restoreSimulation(ConnectorRegistry registry, List<ReaderSource> readerSources) {
        registry.create("simulated", Map.of("platforms", "okta"));
        readerSources.stream().flatMap(s -> s.readers().stream()).filter(r -> r.platform().equals("okta")).forEach(registry::register);
    }
}
