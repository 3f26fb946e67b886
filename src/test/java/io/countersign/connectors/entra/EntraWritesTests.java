package io.countersign.connectors.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.ReadBack;
import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector writes against the Graph stand-in, each followed by its read-back, and the same write again. */
class EntraWritesTests {

    @TempDir
    Path secrets;

    private GraphTenant graph;
    private EntraConnector entra;
    private SimulatedTenant tenant;
    private SimulatedTenant.User someone;
    private SimulatedTenant.Group group;

    @BeforeEach
    void serve() {
        graph = GraphTenant.serve(120, 0, GraphTenant.options(), secrets);
        entra = graph.connector();
        tenant = graph.tenant;
        someone = tenant.users("entra").stream().filter(u -> u.status() == AccountStatus.ACTIVE).findFirst().orElseThrow();
        group = tenant.groups("entra").stream().filter(g -> !g.members().contains(someone.externalId())).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void createsAUserThenUpdatesItsProfileAndThenFindsItAlreadySo() {
        ConnectorWrite create = new ConnectorWrite.CreateUser("entra", "new.joiner@bank.example", Map.of("firstName", "Nia", "lastName", "Joiner",
                "employeeNumber", "E-90001", "department", "Rates"));

        assertThat(entra.apply(create)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(entra.readBack(create).confirmed()).isTrue();
        assertThat(tenant.userByLogin("entra", "new.joiner@bank.example")).hasValueSatisfying(u -> {
            assertThat(u.employeeNumber()).isEqualTo("E-90001");
            assertThat(u.status()).isEqualTo(AccountStatus.ACTIVE);
        });

        ConnectorWrite moved = new ConnectorWrite.CreateUser("entra", "new.joiner@bank.example", Map.of("department", "Credit", "title", "Credit Trader"));
        assertThat(entra.apply(moved)).isEqualTo(new ChangeResult.Applied("create_user account:new.joiner@bank.example for new.joiner@bank.example"
                + " on entra: updated [department, jobTitle]"));
        assertThat(entra.readBack(moved).confirmed()).isTrue();
        assertThat(entra.apply(moved)).isInstanceOf(ChangeResult.AlreadyInState.class);
    }

    @Test
    void revokesAUsersSignInSessionsWithGraphsRevokeSignInSessions() {
        ConnectorWrite end = new ConnectorWrite.EndSessions("entra", someone.login());

        assertThat(entra.apply(end)).isEqualTo(new ChangeResult.Applied("end_sessions account:" + someone.login() + " for " + someone.login()
                + " on entra: sign-in sessions revoked"));

        assertThat(tenant.sessionsEndedAt("entra", someone.login())).isPresent();
        assertThat(entra.readBack(end).confirmed()).isTrue();
        assertThat(entra.apply(new ConnectorWrite.EndSessions("entra", "nobody@bank.example"))).isInstanceOf(ChangeResult.Rejected.class);
    }

    @Test
    void disablesAUserAndReadsItBackDisabled() {
        ConnectorWrite disable = new ConnectorWrite.DisableUser("entra", someone.login());

        assertThat(entra.apply(disable)).isInstanceOf(ChangeResult.Applied.class);

        assertThat(entra.readBack(disable)).isEqualTo(new ReadBack(true, Map.of("login", someone.login(), "status", "DISABLED")));
        assertThat(tenant.accountStatus("entra", someone.login())).contains(AccountStatus.DISABLED);
        assertThat(entra.apply(disable)).isInstanceOf(ChangeResult.AlreadyInState.class);
    }

    @Test
    void addsAndRemovesAGroupMemberByGroupName() {
        ConnectorWrite add = new ConnectorWrite.AddMembership("entra", someone.login(), group.name(), null);
        ConnectorWrite remove = new ConnectorWrite.RemoveMembership("entra", someone.login(), group.name(), null);

        assertThat(entra.apply(add)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(entra.readBack(add)).isEqualTo(new ReadBack(true, Map.of("login", someone.login(), "group", group.name(), "member", true)));
        assertThat(entra.apply(add)).isInstanceOf(ChangeResult.AlreadyInState.class);

        assertThat(entra.apply(remove)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(entra.readBack(remove)).isEqualTo(new ReadBack(true, Map.of("login", someone.login(), "group", group.name(), "member", false)));
        assertThat(entra.apply(remove)).isInstanceOf(ChangeResult.AlreadyInState.class);
        assertThat(tenant.isMember("entra", group.name(), someone.login())).isFalse();
    }

    @Test
    void assignsAndUnassignsAnAppRoleOfAServicePrincipal() {
        SimulatedTenant.User holder = tenant.users("entra").stream().filter(u -> !u.externalId().equals(someone.externalId())).findFirst().orElseThrow();
        tenant.assignApp("entra", holder.login(), "Bloomberg Terminal:TRADER_BPS");
        ConnectorWrite assign = new ConnectorWrite.AssignApp("entra", someone.login(), "Bloomberg Terminal:TRADER_BPS");
        ConnectorWrite unassign = new ConnectorWrite.UnassignApp("entra", someone.login(), "Bloomberg Terminal:TRADER_BPS");

        assertThat(entra.apply(assign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(entra.readBack(assign).confirmed()).isTrue();
        assertThat(tenant.hasApp("entra", someone.login(), "Bloomberg Terminal:TRADER_BPS")).isTrue();
        assertThat(entra.apply(assign)).isInstanceOf(ChangeResult.AlreadyInState.class);

        assertThat(entra.apply(unassign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(entra.readBack(unassign)).isEqualTo(new ReadBack(true, Map.of("login", someone.login(), "entitlement",
                "Bloomberg Terminal:TRADER_BPS", "assigned", false)));
        assertThat(entra.apply(unassign)).isInstanceOf(ChangeResult.AlreadyInState.class);
    }

    @Test
    void assignsAndUnassignsADirectoryRole() {
        String role = tenant.apps("entra").stream().filter(a -> a.name().equals("Microsoft Entra ID")).findFirst().orElseThrow()
                .assignments().values().iterator().next().iterator().next();
        String key = "Microsoft Entra ID:" + role;
        ConnectorWrite assign = new ConnectorWrite.AssignApp("entra", someone.login(), key);

        assertThat(entra.apply(assign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(entra.readBack(assign).confirmed()).isTrue();
        assertThat(tenant.hasApp("entra", someone.login(), key)).isTrue();
        assertThat(entra.apply(assign)).isInstanceOf(ChangeResult.AlreadyInState.class);

        ConnectorWrite unassign = new ConnectorWrite.UnassignApp("entra", someone.login(), key);
        assertThat(entra.apply(unassign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(entra.readBack(unassign).confirmed()).isTrue();
        assertThat(tenant.hasApp("entra", someone.login(), key)).isFalse();
    }

    @Test
    void writesTheReasonNoteIntoExtensionAttribute15() {
        ConnectorWrite note = new ConnectorWrite.SetReasonNote("entra", someone.login(), "Access removed: SoD conflict, approved by the CCO");

        assertThat(entra.apply(note)).isInstanceOf(ChangeResult.Applied.class);

        assertThat(entra.readBack(note).confirmed()).isTrue();
        assertThat(tenant.note("entra", someone.login())).contains("Access removed: SoD conflict, approved by the CCO");
        assertThat(entra.apply(note)).isInstanceOf(ChangeResult.AlreadyInState.class);
    }

    @Test
    void writesTheReasonNoteIntoADirectoryExtensionWhenConfigured() {
        String extension = "extension_0f3c5d7e9a1b4c6d8e0f2a4b6c8d0e1f_countersignReason";
        graph.close();
        graph = GraphTenant.over(tenant, new StandInOptions(GraphTenant.CLIENT_SECRET, 0, 0, 0, Map.of("graph.reason-note-attribute", extension)), secrets);
        EntraConnector withExtension = graph.connector(Map.of("reason-note-attribute", extension));
        ConnectorWrite note = new ConnectorWrite.SetReasonNote("entra", someone.login(), "Joiner access per role baseline");

        assertThat(withExtension.apply(note)).isInstanceOf(ChangeResult.Applied.class);

        assertThat(withExtension.readBack(note).state()).containsEntry("note", "Joiner access per role baseline");
        assertThat(tenant.note("entra", someone.login())).contains("Joiner access per role baseline");
    }

    @Test
    void refusesWritesThatNameNothingOnTheTenant() {
        assertThat(entra.apply(new ConnectorWrite.DisableUser("entra", "nobody@bank.example")))
                .isEqualTo(new ChangeResult.Rejected("no account nobody@bank.example on entra"));
        assertThat(entra.apply(new ConnectorWrite.AddMembership("entra", someone.login(), "SG-NO-SUCH-GROUP", null)))
                .isEqualTo(new ChangeResult.Rejected("no group named SG-NO-SUCH-GROUP on entra"));
        assertThat(entra.apply(new ConnectorWrite.AssignApp("entra", someone.login(), "Nonexistent App:ADMIN")))
                .isEqualTo(new ChangeResult.Rejected("no application Nonexistent App on entra"));
        assertThat(entra.apply(new ConnectorWrite.AssignApp("entra", someone.login(), "Microsoft Entra ID:Teams Wizard")))
                .isEqualTo(new ChangeResult.Rejected("directory role Teams Wizard is not activated on entra"));
        assertThat(entra.apply(new ConnectorWrite.CreateUser("entra", "x@bank.example", Map.of("shoeSize", "44"))))
                .isEqualTo(new ChangeResult.Rejected("create_user: profile attribute 'shoeSize' is not written to entra; known: [city, department, "
                        + "displayName, email, employeeId, employeeNumber, firstName, givenName, jobTitle, lastName, mail, surname, title]"));
    }
}
