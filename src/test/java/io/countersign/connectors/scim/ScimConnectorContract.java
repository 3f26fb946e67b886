package io.countersign.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.ReadBack;
import io.countersign.connectors.ResilientHttp;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.PlatformSnapshot;
import io.countersign.testing.ScimHttp;
import org.junit.jupiter.api.Test;

/**
 * What the SCIM connector does against any SCIM service provider. Each subclass runs it against one provider:
 * scimmy (written by others) and our stand-in. Tests share a provider, so every name they make is unique.
 */
abstract class ScimConnectorContract {

    static final String TOKEN = "scim-test-token-" + UUID.randomUUID();
    static final Path TOKEN_FILE = tokenFile(TOKEN);
    static final ResilientHttp.Policy QUICK = new ResilientHttp.Policy(4, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(20));
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The SCIM base URL of the provider under test. */
    abstract URI baseUrl();

    ScimHttp http() {
        return new ScimHttp(baseUrl(), TOKEN);
    }

    /** A connector to the provider, paging 3 at a time; {@code settings} alternate names and values. */
    ScimConnector connector(String... settings) {
        Map<String, String> configuration = new HashMap<>(Map.of("url", baseUrl().toString(), "token", "file:" + TOKEN_FILE, "page-size", "3"));
        for (int i = 0; i < settings.length; i += 2) {
            configuration.put(settings[i], settings[i + 1]);
        }
        return new ScimConnector(ScimSettings.from(configuration), QUICK);
    }

