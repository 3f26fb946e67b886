package io.countersign.connectors.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import io.countersign.testing.FailingServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the HEC output treats a collector's failures: bounded retries, a refusal for good, a refused token. */
class HecOutputTests {

    @TempDir Path dir;
    private SecretRef token;
    private final List<OcsfEvent> batch = List.of(new Ocsf("0.1.0").change(OcsfTests.change("disable_user", 5, true)));

    @BeforeEach
    void writeTheToken() throws IOException {
        token = SecretRef.file(Files.writeString(dir.resolve("hec-token"), "hec-token-value-123"));
    }

    @Test
    void aBusyCollectorIsTriedAsOftenAsConfiguredAndTheBatchStaysQueued() {
        try (FailingServer busy = FailingServer.answering(503, "{\"text\":\"Server is busy\",\"code\":9}")) {
            HecOutput output = output(busy, 3);

            assertThatThrownBy(() -> output.send(batch)).isInstanceOf(ConnectorException.class)
                    .hasMessage("HEC at " + busy.baseUri() + " answered 503 (Server is busy (code 9))");
            assertThat(busy.requests()).isEqualTo(3);
        }
    }

    @Test
    void aBatchTheCollectorCannotParseIsRefusedForGoodWithoutRetrying() {
        try (FailingServer strict = FailingServer.answering(400, "{\"text\":\"Invalid data format\",\"code\":6,\"invalid-event-number\":0}")) {
            SiemOutput.Sent sent = output(strict, 3).send(batch);

            assertThat(sent).isEqualTo(new SiemOutput.Sent.Refused("HEC refused the batch: Invalid data format (code 6)"));
            assertThat(strict.requests()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedTokenIsNamedByItsReferenceAndTheBatchStaysQueued() {
        try (FailingServer refusing = FailingServer.answering(403, "{\"text\":\"Invalid token\",\"code\":4}")) {
            assertThatThrownBy(() -> output(refusing, 3).send(batch)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.code()).isEqualTo("siem.hec-unauthorized");
                assertThat(e.getMessage()).contains("Invalid token (code 4)").contains(token.toString()).doesNotContain("hec-token-value-123");
            });
        }
    }

    private HecOutput output(FailingServer server, int attempts) {
        return new HecOutput(server.baseUri(), token, null, 10,
                new ResilientHttp(new ResilientHttp.Policy(attempts, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5))));
    }
}
