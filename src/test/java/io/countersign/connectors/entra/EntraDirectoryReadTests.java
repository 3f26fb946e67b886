package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.countersign.directory.AccountStatus;
import io.countersign.directory.PlatformSnapshot;
import io.countersign.simulator.SimulatedTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a synthetic bank's Entra tenant from the Graph stand-in through the Graph SDK. */
class EntraDirectoryReadTests {

    @TempDir
    Path secrets;

    private GraphTenant graph;

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void readsEveryUserGroupMembershipAndDirectoryRoleAcrossPages() {
        graph = GraphTenant.serve(300, 0, new io.countersign.simulator.StandInOptions(GraphTenant.CLIENT_SECRET, 40, 0, 0, Map.of()), secrets);
        SimulatedTenant tenant = graph.tenant;

        PlatformSnapshot snapshot = graph.connector().readDirectory();

        assertThat(snapshot.platform()).isEqualTo("entra");
        assertThat(snapshot.users()).extracting(PlatformSnapshot.User::externalId)
                .containsExactlyInAnyOrderElementsOf(tenant.users("entra").stream().map(SimulatedTenant.User::externalId).toList());
        assertThat(snapshot.users()).filteredOn(u -> u.status() == AccountStatus.DISABLED)
                .hasSize((int) tenant.users("entra").stream().filter(u -> u.status() == AccountStatus.DISABLED).count());
        assertThat(snapshot.groups()).hasSize(tenant.groups("entra").size());
        Set<String> memberships = tenant.groups("entra").stream().flatMap(g -> g.members().stream().map(m -> g.externalId() + "/" + m))
                .collect(Collectors.toSet());
        assertThat(snapshot.memberships()).extracting(m -> m.groupExternalId() + "/" + m.userExternalId())
                .containsExactlyInAnyOrderElementsOf(memberships);
        List<String> roles = tenant.apps("entra").stream().filter(a -> a.name().equals("Microsoft Entra ID"))
                .flatMap(a -> a.assignments().entrySet().stream().flatMap(e -> e.getValue().stream().map(r -> "Microsoft Entra ID:" + r + "/" + e.getKey())))
                .toList();
        assertThat(roles).isNotEmpty();
        assertThat(snapshot.appAssignments()).extracting(a -> a.appName() + ":" + a.permission() + "/" + a.userExternalId())
                .containsExactlyInAnyOrderElementsOf(roles);
    }
}
