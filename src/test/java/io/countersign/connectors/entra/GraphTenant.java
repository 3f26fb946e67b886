package io.countersign.connectors.entra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.countersign.simulator.BankSpec;
import io.countersign.simulator.GeneratedBank;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.simulator.SyntheticBank;

/**
 * A synthetic bank's Entra tenant served by the Graph stand-in on a free loopback port, and Entra connectors
 * configured against it, with their secrets in files under a test's temporary directory.
 */
final class GraphTenant implements AutoCloseable {

    static final String CLIENT_SECRET = "entra-test-client-secret-4f1d9a";
    static final String CLIENT_STATE = "entra-test-client-state-77c3e0";
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final Map<Integer, GeneratedBank> BANKS = new HashMap<>();

    final SimulatedTenant tenant;
    final StandInServer server;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Path secrets;

    private GraphTenant(SimulatedTenant tenant, StandInServer server, Path secrets) {
        this.tenant = tenant;
        this.server = server;
        this.secrets = secrets;
    }

    /** A bank of {@code employees} people with {@code signInsPerUser} sign-ins each, in a tenant of its own. */
    static GraphTenant serve(int employees, int signInsPerUser, StandInOptions options, Path secrets) {
        SimulatedTenant tenant = new SimulatedTenant();
        tenant.seed(bank(employees).snapshot(), 5, signInsPerUser);
        return over(tenant, options, secrets);
    }

    static GraphTenant over(SimulatedTenant tenant, StandInOptions options, Path secrets) {
        return new GraphTenant(tenant, StandInServer.start(0, tenant, options), secrets);
    }

    static StandInOptions options() {
        return new StandInOptions(CLIENT_SECRET, 0, 0, 0, Map.of());
    }

    static synchronized GeneratedBank bank(int employees) {
        return BANKS.computeIfAbsent(employees, n -> new SyntheticBank().generate(new BankSpec(5, n, 30, AS_OF)));
    }

    /** The connector's configuration: this stand-in as Graph and authority, secrets as file references. */
    Map<String, String> configuration() {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("graph-url", server.baseUri() + "/graph/v1.0");
        configuration.put("authority", server.baseUri() + "/graph");
        configuration.put("tenant-id", "bank.example");
        configuration.put("client-id", "countersign-tests");
        configuration.put("client-secret", "file:" + secret("client-secret", CLIENT_SECRET));
        configuration.put("notification-client-state", "file:" + secret("client-state", CLIENT_STATE));
        configuration.put("signins-since", "2020-01-01T00:00:00Z");
        configuration.put("max-retries", "2");
        return configuration;
    }

    EntraConnector connector() {
        return connector(Map.of());
    }

    EntraConnector connector(Map<String, String> overrides) {
        Map<String, String> configuration = configuration();
        configuration.putAll(overrides);
        return (EntraConnector) new EntraConnectorFactory(made -> { }, waits::add).create(configuration);
    }

    private Path secret(String name, String value) {
        try {
            Path file = secrets.resolve(name);
            Files.writeString(file, value);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
