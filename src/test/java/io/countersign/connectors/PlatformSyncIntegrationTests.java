package io.countersign.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.countersign.directory.Directory;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.IdentityId;
import io.countersign.directory.MergeSummary;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Directory sync and event polling through the in-process readers of the simulated platforms. */
@CountersignTest
class PlatformSyncIntegrationTests {

    @Autowired PlatformSync sync;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired Inbox inbox;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void startFromTheTestBank() {
        Workflows.startFrom(TestBank.snapshot(), directory, tenant, jdbc);
        tenant.seed(TestBank.snapshot(), 11, 4);
        jdbc.execute("delete from connector_cursor");
        jdbc.execute("delete from inbox_event");
    }

    @Test
    void aSyncOfAnUnchangedPlatformChangesNothing() {
        MergeSummary merge = sync.syncDirectory("ad").merge();

        assertThat(merge.users()).isEqualTo(12);
        assertThat(merge.accountsAdded()).isZero();
        assertThat(merge.accountsRemoved()).isZero();
        assertThat(merge.assignmentsAdded()).isZero();
        assertThat(merge.assignmentsRemoved()).isZero();
        assertThat(merge.orphanAccounts()).isZero();
    }

    @Test
    void aMembershipRemovedOnThePlatformRemovesTheAssignmentAndKeepsTheOthersHistory() {
        var before = directory.assignmentsOf(new IdentityId("idn-trader-3"));
        tenant.removeMember("ad", "GRP-MUREX-EXECUTE", "idn-trader-3");

        MergeSummary merge = sync.syncDirectory("ad").merge();

        assertThat(merge.assignmentsRemoved()).isEqualTo(1);
        var after = directory.assignmentsOf(new IdentityId("idn-trader-3"));
        assertThat(after).noneMatch(a -> a.entitlementId().equals(new EntitlementId(TestBank.EXECUTE_TRADE)));
        assertThat(after).allMatch(before::contains);
    }

    @Test
    void aGroupTheCatalogueLacksBecomesAnEntitlementAndAnUnknownUserAnOrphanAccount() {
        tenant.createUser("ad", "svc-backup");
        tenant.addMember("ad", "GRP-MUREX-CONFIRM", "idn-trader-2");

        MergeSummary merge = sync.syncDirectory("ad").merge();

        assertThat(merge.accountsAdded()).isEqualTo(1);
        assertThat(merge.orphanAccounts()).isEqualTo(1);
        assertThat(merge.assignmentsAdded()).isEqualTo(1);
        assertThat(directory.assignmentsOf(new IdentityId("idn-trader-2")))
                .anyMatch(a -> a.entitlementId().value().equals("ent-murex-confirm") && a.grantedBy().equals("sync:ad"));
    }

    @Test
    void pollingStoresEachEventOnceAndResumesFromTheStoredCursor() {
        PollReport first = sync.pollEvents("okta", "system_log", 100);
        assertThat(first.read()).isEqualTo(12 * 4);
        assertThat(first.stored()).isEqualTo(first.read());

        tenant.record("okta", "user.session.start", "idn-trader-2@bank.example", "idn-trader-2@bank.example", "SUCCESS", Map.of());
        PollReport second = sync.pollEvents("okta", "system_log", 100);

        assertThat(second.read()).isEqualTo(1);
        assertThat(second.stored()).isEqualTo(1);
        assertThat(inbox.count("okta", "system_log")).isEqualTo(first.read() + 1);
    }

    @Test
    void aPageReadAgainAfterACrashAddsNothing() {
        sync.pollEvents("okta", "system_log", 100);
        jdbc.update("update connector_cursor set cursor = '0' where platform = 'okta' and stream = 'system_log'");

        PollReport replay = sync.pollEvents("okta", "system_log", 100);

        assertThat(replay.read()).isEqualTo(12 * 4);
        assertThat(replay.stored()).isZero();
    }
}
