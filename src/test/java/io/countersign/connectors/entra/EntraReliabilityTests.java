package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.simulator.StandInOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the connector copes with a Graph that throttles, fails, hangs, answers garbage or pages awkwardly: against the
 * stand-in where it can produce the trouble, and against a {@link CannedGraph} scripted by the test where the trouble
 * must be exact.
 */
class EntraReliabilityTests {

    private static final String EMPTY = "{\"value\":[]}";
    private static final String ONE_USER = "{\"value\":[{\"id\":\"0d4b\",\"userPrincipalName\":\"a@bank.example\",\"accountEnabled\":true}]}";
    private static final String THROTTLED = "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}";
    private static final String UNAVAILABLE = "{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"The service is temporarily unavailable.\"}}";

    @TempDir
    Path secrets;

    private GraphTenant graph;
    private CannedGraph canned;

    @AfterEach
    void stop() {
        if (graph != null) {
            graph.close();
        }
        if (canned != null) {
            canned.close();
        }
    }

    @Test
    void waitsAsLongAsRetryAfterSaysWhenThrottledAndCompletes() {
        graph = GraphTenant.serve(60, 3, new StandInOptions(GraphTenant.CLIENT_SECRET, 30, 3, 0, Map.of("graph.retry-after", "1")), secrets);

        int signIns = EntraActivityPollingTests.readToTheEnd(graph.connector(), "sign_ins", Optional.empty()).events().size();

        assertThat(signIns).isEqualTo(graph.tenant.events("entra", 0).stream().filter(e -> e.type().equals("user.session.start")).count());
        assertThat(graph.waits).isNotEmpty().allMatch(Duration.ofSeconds(1)::equals);
    }

    @Test
    void theGraphSdkRetriesAThrottledCallAfterRetryAfter() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        AtomicInteger userCalls = new AtomicInteger();
        canned = new CannedGraph(uri -> !uri.getPath().endsWith("/users") ? CannedGraph.Answer.json(EMPTY)
                : userCalls.incrementAndGet() == 1 ? new CannedGraph.Answer(429, THROTTLED, Map.of("Retry-After", "1")) : CannedGraph.Answer.json(ONE_USER));

