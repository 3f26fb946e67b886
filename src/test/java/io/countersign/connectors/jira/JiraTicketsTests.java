package io.countersign.connectors.jira;

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

/** The Jira sink against the Jira stand-in over loopback HTTP; what Jira holds is read back through Jira's own API. */
class JiraTicketsTests {

    private static final String TOKEN = "jira-" + UUID.randomUUID();
    private static final TicketRequest REQUEST = new TicketRequest("APR-000007", "Countersign approval APR-000007: Murex EXECUTE_TRADE for idn-trader-2",
            "Grant Murex EXECUTE_TRADE to idn-trader-2.\n\nDecide in Countersign.", Map.of("Risk tier", "high", "Ledger entry", "42"));

    @TempDir Path dir;
    private StandInServer jira;
    private Path tokenFile;

    @BeforeEach
    void startJira() throws IOException {
        tokenFile = Files.writeString(dir.resolve("api-token"), TOKEN);
        jira = StandInServer.start(0, new SimulatedTenant(), StandInOptions.withToken(TOKEN));
    }

    @AfterEach
    void stopJira() {
        jira.close();
    }

    @Test
    void opensAnIssueWithADocumentDescriptionAndFindsItAgainByTheRequestId() {
        TicketSink sink = sink(Map.of());

        TicketRef opened = sink.open(REQUEST);

        assertThat(opened.key()).isEqualTo("IAM-1");
        assertThat(opened.url()).isEqualTo(jira.baseUri() + "/browse/IAM-1");
        JsonNode fields = issue("IAM-1").path("fields");
        assertThat(fields.path("summary").asString()).isEqualTo(REQUEST.summary());
        assertThat(fields.path("issuetype").path("name").asString()).isEqualTo("Task");
        assertThat(fields.path("labels").valueStream().map(JsonNode::asString).toList()).containsExactly("countersign", "countersign-APR-000007");
        assertThat(fields.path("description").path("type").asString()).isEqualTo("doc");
        assertThat(fields.path("description").path("content").path(2).path("type").asString()).isEqualTo("bulletList");
        assertThat(sink.find("APR-000007")).hasValueSatisfying(found -> assertThat(found.key()).isEqualTo("IAM-1"));
        assertThat(sink.find("APR-000008")).isEmpty();
    }

    @Test
    void closesByTheTransitionNamedForTheOutcomeWithACommentAndClosingAgainIsHarmless() {
        TicketSink sink = sink(Map.of());
        TicketRef opened = sink.open(REQUEST);

        TicketRef closed = sink.resolve(opened, new Resolution(Outcome.APPROVED, "eq-head", "needed for the desk"));
        TicketRef again = sink.resolve(opened, new Resolution(Outcome.APPROVED, "eq-head", "needed for the desk"));

        assertThat(closed.status()).isEqualTo("Done");
        assertThat(again.status()).isEqualTo("Done");
        JsonNode fields = issue(opened.key()).path("fields");
        assertThat(fields.path("status").path("name").asString()).isEqualTo("Done");
        assertThat(fields.path("comment").path("total").asInt()).isEqualTo(1);
        assertThat(fields.path("comment").path("comments").path(0).path("body").path("content").path(0).path("content").path(0).path("text").asString())
                .isEqualTo("Approved in Countersign by eq-head: needed for the desk");
    }

    @Test
    void aRejectionGoesToWontDo() {
        TicketSink sink = sink(Map.of());

        TicketRef closed = sink.resolve(sink.open(REQUEST), new Resolution(Outcome.REJECTED, "cco", null));

        assertThat(closed.status()).isEqualTo("Won't Do");
    }

    @Test
    void aTransitionTheWorkflowLacksIsAnErrorNamingWhatItOffers() {
        TicketSink sink = sink(Map.of("transition-approved", "Ship It"));
        TicketRef opened = sink.open(REQUEST);

        assertThatThrownBy(() -> sink.resolve(opened, new Resolution(Outcome.APPROVED, "eq-head", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("IAM-1 offers no transition named 'Ship It' from status 'To Do'; it offers [Start Progress, Done, Won't Do]");
    }

    @Test
    void jirasOwnErrorIsReportedInOneLine() {
        TicketSink sink = sink(Map.of("project-key", "OPS"));

        assertThatThrownBy(() -> sink.open(REQUEST)).isInstanceOf(ConnectorException.class)
                .hasMessage("jira answered 400 to create an issue in OPS: project: valid project is required");
    }

    @Test
    void aRefusedTokenIsNamedByItsReferenceNeverByItsValue() throws IOException {
        Files.writeString(tokenFile, "wrong-" + TOKEN);
        TicketSink sink = sink(Map.of());

        assertThatThrownBy(() -> sink.open(REQUEST)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("jira.unauthorized");
            assertThat(e.getMessage()).contains("file:" + tokenFile + " (****)").doesNotContain(TOKEN);
        });
    }

    @Test
    void rateLimitedRequestsAreRetried() {
        jira.close();
        jira = StandInServer.start(0, new SimulatedTenant(), new StandInOptions(TOKEN, 0, 2, 0, Map.of()));
        TicketSink sink = sink(Map.of());

        TicketRef closed = sink.resolve(sink.open(REQUEST), new Resolution(Outcome.EXPIRED, null, null));

        assertThat(closed.status()).isEqualTo("Won't Do");
        assertThat(sink.find(REQUEST.correlationId())).isPresent();
    }

    @Test
    void serverErrorsAreRetriedAsOftenAsConfiguredThenReported() {
        try (FailingServer unavailable = FailingServer.answering(503, "{\"errorMessages\":[\"Service unavailable.\"],\"errors\":{}}")) {
            TicketSink sink = new JiraTicketsFactory().create(config(unavailable.baseUri(), Map.of("max-attempts", "3")));

            assertThatThrownBy(() -> sink.open(REQUEST)).isInstanceOf(ConnectorException.class)
                    .hasMessage("jira answered 503 to create an issue in IAM: Service unavailable.");
            assertThat(unavailable.requests()).isEqualTo(3);
        }
    }

    @Test
    void theConfigurationIsCheckedWithOneLineNamingTheProperty() {
        JiraTicketsFactory factory = new JiraTicketsFactory();
        Map<String, String> noUrl = new HashMap<>(config(jira.baseUri(), Map.of()));
        noUrl.remove("url");
        Map<String, String> rawToken = new HashMap<>(config(jira.baseUri(), Map.of()));
        rawToken.put("api-token", TOKEN);

        assertThatThrownBy(() -> factory.create(noUrl)).hasMessage("countersign.connectors.jira.url: is required");
        assertThatThrownBy(() -> factory.create(rawToken))
                .hasMessage("countersign.connectors.jira.api-token: must be a reference, env:NAME or file:PATH, never the secret itself");
        assertThatThrownBy(() -> factory.create(config(jira.baseUri(), Map.of("project-key", "iam"))))
                .hasMessage("countersign.connectors.jira.project-key: must be a Jira project key such as IAM, was 'iam'");
    }

    private TicketSink sink(Map<String, String> overrides) {
        return new JiraTicketsFactory().create(config(jira.baseUri(), overrides));
    }

    private Map<String, String> config(URI base, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of("url", base.toString(), "email", "countersign@bank.example",
                "api-token", "file:" + tokenFile, "project-key", "IAM", "max-attempts", "4"));
        config.putAll(overrides);
        return config;
    }

    private JsonNode issue(String key) {
        try {
            String basic = Base64.getEncoder().encodeToString(("auditor@bank.example:" + TOKEN).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jira.baseUri() + "/rest/api/3/issue/" + key))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.shared().readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
