package io.countersign.connectors.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.PlatformChanged;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.directory.Directory;
import io.countersign.policy.EntitlementFacts;
import io.countersign.remediation.SodRemediation;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Findings and platform changes out as OCSF to a JSON Lines file and the HEC stand-in, checked against the schema where they land. */
@CountersignTest
@ExtendWith(OutputCaptureExtension.class)
class SiemExportIntegrationTests {

    private static final String TOKEN = "hec-" + UUID.randomUUID();
    private static final EntitlementFacts EXECUTE_TRADE = new EntitlementFacts("Murex:EXECUTE_TRADE", "Murex", "EXECUTE_TRADE", "ELEVATED", "CONFIDENTIAL");

    @Autowired SiemExport siem;
    @Autowired SodRemediation remediation;
    @Autowired Provisioning provisioning;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @TempDir Path dir;
    private final SimulatedTenant splunk = new SimulatedTenant();
    private StandInServer collector;
    private SiemExport.Attachment attachment;
    private Path file;

    @BeforeEach
    void attachAFileAndACollector() throws IOException {
        Workflows.startFrom(TestBank.snapshot(), directory, tenant, jdbc);
        collector = StandInServer.start(0, splunk, new StandInOptions(TOKEN, 0, 0, 2, Map.of()));
        file = dir.resolve("siem/ocsf.jsonl");
        Path token = Files.writeString(dir.resolve("hec-token"), TOKEN);
        attachment = siem.attach(Map.of("file", file.toString(), "hec.url", collector.baseUri().toString(), "hec.token", "file:" + token,
                "hec.batch-size", "2", "hec.index", "identity"));
    }

    @AfterEach
    void detach() {
        attachment.close();
        collector.close();
    }

    @Test
    void findingsAndPlatformChangesArriveInTheFileAndAtTheCollectorAsValidOcsf(CapturedOutput output) {
        remediation.review();
        provisioning.execute(new ProvisioningRequest("test", "sod-remediation-agent", "test:siem", "identity:idn-trader-3",
                new ConnectorWrite.RemoveMembership("ad", "idn-trader-3", "GRP-MUREX-EXECUTE", EXECUTE_TRADE.key()), EXECUTE_TRADE,
                Map.of("approved", true), List.of()));

        List<JsonNode> written = await().atMost(Duration.ofSeconds(30)).until(this::fileDocuments, d -> d.size() >= 3);
        List<JsonNode> received = await().atMost(Duration.ofSeconds(30)).until(this::collectedEnvelopes, e -> e.size() >= 3);

        assertThat(written).extracting(d -> d.path("class_uid").asInt()).containsExactlyInAnyOrder(2004, 2004, 3006);
        written.forEach(document -> assertThat(OcsfSchema.violations(document)).as(document.toString()).isEmpty());
        assertThat(received).extracting(e -> e.path("event").path("metadata").path("uid").asString())
                .containsExactlyInAnyOrderElementsOf(written.stream().map(d -> d.path("metadata").path("uid").asString()).toList());
        received.forEach(envelope -> {
            assertThat(OcsfSchema.violations(envelope.path("event"))).isEmpty();
            assertThat(envelope.path("sourcetype").asString()).isIn("ocsf:detection_finding", "ocsf:group_management");
            assertThat(envelope.path("index").asString()).isEqualTo("identity");
            assertThat(envelope.path("time").asDouble()).isEqualTo(envelope.path("event").path("time").asLong() / 1000.0);
        });
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void aRedeliveredChangeIsExportedOnce() {
        long seq = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        PlatformChanged change = new PlatformChanged("test", "offboarding-agent", "identity:idn-trader-2", "okta", "disable_user",
                "account:idn-trader-2@bank.example", "idn-trader-2@bank.example", "Applied", true, seq, Instant.now(),
                Map.of("operation", "disable_user", "platform", "okta", "login", "idn-trader-2@bank.example"));
        String uid = "countersign:ledger:" + seq;

        publish(change);
        await().atMost(Duration.ofSeconds(30)).until(() -> withUid(fileDocuments(), uid) == 1 && collectedEnvelopes().stream()
                .filter(e -> e.path("event").path("metadata").path("uid").asString().equals(uid)).count() == 1);
        publish(change);
        awaitListeners();
        siem.flush();

        assertThat(withUid(fileDocuments(), uid)).isEqualTo(1);
        assertThat(collectedEnvelopes().stream().filter(e -> e.path("event").path("metadata").path("uid").asString().equals(uid))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from siem_event where uid = ?", Integer.class, uid)).isEqualTo(1);
    }

    @Test
    void aCollectorThatRefusesTheTokenKeepsItsQueueWhileTheFileCarriesOn(CapturedOutput output) throws IOException {
        attachment.close();
        Path wrong = Files.writeString(dir.resolve("wrong-token"), "wrong-" + TOKEN);
        attachment = siem.attach(Map.of("file", file.toString(), "hec.url", collector.baseUri().toString(), "hec.token", "file:" + wrong));
        long seq = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);

        publish(new PlatformChanged("test", "offboarding-agent", "identity:idn-trader-2", "okta", "disable_user", "account:x", "x", "Applied",
                true, seq, Instant.now(), Map.of("operation", "disable_user")));
        await().atMost(Duration.ofSeconds(30)).until(() -> withUid(fileDocuments(), "countersign:ledger:" + seq) == 1);
        siem.flush();

        assertThat(collectedEnvelopes()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from siem_delivery where output like 'hec:%' and uid = ?", Integer.class,
                "countersign:ledger:" + seq)).isZero();
        assertThat(output.getAll()).contains("answered 403 (Invalid token (code 4))").doesNotContain("wrong-" + TOKEN);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private void awaitListeners() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication"
                + " where listener_id like '%SiemListener%' and completion_date is null", Integer.class) == 0);
    }

    private static long withUid(List<JsonNode> documents, String uid) {
        return documents.stream().filter(d -> d.path("metadata").path("uid").asString().equals(uid)).count();
    }

    private List<JsonNode> fileDocuments() {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().map(line -> JsonMapper.shared().readTree(line)).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> collectedEnvelopes() {
        return splunk.platformNames().contains("splunk") ? splunk.events("splunk", 0).stream()
                .map(e -> JsonMapper.shared().readTree(e.details().get("envelope").toString())).toList() : List.of();
    }
}
