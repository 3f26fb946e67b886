package io.countersign.connectors.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;
import io.countersign.connectors.SecretRef;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.FailingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compliance API client against its stand-in, a failing server and a silent one. */
class ComplianceApiTests {

    private static final String TOKEN = "compliance-test-token-5d2e";

    @TempDir Path dir;

    private final ComplianceApi api = new ComplianceApi(new ComplianceProperties(null, null, Duration.ofSeconds(2)));

    @Test
    void readsProgrammesAndRequiredRegistrationsAsFlagsFromTheStandIn() throws IOException {
        try (StandInServer server = StandInServer.start(0, new SimulatedTenant(), StandInOptions.withToken(TOKEN))) {
            api.use(URI.create(server.baseUri() + "/compliance"), SecretRef.file(Files.writeString(dir.resolve("token"), TOKEN)), Duration.ofSeconds(2));

            ComplianceCheck check = api.check("E-10001", "Equity Derivatives Trader", "Equities", "New York");

            assertThat(check).isInstanceOfSatisfying(ComplianceCheck.Flags.class, flags -> {
                assertThat(flags.flags()).startsWith("SOX", "Volcker Rule");
                assertThat(flags.registrations()).anyMatch(r -> r.startsWith("Series 7:")).anyMatch(r -> r.startsWith("Series 63:"));
                assertThat(flags.crd()).isNotBlank();
            });
        }
    }

    @Test
    void flagsAPendingRegistrationTheRoleRequires() {
        ComplianceCheck check = ComplianceApi.flags(tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"registrations\": [{\"exam\": \"Series 7\", \"status\": \"PENDING\"}], \"required_registrations\": [\"Series 7\", \"Series 63\"],"
                        + " \"programs\": [\"SOX\"]}"));

        assertThat(check).isEqualTo(new ComplianceCheck.Flags(java.util.List.of("SOX", "FINRA Series 7 pending", "FINRA Series 63 missing"),
                java.util.List.of("Series 7:PENDING"), null));
    }

    @Test
    void aServerErrorMeansTheFlagsAreUnavailable() {
        try (FailingServer failing = FailingServer.answering(503, "{\"error\": \"down\"}")) {
            api.use(failing.baseUri(), null, Duration.ofSeconds(2));

            assertThat(api.check("E-1", "Equity Trader", "Equities", "New York"))
                    .isEqualTo(new ComplianceCheck.Unavailable("the compliance API answered 503 for E-1"));
        }
    }

    @Test
    void aSilentServerTimesOutAndTheFlagsAreUnavailable() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        silent.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            api.use(URI.create("http://127.0.0.1:" + silent.getAddress().getPort()), null, Duration.ofMillis(300));

            assertThat(api.check("E-1", "Equity Trader", "Equities", "New York"))
                    .isEqualTo(new ComplianceCheck.Unavailable("the compliance API did not answer within 300 ms"));
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    void withoutAnEndpointTheFlagsAreUnavailable() {
        assertThat(api.check("E-1", "Equity Trader", "Equities", "New York"))
                .isEqualTo(new ComplianceCheck.Unavailable("no compliance API is configured (countersign.connectors.compliance.url)"));
    }
}
