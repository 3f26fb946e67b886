package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.EventPage;
import io.countersign.connectors.TenantReader;
import io.countersign.directory.PlatformSnapshot;
import io.countersign.simulator.BankSpec;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.simulator.SyntheticBank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How fast the connector reads the default synthetic bank from the stand-in over loopback HTTP. Printed, not asserted. */
class OktaThroughputTests {

    @TempDir Path dir;

    @Test
    void readsTheDefaultBanksDirectoryAndSystemLogAndPrintsTheRates() throws IOException {
        SimulatedTenant tenant = new SimulatedTenant();
        tenant.seed(new SyntheticBank().generate(BankSpec.defaults(LocalDate.of(2025, 6, 30))).snapshot(), 42, 20);
        try (StandInServer server = StandInServer.start(0, tenant, StandInOptions.withToken(OktaConnectorTests.TOKEN))) {
            TenantReader okta = (TenantReader) OktaConnectorTests.connect(server, OktaConnectorTests.token(dir, OktaConnectorTests.TOKEN),
                    Map.of("log-since", "2000-01-01T00:00:00Z"));
            okta.readDirectory();

            long start = System.nanoTime();
            PlatformSnapshot snapshot = okta.readDirectory();
            double directorySeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            int events = 0;
            int pages = 0;
            Optional<String> cursor = Optional.empty();
            EventPage page;
            do {
                page = okta.readEvents("system_log", cursor);
                events += page.events().size();
                pages++;
                cursor = Optional.of(page.nextCursor());
            } while (page.more());
            double logSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(events).isEqualTo(tenant.eventCount("okta"));
            System.out.printf("okta stand-in, default bank: directory of %d users, %d groups, %d memberships, %d app assignments in %.2f s "
                            + "(%.0f users/s); System Log of %d events in %d pages in %.2f s (%.0f events/s)%n",
                    snapshot.users().size(), snapshot.groups().size(), snapshot.memberships().size(), snapshot.appAssignments().size(),
                    directorySeconds, snapshot.users().size() / directorySeconds, events, pages, logSeconds, events / logSeconds);
        }
    }
}
