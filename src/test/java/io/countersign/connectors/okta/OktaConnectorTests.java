package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.ReadBack;
import io.countersign.connectors.TenantReader;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.PlatformSnapshot;
import io.countersign.simulator.BankSpec;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.simulator.SyntheticBank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Okta connector against the Okta stand-in over loopback HTTP: it reads the org whole, and every write lands and reads back. */
class OktaConnectorTests {

    static final String TOKEN = "okta-test-token-7c1f2a9e";
    private static final io.countersign.directory.DirectorySnapshot BANK =
            new SyntheticBank().generate(new BankSpec(11, 150, 30, LocalDate.of(2025, 6, 30))).snapshot();

    @TempDir Path dir;
    private final SimulatedTenant tenant = new SimulatedTenant();
    private StandInServer server;
    private Connector okta;

    @BeforeEach
    void serveTheBank() throws IOException {
        tenant.seed(BANK, 3, 2);
        server = StandInServer.start(0, tenant, new StandInOptions(TOKEN, 30, 0, 0, Map.of()));
        okta = connect(server, token(dir, TOKEN), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsEveryUserGroupMembershipAndAssignmentThroughThePages() {
        PlatformSnapshot snapshot = ((TenantReader) okta).readDirectory();

        assertThat(snapshot.users()).extracting(u -> u.externalId() + " " + u.login() + " " + u.status() + " " + u.employeeId())
                .containsExactlyInAnyOrderElementsOf(tenant.users("okta").stream()
                        .map(u -> u.externalId() + " " + u.login() + " " + u.status() + " " + u.employeeNumber()).toList());
        assertThat(snapshot.users()).anyMatch(u -> u.status() == AccountStatus.DISABLED);
        assertThat(new HashSet<>(snapshot.memberships())).isEqualTo(tenant.groups("okta").stream()
                .flatMap(g -> g.members().stream().map(m -> new PlatformSnapshot.Membership(g.externalId(), m))).collect(Collectors.toSet()))
                .isNotEmpty();
        Set<PlatformSnapshot.AppAssignment> assignments = new HashSet<>();
        tenant.apps("okta").forEach(a -> a.assignments().forEach((user, roles) ->
                roles.forEach(role -> assignments.add(new PlatformSnapshot.AppAssignment(a.name(), role, user)))));
        assertThat(new HashSet<>(snapshot.appAssignments())).isEqualTo(assignments).isNotEmpty();
    }

    @Test
    void endsAUsersSessionsWithDeleteSessionsAndRefusesAnUnknownUser() {
        SimulatedTenant.User user = activeUser();
        ConnectorWrite end = new ConnectorWrite.EndSessions("okta", user.login());

        assertThat(okta.apply(end)).isEqualTo(new ChangeResult.Applied("end_sessions account:" + user.login() + " for " + user.login()
                + " on okta: sessions and OAuth tokens revoked"));

        assertThat(tenant.sessionsEndedAt("okta", user.login())).isPresent();
        assertThat(okta.readBack(end).confirmed()).isTrue();
        assertThat(okta.apply(new ConnectorWrite.EndSessions("okta", "nobody@bank.example"))).isInstanceOf(ChangeResult.Rejected.class);
    }

    @Test
    void createsAUserActiveOnReadBackThenUpdatesOnlyWhatDiffers() {
        ConnectorWrite.CreateUser create = new ConnectorWrite.CreateUser("okta", "new.joiner@bank.example",
                Map.of("firstName", "New", "lastName", "Joiner", "title", "Analyst", "employeeNumber", "E-NEW-1"));

        assertThat(okta.apply(create)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(okta.readBack(create)).isEqualTo(new ReadBack(true, Map.of("login", "new.joiner@bank.example", "status", "ACTIVE",
                "oktaStatus", "ACTIVE")));
        assertThat(okta.apply(create)).isInstanceOf(ChangeResult.AlreadyInState.class);
        ChangeResult moved = okta.apply(new ConnectorWrite.CreateUser("okta", "new.joiner@bank.example", Map.of("title", "Associate")));
        assertThat(moved.detail()).endsWith("updated [title]");
        assertThat(tenant.userByLogin("okta", "new.joiner@bank.example")).hasValueSatisfying(u -> {
            assertThat(u.title()).isEqualTo("Associate");
            assertThat(u.employeeNumber()).isEqualTo("E-NEW-1");
            assertThat(u.email()).isEqualTo("new.joiner@bank.example");
        });
    }

    @Test
    void creatingAUserWhoseAccountWasDeactivatedActivatesItAgain() {
        String login = activeUser().login();
        okta.apply(new ConnectorWrite.DisableUser("okta", login));
        ConnectorWrite.CreateUser rehire = new ConnectorWrite.CreateUser("okta", login, Map.of());

        assertThat(okta.apply(rehire).detail()).endsWith(": activated again");
        assertThat(okta.readBack(rehire).confirmed()).isTrue();
        assertThat(tenant.accountStatus("okta", login)).hasValue(AccountStatus.ACTIVE);
    }

    @Test
    void deactivatesAUserOnceAndReadsTheDeactivationBack() {
        String login = activeUser().login();
        ConnectorWrite.DisableUser disable = new ConnectorWrite.DisableUser("okta", login);

        assertThat(okta.apply(disable)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(okta.readBack(disable).confirmed()).isTrue();
        assertThat(okta.readBack(disable).state()).containsEntry("oktaStatus", "DEPROVISIONED");
        assertThat(okta.apply(disable)).isInstanceOf(ChangeResult.AlreadyInState.class);
        assertThat(tenant.accountStatus("okta", login)).hasValue(AccountStatus.DISABLED);
    }

    @Test
    void addsAndRemovesAMembershipNamingTheGroupByItsName() {
        SimulatedTenant.Group group = tenant.groups("okta").getFirst();
        SimulatedTenant.User user = tenant.users("okta").stream().filter(u -> !group.members().contains(u.externalId())).findFirst().orElseThrow();
        ConnectorWrite.AddMembership add = new ConnectorWrite.AddMembership("okta", user.login(), group.name(), null);
        ConnectorWrite.RemoveMembership remove = new ConnectorWrite.RemoveMembership("okta", user.login(), group.name(), null);

        assertThat(okta.apply(add)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(okta.readBack(add)).isEqualTo(new ReadBack(true, Map.of("login", user.login(), "group", group.name(), "member", true)));
        assertThat(okta.apply(add)).isInstanceOf(ChangeResult.AlreadyInState.class);
        assertThat(okta.apply(remove)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(okta.readBack(remove).confirmed()).isTrue();
        assertThat(tenant.isMember("okta", group.name(), user.login())).isFalse();
    }

    @Test
    void assignsAnApplicationRoleNextToTheRolesHeldAndUnassignsItAgain() {
        SimulatedTenant.App app = tenant.apps("okta").stream().filter(a -> !a.assignments().isEmpty()).findFirst().orElseThrow();
        String holder = app.assignments().keySet().iterator().next();
        String held = app.assignments().get(holder).iterator().next();
        String login = tenant.user("okta", holder).orElseThrow().login();
        ConnectorWrite.AssignApp assign = new ConnectorWrite.AssignApp("okta", login, app.name() + ":AUDIT_VIEW");
        ConnectorWrite.UnassignApp unassign = new ConnectorWrite.UnassignApp("okta", login, app.name() + ":AUDIT_VIEW");

        assertThat(okta.apply(assign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(okta.readBack(assign).confirmed()).isTrue();
        assertThat(tenant.hasApp("okta", login, app.name() + ":" + held)).isTrue();
        assertThat(okta.apply(assign)).isInstanceOf(ChangeResult.AlreadyInState.class);
        assertThat(okta.apply(unassign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(okta.readBack(unassign).confirmed()).isTrue();
        assertThat(tenant.hasApp("okta", login, app.name() + ":AUDIT_VIEW")).isFalse();
        assertThat(tenant.hasApp("okta", login, app.name() + ":" + held)).isTrue();
    }

    @Test
    void removingTheLastRoleRemovesTheAssignment() {
        SimulatedTenant.App app = tenant.apps("okta").stream().filter(a -> a.assignments().values().stream().anyMatch(r -> r.size() == 1))
                .findFirst().orElseThrow();
        String holder = app.assignments().entrySet().stream().filter(e -> e.getValue().size() == 1).findFirst().orElseThrow().getKey();
        String login = tenant.user("okta", holder).orElseThrow().login();
        ConnectorWrite.UnassignApp unassign = new ConnectorWrite.UnassignApp("okta", login, app.name() + ":" + app.assignments().get(holder).iterator().next());

        assertThat(okta.apply(unassign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(okta.readBack(unassign).confirmed()).isTrue();
        assertThat(tenant.apps("okta").stream().filter(a -> a.name().equals(app.name())).findFirst().orElseThrow().assignments())
                .doesNotContainKey(holder);
    }

    @Test
    void writesTheReasonNoteIntoTheConfiguredProfileAttribute() {
        String login = activeUser().login();
        ConnectorWrite.SetReasonNote note = new ConnectorWrite.SetReasonNote("okta", login, "Revoked EXECUTE_TRADE: SoD with APPROVE_PAYMENT (ledger #42)");

        assertThat(okta.apply(note).detail()).endsWith("into profile attribute countersignReason");
        assertThat(okta.readBack(note)).isEqualTo(new ReadBack(true, Map.of("note", note.note())));
        assertThat(tenant.note("okta", login)).hasValue(note.note());
        assertThat(okta.apply(note)).isInstanceOf(ChangeResult.AlreadyInState.class);
    }

    @Test
    void aReasonAttributeTheOrgsSchemaLacksIsRefusedWithOktasOwnError() throws IOException {
        Connector misconfigured = connect(server, token(dir, TOKEN), Map.of("reason-attribute", "accessReason"));

        ChangeResult result = misconfigured.apply(new ConnectorWrite.SetReasonNote("okta", activeUser().login(), "note"));

        assertThat(result).isInstanceOf(ChangeResult.Rejected.class);
        assertThat(result.detail()).contains("400 E0000001 Api validation failed: profile")
                .contains("Property name 'accessReason' is not defined in profile");
    }

    @Test
    void writesNamingWhatTheOrgDoesNotHaveAreRefusedNotFailed() {
        String login = activeUser().login();

        assertThat(okta.apply(new ConnectorWrite.DisableUser("okta", "nobody@bank.example")))
                .isEqualTo(new ChangeResult.Rejected("no account nobody@bank.example on okta"));
        assertThat(okta.apply(new ConnectorWrite.AddMembership("okta", login, "OKTA-NO-SUCH-GROUP", null)))
                .isEqualTo(new ChangeResult.Rejected("no group 'OKTA-NO-SUCH-GROUP' on okta"));
        assertThat(okta.apply(new ConnectorWrite.AssignApp("okta", login, "No Such App:ROLE")))
                .isEqualTo(new ChangeResult.Rejected("no application labelled 'No Such App' on okta"));
    }

    @Test
    void aRefusedApiTokenFailsWithoutARetryHintAndWithoutTheToken() throws IOException {
        Connector wrongToken = connect(server, token(dir, "not-the-org-token-1234"), Map.of());

        ChangeResult result = wrongToken.apply(new ConnectorWrite.DisableUser("okta", activeUser().login()));

        assertThat(result).isInstanceOf(ChangeResult.Failed.class);
        assertThat(((ChangeResult.Failed) result).retryable()).isFalse();
        assertThat(result.detail()).contains("401 E0000011 Invalid token provided").doesNotContain("not-the-org-token-1234");
    }

    @Test
    void aRateLimitStormOnAWriteEndsAsARetryableFailureAfterTheBoundedAttempts() throws IOException {
        try (StandInServer stormy = StandInServer.start(0, tenant, new StandInOptions(TOKEN, 0, 1, 0, Map.of()))) {
            Connector limited = connect(stormy, token(dir, TOKEN), Map.of("max-attempts", "2"));

            ChangeResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> limited.apply(new ConnectorWrite.DisableUser("okta", activeUser().login())));

            assertThat(result).isInstanceOfSatisfying(ChangeResult.Failed.class, f -> assertThat(f.retryable()).isTrue());
            assertThat(result.detail()).contains("429 E0000047");
            assertThat(tenant.accountStatus("okta", activeUser().login())).hasValue(AccountStatus.ACTIVE);
        }
    }

    @Test
    void anOrgThatNeverAnswersEndsAsARetryableFailureWithinTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Connector unanswered = new OktaConnectorFactory().create(Map.of("url", "http://127.0.0.1:" + silent.getLocalPort(),
                    "token", "file:" + token(dir, TOKEN), "timeout", "PT1S", "max-attempts", "1"));

            ChangeResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> unanswered.apply(new ConnectorWrite.DisableUser("okta", "ann@bank.example")));

            assertThat(result).isInstanceOfSatisfying(ChangeResult.Failed.class, f -> assertThat(f.retryable()).isTrue());
            assertThat(result.detail()).startsWith("reading user ann@bank.example failed: unreachable");
        }
    }

    private SimulatedTenant.User activeUser() {
        return tenant.users("okta").stream().filter(u -> u.status() == AccountStatus.ACTIVE).findFirst().orElseThrow();
    }

    static Path token(Path dir, String token) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "okta-token", ".txt"), token);
    }

    static Connector connect(StandInServer server, Path tokenFile, Map<String, String> extra) {
        Map<String, String> configuration = new HashMap<>(Map.of("url", server.baseUri().toString(), "token", "file:" + tokenFile));
        configuration.putAll(extra);
        return new OktaConnectorFactory().create(configuration);
    }
}
