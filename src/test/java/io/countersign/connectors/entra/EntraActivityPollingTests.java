package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polling the Graph stand-in's sign-ins, directory audits and risk detections, page by page, from a cursor. */
class EntraActivityPollingTests {

    @TempDir
    Path secrets;

    private GraphTenant graph;
    private EntraConnector entra;

    /** What a run of reads to the end gave, and the cursor it ended at. */
    record Run(List<InboundEvent> events, String cursor, int pages) { }

    @BeforeEach
    void serve() {
        graph = GraphTenant.serve(120, 4, new StandInOptions(GraphTenant.CLIENT_SECRET, 25, 0, 0, Map.of()), secrets);
        entra = graph.connector();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    static Run readToTheEnd(EntraConnector connector, String stream, Optional<String> from) {
        List<InboundEvent> events = new ArrayList<>();
        Optional<String> cursor = from;
        int pages = 0;
        boolean more = true;
        while (more) {
            EventPage page = connector.readEvents(stream, cursor);
            events.addAll(page.events());
            cursor = Optional.of(page.nextCursor());
            more = page.more();
            pages++;
        }
        return new Run(events, cursor.orElseThrow(), pages);
    }

    @Test
    void readsEverySignInOnceInTimeOrderThenOnlyWhatIsNew() {
        List<SimulatedTenant.Event> signIns = graph.tenant.events("entra", 0).stream().filter(e -> e.type().equals("user.session.start")).toList();

        Run first = readToTheEnd(entra, "sign_ins", Optional.empty());

        assertThat(first.pages()).isGreaterThan(signIns.size() / 25);
        assertThat(first.events()).extracting(InboundEvent::eventId).containsExactlyInAnyOrderElementsOf(signIns.stream().map(SimulatedTenant.Event::id).toList());
        assertThat(first.events()).extracting(InboundEvent::occurredAt).isSortedAccordingTo(Comparator.naturalOrder());

        SimulatedTenant.User user = graph.tenant.users("entra").getFirst();
        SimulatedTenant.Event fresh = graph.tenant.record("entra", "user.session.start", user.login(), user.login(), "FAILURE", Map.of());
        Run second = readToTheEnd(entra, "sign_ins", Optional.of(first.cursor()));

        assertThat(second.events()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(fresh.id());
            assertThat(e.stream()).isEqualTo("sign_ins");
            assertThat(e.type()).isEqualTo("signIn");
            assertThat(e.actor()).isEqualTo(user.login());
            assertThat(e.outcome()).isEqualTo("FAILURE");
            assertThat(e.payload()).containsKey("status").containsKey("location").containsKey("riskLevelDuringSignIn");
        });
        assertThat(readToTheEnd(entra, "sign_ins", Optional.of(second.cursor())).events()).isEmpty();
    }

    @Test
    void mapsDirectoryAuditsOfTheConnectorsOwnWrites() {
        SimulatedTenant.User user = graph.tenant.users("entra").getFirst();
        entra.apply(new ConnectorWrite.DisableUser("entra", user.login()));

        Run audits = readToTheEnd(entra, "directory_audits", Optional.empty());

        assertThat(audits.events()).filteredOn(e -> e.type().equals("Disable account")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(user.login());
            assertThat(e.actor()).isEqualTo("countersign");
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.payload()).containsEntry("category", "UserManagement").containsEntry("loggedByService", "Core Directory");
        });
    }

    @Test
    void readsARiskDetectionForEverySignInFromAbroad() {
        long abroad = graph.tenant.events("entra", 0).stream().filter(e -> e.type().equals("user.session.start") && !"US".equals(e.country())).count();

        Run risks = readToTheEnd(entra, "risk_detections", Optional.empty());

        assertThat(abroad).isPositive();
        assertThat(risks.events()).hasSize((int) abroad).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("unfamiliarFeatures");
            assertThat(e.outcome()).isEqualTo("medium");
            assertThat(e.actor()).endsWith("@bank.example");
            assertThat(e.sourceIp()).startsWith("198.51.100.");
        });
    }

    @Test
    void refusesAStreamGraphDoesNotHave() {
        assertThatThrownBy(() -> entra.readEvents("system_log", Optional.empty())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo("connector.config");
            assertThat(e).hasMessage("entra has no event stream 'system_log'; known: [sign_ins, directory_audits, risk_detections]");
        });
    }
}
