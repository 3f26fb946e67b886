package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import io.countersign.directory.PlatformSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How fast the connector reads a 2,000-person bank's tenant from the Graph stand-in; printed, not asserted. */
class EntraThroughputTests {

    @TempDir
    Path secrets;

    @Test
    void measuresUsersAndSignInsPerSecondFromTheStandIn() {
        try (GraphTenant graph = GraphTenant.serve(2000, 10, GraphTenant.options(), secrets)) {
            EntraConnector entra = graph.connector();
            measure("cold", entra);
            measure("warm", entra);
        }
    }

    private static void measure(String pass, EntraConnector entra) {
        long start = System.nanoTime();
        PlatformSnapshot snapshot = entra.readDirectory();
        long directoryNanos = System.nanoTime() - start;
        start = System.nanoTime();
        EntraActivityPollingTests.Run signIns = EntraActivityPollingTests.readToTheEnd(entra, "sign_ins", Optional.empty());
        long signInNanos = System.nanoTime() - start;
        System.out.printf("entra from the Graph stand-in, %s: %d users (%d groups, %d memberships, %d assignments) in %d ms = %.0f users/s;"
                        + " %d sign-ins in %d pages in %d ms = %.0f sign-ins/s%n", pass, snapshot.users().size(), snapshot.groups().size(),
                snapshot.memberships().size(), snapshot.appAssignments().size(), directoryNanos / 1_000_000, snapshot.users().size() * 1e9 / directoryNanos,
                signIns.events().size(), signIns.pages(), signInNanos / 1_000_000, signIns.events().size() * 1e9 / signInNanos);
        assertThat(snapshot.users()).isNotEmpty();
        assertThat(signIns.events()).isNotEmpty();
    }
}