        assertThat(cannedConnector().readDirectory().users()).extracting(u -> u.login()).containsExactly("a@bank.example");
        assertThat(userCalls).hasValue(2);
    }

    @Test
    void givesUpAfterTheConfiguredRetriesWhenEveryCallIsThrottled() {
        graph = GraphTenant.serve(60, 1, new StandInOptions(GraphTenant.CLIENT_SECRET, 0, 1, 0, Map.of("graph.retry-after", "0")), secrets);
        EntraConnector entra = graph.connector(Map.of("max-retries", "2"));

        assertThatThrownBy(() -> entra.readEvents("sign_ins", Optional.empty())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("connector.unavailable");
            assertThat(e).hasMessageStartingWith("read sign_ins: Graph answered 429 (TooManyRequests: ");
        });
        assertThat(graph.waits).containsExactly(Duration.ZERO, Duration.ZERO);
        assertThatThrownBy(entra::readDirectory).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.getMessage()).startsWith("list users: Graph answered 429 (TooManyRequests: "));
    }

    @Test
    void retriesServerErrorsABoundedNumberOfTimes() {
        graph = GraphTenant.serve(60, 2, new StandInOptions(GraphTenant.CLIENT_SECRET, 20, 0, 3, Map.of()), secrets);
        assertThat(EntraActivityPollingTests.readToTheEnd(graph.connector(), "sign_ins", Optional.empty()).events()).isNotEmpty();

        graph.close();
        graph = GraphTenant.over(graph.tenant, new StandInOptions(GraphTenant.CLIENT_SECRET, 0, 0, 1, Map.of()), secrets);
        EntraConnector failing = graph.connector(Map.of("max-retries", "1"));
        assertThatThrownBy(() -> failing.readEvents("sign_ins", Optional.empty())).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e).hasMessageStartingWith("read sign_ins: Graph answered 503 (serviceNotAvailable: "));
        assertThat(graph.waits).hasSize(1);
    }

    @Test
    void theGraphSdkRetriesServerErrorsABoundedNumberOfTimes() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        AtomicInteger userCalls = new AtomicInteger();
        canned = new CannedGraph(uri -> !uri.getPath().endsWith("/users") ? CannedGraph.Answer.json(EMPTY)
                : userCalls.incrementAndGet() == 1 ? new CannedGraph.Answer(503, UNAVAILABLE, Map.of()) : CannedGraph.Answer.json(ONE_USER));
        assertThat(cannedConnector().readDirectory().users()).hasSize(1);
        assertThat(userCalls).hasValue(2);

        userCalls.set(0);
        canned.answer(uri -> {
            userCalls.incrementAndGet();
            return new CannedGraph.Answer(503, UNAVAILABLE, Map.of());
        });
        Map<String, String> configuration = canned.configuration(graph);
        configuration.put("max-retries", "1");
        EntraConnector failing = (EntraConnector) new EntraConnectorFactory(made -> { }, graph.waits::add).create(configuration);
        assertThatThrownBy(failing::readDirectory).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("connector.unavailable");
            assertThat(e).hasMessage("list users: Graph answered 503 (serviceNotAvailable: The service is temporarily unavailable.)");
        });
        assertThat(userCalls).hasValue(2);
    }

    @Test
    void aGraphThatNeverAnswersTimesOutWithinBoundedRetries() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        canned = new CannedGraph(uri -> CannedGraph.Answer.SILENCE);
        Map<String, String> configuration = canned.configuration(graph);
        configuration.putAll(Map.of("timeout", "PT0.3S", "max-retries", "1"));
        EntraConnector entra = (EntraConnector) new EntraConnectorFactory(made -> { }, graph.waits::add).create(configuration);

        assertThatThrownBy(() -> entra.readEvents("sign_ins", Optional.empty())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("connector.unreachable");
            assertThat(e).hasMessageContaining("failed 2 times: HttpTimeoutException");
        });
        assertThatThrownBy(entra::readDirectory).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo("connector.unreachable"));
        assertThat(canned.requests).hasSizeBetween(3, 4);
    }

    @Test
    void refusesMalformedAndTruncatedAnswers() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        List<String> bodies = List.of("{\"value\":[{\"id\":\"a\",\"createdDateTime\":\"2025-06-01T00:00:00Z\"},{\"id\":\"b\",\"created",
                "[1, 2, 3]", "{\"value\":{\"id\":\"a\"}}", "{\"value\":[{\"createdDateTime\":\"2025-06-01T00:00:00Z\"}]}",
                "{\"value\":[{\"id\":\"a\",\"createdDateTime\":\"yesterday\"}]}");
        canned = new CannedGraph(uri -> CannedGraph.Answer.json(bodies.getFirst()));
        EntraConnector entra = cannedConnector();

        for (String body : bodies) {
            canned.answer(uri -> CannedGraph.Answer.json(body));
            assertThatThrownBy(() -> entra.readEvents("sign_ins", Optional.empty())).as(body).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.code()).isEqualTo("connector.malformed"));
        }
        canned.answer(uri -> CannedGraph.Answer.json("{\"value\":[{\"id\":\"6a1f\",\"userPrincipalName\":\"a@bank.example\""));
        assertThatThrownBy(entra::readDirectory).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo("connector.malformed"));
    }

    @Test
    void keepsFieldsItDoesNotKnowInThePayload() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        canned = new CannedGraph(uri -> CannedGraph.Answer.json(uri.getPath().endsWith("/users") ? "{\"value\":[{\"id\":\"0d4b\","
                + "\"userPrincipalName\":\"a@bank.example\",\"accountEnabled\":true,\"futureThing\":{\"nested\":[1,2]}}],\"@odata.futureAnnotation\":7}"
                : uri.getPath().endsWith("/signIns") ? "{\"value\":[{\"id\":\"s1\",\"createdDateTime\":\"2025-06-01T08:00:00Z\",\"status\":{\"errorCode\":0},"
                + "\"brandNewSignal\":\"quantum\"}],\"@odata.deltaLink\":\"ignored\"}" : "{\"value\":[]}"));
        EntraConnector entra = cannedConnector();

        EventPage page = entra.readEvents("sign_ins", Optional.empty());

        assertThat(page.events()).singleElement().satisfies(e -> assertThat(e.payload()).containsEntry("brandNewSignal", "quantum"));
        assertThat(entra.readDirectory().users()).extracting(u -> u.login()).containsExactly("a@bank.example");
    }

    @Test
    void takesRecordsSharingATimestampAcrossPagesAndReadsOnceEach() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        List<String[]> records = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 5; i++) {
            records.add(new String[] {"r" + i, "2025-06-01T08:00:00Z"});
        }
        records.add(new String[] {"r6", "2025-06-01T08:00:01Z"});
        canned = new CannedGraph(feed(records, 2));
        EntraConnector entra = cannedConnector();

        EntraActivityPollingTests.Run first = EntraActivityPollingTests.readToTheEnd(entra, "sign_ins", Optional.empty());
        records.add(new String[] {"r7", "2025-06-01T08:00:01Z"});
        records.add(new String[] {"r8", "2025-06-01T08:00:02Z"});
        EntraActivityPollingTests.Run second = EntraActivityPollingTests.readToTheEnd(entra, "sign_ins", Optional.of(first.cursor()));

        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.events()).extracting(InboundEvent::eventId).containsExactly("r1", "r2", "r3", "r4", "r5", "r6");
        assertThat(first.cursor()).isEqualTo("{\"since\":\"2025-06-01T08:00:01Z\",\"seen\":[\"r6\"]}");
        assertThat(second.events()).extracting(InboundEvent::eventId).containsExactly("r7", "r8");
        assertThat(EntraActivityPollingTests.readToTheEnd(entra, "sign_ins", Optional.of(second.cursor())).events()).isEmpty();
    }

    @Test
    void aRestartedConnectorFollowsTheStoredNextLinkAndLosesNothing() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        List<String[]> records = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 7; i++) {
            records.add(new String[] {"r" + i, "2025-06-01T08:00:0" + (i / 3) + "Z"});
        }
        canned = new CannedGraph(feed(records, 3));
        EventPage firstPage = cannedConnector().readEvents("sign_ins", Optional.empty());

        EntraActivityPollingTests.Run rest = EntraActivityPollingTests.readToTheEnd(cannedConnector(), "sign_ins", Optional.of(firstPage.nextCursor()));

        assertThat(firstPage.more()).isTrue();
        assertThat(firstPage.nextCursor()).contains("\"next\":\"" + canned.base() + "/graph/v1.0/auditLogs/signIns?");
        List<String> all = new ArrayList<>(firstPage.events().stream().map(InboundEvent::eventId).toList());
        all.addAll(rest.events().stream().map(InboundEvent::eventId).toList());
        assertThat(all).containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7");
    }

    @Test
    void refusesAStoredCursorItCannotReadWithOneLine() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);

        assertThatThrownBy(() -> graph.connector().readEvents("risk_detections", Optional.of("{\"since\":\"last tuesday\"}")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo("connector.config");
                    assertThat(e).hasMessage("the stored cursor of entra risk_detections is not a Graph feed cursor");
                });
    }

    @Test
    void neverFollowsANextLinkAwayFromGraph() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        canned = new CannedGraph(uri -> CannedGraph.Answer.json("{\"value\":[],\"@odata.nextLink\":\"http://198.51.100.7/graph/v1.0/auditLogs/signIns?x=1\"}"));
        EntraConnector entra = cannedConnector();
        EventPage page = entra.readEvents("sign_ins", Optional.empty());

        assertThatThrownBy(() -> entra.readEvents("sign_ins", Optional.of(page.nextCursor()))).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("connector.malformed");
            assertThat(e).hasMessage("read sign_ins: @odata.nextLink leads away from " + canned.base() + "/graph/v1.0 (to http://198.51.100.7);"
                    + " the token is not sent there");
        });
        assertThat(canned.requests).hasSize(1);
    }

    @Test
    void fetchesAFreshTokenOnceWhenGraphRefusesTheCachedOne() {
        graph = GraphTenant.serve(50, 0, GraphTenant.options(), secrets);
        canned = new CannedGraph(uri -> new CannedGraph.Answer(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Lifetime validation failed, "
                + "the token is expired.\"}}", Map.of()));
        EntraConnector entra = cannedConnector();
        assertThatThrownBy(entra::readDirectory).isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo("connector.auth"));
        assertThat(canned.tokenRequests).hasSize(2);
        AtomicInteger calls = new AtomicInteger();
        canned.answer(uri -> calls.incrementAndGet() == 1 ? new CannedGraph.Answer(401, "{}", Map.of()) : CannedGraph.Answer.json("{\"value\":[]}"));

        assertThat(entra.readEvents("sign_ins", Optional.empty()).events()).isEmpty();
        assertThat(canned.tokenRequests).hasSize(3);
    }

    private EntraConnector cannedConnector() {
        return (EntraConnector) new EntraConnectorFactory(made -> { }, graph.waits::add).create(canned.configuration(graph));
    }

    /** A sign-in feed over {@code records} ({@code [id, createdDateTime]}): filtered on {@code ge}, in pages of {@code size}. */
    private Function<URI, CannedGraph.Answer> feed(List<String[]> records, int size) {
        return uri -> {
            Map<String, String> query = query(uri);
            Instant since = Instant.parse(query.get("$filter").replace("createdDateTime ge ", ""));
            List<String[]> matching = records.stream().filter(r -> !Instant.parse(r[1]).isBefore(since)).toList();
            int offset = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
            StringBuilder page = new StringBuilder("{\"value\":[");
            for (int i = offset; i < Math.min(matching.size(), offset + size); i++) {
                page.append(i > offset ? "," : "").append("{\"id\":\"").append(matching.get(i)[0]).append("\",\"createdDateTime\":\"")
                        .append(matching.get(i)[1]).append("\",\"status\":{\"errorCode\":0}}");
            }
            page.append(']');
            if (offset + size < matching.size()) {
                page.append(",\"@odata.nextLink\":\"").append(canned.base()).append("/graph/v1.0/auditLogs/signIns?$filter=")
                        .append(uri.getRawQuery().replaceAll(".*\\$filter=([^&]*).*", "$1")).append("&$skiptoken=").append(offset + size).append('"');
            }
            return CannedGraph.Answer.json(page.append('}').toString());
        };
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
