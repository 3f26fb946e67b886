package io.countersign.testing;

import io.countersign.directory.Directory;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.simulator.SimulatedTenant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Puts the shared test database back to a known bank with no open workflow state (the ledger stays: it is append-only). */
public final class Workflows {

    private Workflows() {
    }

    public static void startFrom(DirectorySnapshot bank, Directory directory, SimulatedTenant tenant, JdbcTemplate jdbc) {
        jdbc.execute("delete from sod_finding");
        jdbc.execute("delete from lifecycle_item");
        jdbc.execute("delete from lifecycle_alert");
        jdbc.execute("delete from deprovisioning_timing");
        jdbc.execute("delete from lifecycle_case");
        jdbc.execute("delete from approval_vote");
        jdbc.execute("delete from approval_request");
        directory.load(bank);
        tenant.seed(bank);
    }
}