    static String unique(String name) {
        return name + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Creates a group on the provider directly, as its administrators would; answers its id. */
    String group(String name) {
        return http().post("/Groups", Map.of("schemas", List.of(GROUP_SCHEMA), "displayName", name)).path("id").asString();
    }

    String created(ScimConnector scim, String login) {
        assertThat(scim.apply(new ConnectorWrite.CreateUser("scim", login, Map.of("email", login + "@bank.example"))))
                .isInstanceOf(ChangeResult.Applied.class);
        return user(scim.readDirectory(), login).externalId();
    }

    static PlatformSnapshot.User user(PlatformSnapshot snapshot, String login) {
        return snapshot.users().stream().filter(u -> u.login().equals(login)).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + login + " in " + snapshot.users().size() + " read"));
    }

    @Test
    void createsAUserWithItsProfileAndReadsItBack() {
        ScimConnector scim = connector();
        String login = unique("ada");
        ConnectorWrite.CreateUser create = new ConnectorWrite.CreateUser("scim", login, Map.of("email", login + "@bank.example",
                "firstName", "Ada", "lastName", "Lovelace", "employeeNumber", "E-1815"));

        assertThat(scim.apply(create)).isEqualTo(new ChangeResult.Applied("create_user account:" + login + " for " + login + " on scim"));

        assertThat(scim.readBack(create)).isEqualTo(new ReadBack(true, Map.of("login", login, "status", "ACTIVE")));
        PlatformSnapshot.User user = user(scim.readDirectory(), login);
        assertThat(user.email()).isEqualTo(login + "@bank.example");
        assertThat(user.displayName()).isEqualTo("Ada Lovelace");
        assertThat(user.employeeId()).isEqualTo("E-1815");
        assertThat(user.status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void creatingAnExistingUserReplacesItsProfileAndThenFindsItInState() {
        ScimConnector scim = connector();
        String login = unique("grace");
        scim.apply(new ConnectorWrite.CreateUser("scim", login, Map.of("title", "Analyst")));
        scim.apply(new ConnectorWrite.DisableUser("scim", login));
        ConnectorWrite.CreateUser again = new ConnectorWrite.CreateUser("scim", login, Map.of("title", "Trader"));

        assertThat(scim.apply(again)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.apply(again)).isEqualTo(new ChangeResult.AlreadyInState("create_user account:" + login + " for " + login + " on scim: already so"));

        assertThat(scim.readBack(again).confirmed()).isTrue();
        assertThat(http().get("/Users?filter=" + filter("userName eq \"" + login + "\"")).path("Resources").get(0).path("title").asString())
                .isEqualTo("Trader");
    }

    @Test
    void disablesAUserBySettingActiveToFalse() {
        ScimConnector scim = connector();
        String login = unique("alan");
        created(scim, login);
        ConnectorWrite.DisableUser disable = new ConnectorWrite.DisableUser("scim", login);

        assertThat(scim.apply(disable)).isEqualTo(new ChangeResult.Applied("disable_user account:" + login + " for " + login + " on scim"));
        assertThat(scim.apply(disable)).isInstanceOf(ChangeResult.AlreadyInState.class);

        assertThat(scim.readBack(disable)).isEqualTo(new ReadBack(true, Map.of("login", login, "status", "DISABLED")));
        assertThat(user(scim.readDirectory(), login).status()).isEqualTo(AccountStatus.DISABLED);
    }

    @Test
    void addsAndRemovesAGroupMember() {
        ScimConnector scim = connector();
        String login = unique("edsger");
        String userId = created(scim, login);
        String name = unique("GRP-MUREX-EXECUTE");
        String groupId = group(name);
        ConnectorWrite.AddMembership add = new ConnectorWrite.AddMembership("scim", login, name, "Murex:EXECUTE_TRADE");
        ConnectorWrite.RemoveMembership remove = new ConnectorWrite.RemoveMembership("scim", login, name, "Murex:EXECUTE_TRADE");

        assertThat(scim.apply(add)).isEqualTo(new ChangeResult.Applied("add_membership Murex:EXECUTE_TRADE for " + login + " on scim"));
        assertThat(scim.apply(add)).isInstanceOf(ChangeResult.AlreadyInState.class);
        assertThat(scim.readBack(add)).isEqualTo(new ReadBack(true, Map.of("login", login, "group", name, "member", true)));
        assertThat(scim.readDirectory().memberships()).contains(new PlatformSnapshot.Membership(groupId, userId));

        assertThat(scim.apply(remove)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.apply(remove)).isInstanceOf(ChangeResult.AlreadyInState.class);
        assertThat(scim.readBack(remove)).isEqualTo(new ReadBack(true, Map.of("login", login, "group", name, "member", false)));
        assertThat(scim.readDirectory().memberships()).doesNotContain(new PlatformSnapshot.Membership(groupId, userId));
    }

    @Test
    void removingOneMemberKeepsTheOthers() {
        ScimConnector scim = connector();
        String leaving = unique("barbara");
        String staying = unique("frances");
        created(scim, leaving);
        String stayingId = created(scim, staying);
        String name = unique("GRP-SWIFT-APPROVE");
        String groupId = group(name);
        scim.apply(new ConnectorWrite.AddMembership("scim", leaving, name, null));
        scim.apply(new ConnectorWrite.AddMembership("scim", staying, name, null));

        assertThat(scim.apply(new ConnectorWrite.RemoveMembership("scim", leaving, name, null))).isInstanceOf(ChangeResult.Applied.class);

        assertThat(scim.readDirectory().memberships()).filteredOn(m -> m.groupExternalId().equals(groupId))
                .containsExactly(new PlatformSnapshot.Membership(groupId, stayingId));
    }

    @Test
    void assignsAndUnassignsApplicationsAsEntitlements() {
        ScimConnector scim = connector();
        String login = unique("john");
        String userId = created(scim, login);
        PlatformSnapshot.AppAssignment murex = new PlatformSnapshot.AppAssignment("Murex", "EXECUTE_TRADE", userId);

        assertThat(scim.apply(new ConnectorWrite.AssignApp("scim", login, "Murex:EXECUTE_TRADE"))).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.readDirectory().appAssignments()).contains(murex);

        ConnectorWrite.UnassignApp unassign = new ConnectorWrite.UnassignApp("scim", login, "Murex:EXECUTE_TRADE");
        assertThat(scim.apply(unassign)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.readBack(unassign)).isEqualTo(new ReadBack(true, Map.of("login", login, "entitlement", "Murex:EXECUTE_TRADE", "assigned", false)));
        assertThat(scim.readDirectory().appAssignments()).doesNotContain(murex);
    }

    @Test
    void writesTheReasonNoteIntoTheCountersignExtension() {
        ScimConnector scim = connector();
        String login = unique("katherine");
        created(scim, login);
        ConnectorWrite.SetReasonNote note = new ConnectorWrite.SetReasonNote("scim", login, "Joiner baseline approved by the desk head");

        assertThat(scim.apply(note)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.apply(note)).isInstanceOf(ChangeResult.AlreadyInState.class);

        assertThat(scim.readBack(note)).isEqualTo(new ReadBack(true, Map.of("login", login, "note", "Joiner baseline approved by the desk head")));
    }

    @Test
    void refusesTheReasonNoteWhereTheProvidersSchemaHasNoSuchAttribute() {
        String attribute = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:reasonNote";
        ScimConnector scim = connector("note-attribute", attribute);
        String login = unique("margaret");
        created(scim, login);

        assertThat(scim.apply(new ConnectorWrite.SetReasonNote("scim", login, "why"))).isEqualTo(new ChangeResult.Rejected(
                "the SCIM provider's User resource holds no " + attribute + " (checked /ResourceTypes and /Schemas), so the reason note was not written"));
    }

    @Test
    void findsTheUserWhoseUserNameIsExactlyTheLogin() {
        ScimConnector scim = connector();
        String ann = unique("ann");
        String annMarie = ann + "-marie";
        created(scim, annMarie);
        created(scim, ann);

        scim.apply(new ConnectorWrite.DisableUser("scim", ann));

        PlatformSnapshot snapshot = scim.readDirectory();
        assertThat(user(snapshot, ann).status()).isEqualTo(AccountStatus.DISABLED);
        assertThat(user(snapshot, annMarie).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void pagesThroughEveryUserAndGroup() {
        ScimConnector scim = connector();
        List<String> logins = java.util.stream.IntStream.range(0, 7).mapToObj(i -> unique("page")).toList();
        logins.forEach(login -> scim.apply(new ConnectorWrite.CreateUser("scim", login, Map.of())));
        List<String> groups = java.util.stream.IntStream.range(0, 4).mapToObj(i -> group(unique("GRP-PAGE"))).toList();

        PlatformSnapshot snapshot = scim.readDirectory();

        assertThat(snapshot.users()).extracting(PlatformSnapshot.User::login).containsAll(logins).doesNotHaveDuplicates();
        assertThat(snapshot.groups()).extracting(PlatformSnapshot.PlatformGroup::externalId).containsAll(groups).doesNotHaveDuplicates();
    }

    @Test
    void aUserDeletedOnTheProviderLeavesTheDirectoryAndCannotBeDisabled() {
        ScimConnector scim = connector();
        String login = unique("ken");
        String id = created(scim, login);

        http().delete("/Users/" + id);

        assertThat(scim.readDirectory().users()).extracting(PlatformSnapshot.User::login).doesNotContain(login);
        ConnectorWrite.DisableUser disable = new ConnectorWrite.DisableUser("scim", login);
        assertThat(scim.apply(disable)).isEqualTo(new ChangeResult.Rejected("no account " + login + " on scim"));
        assertThat(scim.readBack(disable)).isEqualTo(new ReadBack(false, Map.of("login", login, "status", "ABSENT")));
    }

    @Test
    void aMembershipInAGroupTheProviderLacksIsRejected() {
        ScimConnector scim = connector();
        String login = unique("dennis");
        created(scim, login);

        assertThat(scim.apply(new ConnectorWrite.AddMembership("scim", login, "GRP-NOWHERE", null)))
                .isEqualTo(new ChangeResult.Rejected("no group GRP-NOWHERE on scim"));
    }

    /** A note attribute configured onto {@code active}, a boolean: the provider refuses the text, in its error schema. */
    @Test
    void passesOnTheProvidersErrorWhenItRefusesAValue() {
        ScimConnector scim = connector("note-attribute", "active");
        String login = unique("linus");
        String id = created(scim, login);

        ChangeResult result = scim.apply(new ConnectorWrite.SetReasonNote("scim", login, "not a boolean"));

        assertThat(result).isInstanceOf(ChangeResult.Rejected.class);
        assertThat(result.detail()).startsWith("PATCH /Users/" + id + ": SCIM 400 invalidValue: ");
    }

    @Test
    void refusesAProfileKeyItCannotMapBeforeAskingTheProvider() {
        assertThat(connector().apply(new ConnectorWrite.CreateUser("scim", unique("tim"), Map.of("shoeSize", "44"))))
                .isEqualTo(new ChangeResult.Rejected("profile.shoeSize: not a user attribute the SCIM connector writes "
                        + "(known: email, firstName, lastName, displayName, title, employeeNumber, department)"));
    }

    @Test
    void leavesGroupsAloneInGroupModeNone() {
        ScimConnector scim = connector("group-mode", "none");
        String login = unique("radia");
        created(scim, login);
        group(unique("GRP-UNTOUCHED"));

        assertThat(scim.apply(new ConnectorWrite.AddMembership("scim", login, "GRP-ANY", null)))
                .isEqualTo(new ChangeResult.Rejected("group-mode none: the groups on scim are not Countersign's to change"));
        assertThat(scim.readDirectory().groups()).isEmpty();
    }

    @Test
    void aTokenTheProviderRefusesFailsWithoutRetryingAndIsNotRepeated() throws IOException {
        Path wrong = Files.createTempFile("scim-wrong-token", ".txt");
        Files.writeString(wrong, "not-the-" + TOKEN);
        try {
            ChangeResult result = connector("token", "file:" + wrong).apply(new ConnectorWrite.DisableUser("scim", "anyone"));

            assertThat(result).isInstanceOf(ChangeResult.Failed.class);
            assertThat(((ChangeResult.Failed) result).retryable()).isFalse();
            assertThat(result.detail()).startsWith("GET /Users?filter=userName eq …: SCIM 401").doesNotContain(TOKEN);
        } finally {
            Files.delete(wrong);
        }
    }

    @Test
    void hasNoEventFeedSoAPollKeepsItsCursor() {
        assertThat(connector().readEvents("audit", Optional.of("cursor-7"))).isEqualTo(new EventPage(List.of(), "cursor-7", false));
    }

    static String filter(String filter) {
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path tokenFile(String token) {
        try {
            Path file = Files.createTempFile("scim-token", ".txt");
            Files.writeString(file, token);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
