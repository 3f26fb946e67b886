package io.countersign.connectors.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.TicketRef;
import io.countersign.connectors.TicketRequest;
import io.countersign.connectors.TicketSink;
import io.countersign.connectors.TicketSink.Outcome;
import io.countersign.connectors.TicketSink.Resolution;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.FailingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ServiceNow sink against the Table API stand-in over loopback HTTP; records are read back through the Table API. */
class ServiceNowTicketsTests {

    private static final String PASSWORD = "sn-" + UUID.randomUUID();
    private static final TicketRequest REQUEST = new TicketRequest("APR-000011", "Countersign approval APR-000011: remove Domain Admins",
            "Remove Domain Admins from idn-infra-1.", Map.of("Risk tier", "critical"));

    @TempDir Path dir;
    private StandInServer serviceNow;
    private Path passwordFile;

    @BeforeEach
    void startServiceNow() throws IOException {
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD);
        serviceNow = StandInServer.start(0, new SimulatedTenant(), StandInOptions.withToken(PASSWORD));
    }

    @AfterEach
    void stopServiceNow() {
        serviceNow.close();
    }

    @Test
    void opensARecordWithTheConfiguredFieldsAndFindsItByCorrelationId() {
        TicketSink sink = sink(Map.of("field.assignment_group", "IAM Approvals", "field.priority", "2"));

        TicketRef opened = sink.open(REQUEST);

        assertThat(opened.key()).isEqualTo("SCTASK0010001");
        assertThat(opened.id()).matches("[0-9a-f]{32}");
        assertThat(opened.status()).isEqualTo("1");
        JsonNode record = record("sc_task", opened.id());
        assertThat(record.path("short_description").asString()).isEqualTo(REQUEST.summary());
        assertThat(record.path("description").asString()).isEqualTo("Remove Domain Admins from idn-infra-1.\n\nRisk tier: critical");
        assertThat(record.path("assignment_group").asString()).isEqualTo("IAM Approvals");
        assertThat(record.path("priority").asString()).isEqualTo("2");
        assertThat(record.path("correlation_id").asString()).isEqualTo("APR-000011");
        assertThat(sink.find("APR-000011")).hasValueSatisfying(found -> assertThat(found.key()).isEqualTo("SCTASK0010001"));
        assertThat(sink.find("APR-000012")).isEmpty();
    }

    @Test
    void closesWithTheStateConfiguredForTheOutcomeAndANote() {
        TicketSink sink = sink(Map.of("table", "incident"));
        TicketRef opened = sink.open(REQUEST);

        TicketRef closed = sink.resolve(opened, new Resolution(Outcome.REJECTED, "cco", "not justified"));

        assertThat(opened.key()).isEqualTo("INC0010001");
        assertThat(closed.status()).isEqualTo("4");
        assertThat(record("incident", opened.id()).path("close_notes").asString()).isEqualTo("Rejected in Countersign by cco: not justified");
    }

    @Test
    void serviceNowsOwnErrorIsReportedInOneLine() {
        TicketSink sink = sink(Map.of("table", "change_request"));

        assertThatThrownBy(() -> sink.open(REQUEST)).isInstanceOf(ConnectorException.class)
                .hasMessage("servicenow answered 400 to create a change_request record: Invalid table change_request");
    }

    @Test
    void aRefusedPasswordIsNamedByItsReferenceNeverByItsValue() throws IOException {
        Files.writeString(passwordFile, "wrong-" + PASSWORD);

        assertThatThrownBy(() -> sink(Map.of()).open(REQUEST)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("servicenow.unauthorized");
            assertThat(e.getMessage()).contains("file:" + passwordFile + " (****)").doesNotContain(PASSWORD);
        });
    }

    @Test
    void rateLimitsAndServerErrorsAreRetried() {
        serviceNow.close();
        serviceNow = StandInServer.start(0, new SimulatedTenant(), new StandInOptions(PASSWORD, 0, 2, 3, Map.of()));
        TicketSink sink = sink(Map.of());

        TicketRef closed = sink.resolve(sink.open(REQUEST), new Resolution(Outcome.APPROVED, "eq-head", null));

        assertThat(closed.status()).isEqualTo("3");
    }

    @Test
    void serverErrorsAreRetriedAsOftenAsConfiguredThenReported() {
        String busy = "{\"error\":{\"message\":\"Service Unavailable\",\"detail\":\"The instance is not available\"},\"status\":\"failure\"}";
        try (FailingServer unavailable = FailingServer.answering(503, busy)) {
            TicketSink sink = new ServiceNowTicketsFactory().create(config(unavailable.baseUri(), Map.of("max-attempts", "2")));

            assertThatThrownBy(() -> sink.find("APR-1")).isInstanceOf(ConnectorException.class)
                    .hasMessage("servicenow answered 503 to search sc_task for APR-1: Service Unavailable (The instance is not available)");
            assertThat(unavailable.requests()).isEqualTo(2);
        }
    }

    @Test
    void aFieldNameThatIsNotOneIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> sink(Map.of("field.Assignment Group", "x")))
                .hasMessage("countersign.connectors.servicenow.field.Assignment Group: must name a field such as assignment_group");
    }

    private TicketSink sink(Map<String, String> overrides) {
        return new ServiceNowTicketsFactory().create(config(serviceNow.baseUri(), overrides));
    }

    private Map<String, String> config(URI base, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of("url", base.toString(), "user", "svc-countersign",
                "password", "file:" + passwordFile, "max-attempts", "4"));
        config.putAll(overrides);
        return config;
    }

    private JsonNode record(String table, String sysId) {
        try {
            String basic = Base64.getEncoder().encodeToString(("auditor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serviceNow.baseUri() + "/api/now/table/" + table + "/" + sysId)).header("Authorization", "Basic " + basic).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.shared().readTree(response.body()).path("result");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
