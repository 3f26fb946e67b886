package io.countersign.connectors.scim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.unboundid.scim2.common.GenericScimResource;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.ReadBack;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.TenantReader;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.PlatformSnapshot;

/**
 * One SCIM service provider, as the platform {@link ScimSettings#platform()}: writes (see the package
 * documentation for how each maps onto SCIM), read-back of their effect, and the provider's users, groups,
 * memberships and entitlements as a directory. SCIM has no event feed: {@link #readEvents} always answers an
 * empty last page with the cursor it was given.
 */
final class ScimConnector implements Connector, TenantReader {

    private final ScimSettings settings;
    private final ScimClient scim;
    private final ScimWrites writes;

    ScimConnector(ScimSettings settings, ResilientHttp.Policy policy) {
        this.settings = settings;
        this.scim = new ScimClient(settings.url(), settings.token().reveal(), settings.pageSize(), policy);
        this.writes = new ScimWrites(scim, settings);
    }

    @Override
    public Set<String> platforms() {
        return Set.of(settings.platform());
    }

    @Override
    public String platform() {
        return settings.platform();
    }

    @Override
    public ChangeResult apply(ConnectorWrite write) {
        return writes.apply(write);
    }

    @Override
    public ReadBack readBack(ConnectorWrite write) {
        try {
            return switch (write) {
                case ConnectorWrite.CreateUser w -> status(w.login(), true);
                case ConnectorWrite.DisableUser w -> status(w.login(), false);
                case ConnectorWrite.AddMembership w -> membership(w.login(), w.group(), true);
                case ConnectorWrite.RemoveMembership w -> membership(w.login(), w.group(), false);
                case ConnectorWrite.AssignApp w -> entitlement(w.login(), w.entitlementKey(), true);
                case ConnectorWrite.UnassignApp w -> entitlement(w.login(), w.entitlementKey(), false);
                case ConnectorWrite.SetReasonNote w -> note(w.login(), w.note());
                case ConnectorWrite.EndSessions w -> new ReadBack(false, Map.of("login", w.login(), "sessions", "SCIM defines none"));
            };
        } catch (ScimFailure e) {
            return new ReadBack(false, Map.of("error", e.getMessage()));
        }
    }

    /** Every user and, unless {@code group-mode} is {@code none}, every group with its user members. */
    @Override
    public PlatformSnapshot readDirectory() {
        try {
            Instant readAt = Instant.now();
            List<PlatformSnapshot.User> users = new ArrayList<>();
            List<PlatformSnapshot.AppAssignment> assignments = new ArrayList<>();
            for (GenericScimResource user : scim.all(ScimClient.USERS)) {
                users.add(user(user));
                ScimValues.values(user, "entitlements", null).forEach(key -> assignments.add(assignment(key, user.getId())));
            }
            List<PlatformSnapshot.PlatformGroup> groups = new ArrayList<>();
            List<PlatformSnapshot.Membership> memberships = new ArrayList<>();
            for (GenericScimResource group : settings.manageGroups() ? scim.all(ScimClient.GROUPS) : List.<GenericScimResource>of()) {
                String name = Objects.requireNonNullElse(ScimValues.text(group, "displayName"), group.getId());
                groups.add(new PlatformSnapshot.PlatformGroup(group.getId(), name, null));
                ScimValues.values(group, "members", "User").forEach(member -> memberships.add(new PlatformSnapshot.Membership(group.getId(), member)));
            }
            return new PlatformSnapshot(settings.platform(), readAt, users, groups, memberships, assignments);
        } catch (ScimFailure e) {
            throw new ConnectorException("connector.scim", "reading " + settings.platform() + " at " + settings.url() + ": " + e.getMessage());
        }
    }

    /** SCIM defines no event feed: an empty last page, with the cursor unchanged. */
    @Override
    public EventPage readEvents(String stream, Optional<String> cursor) {
        return new EventPage(List.of(), cursor.orElse(""), false);
    }

    @Override
    public String toString() {
        return "SCIM connector for " + settings.platform() + " at " + settings.url();
    }

    private ReadBack status(String login, boolean wantActive) {
        Optional<GenericScimResource> user = writes.findUser(login);
        String status = user.map(u -> ScimValues.active(u) ? "ACTIVE" : "DISABLED").orElse("ABSENT");
        return new ReadBack(status.equals(wantActive ? "ACTIVE" : "DISABLED"), Map.of("login", login, "status", status));
    }

    private ReadBack membership(String login, String groupName, boolean wanted) {
        Optional<GenericScimResource> user = writes.findUser(login);
        Optional<GenericScimResource> group = writes.findGroup(groupName);
        boolean member = user.isPresent() && group.isPresent() && ScimValues.values(group.get(), "members", "User").contains(user.get().getId());
        return new ReadBack(user.isPresent() && group.isPresent() && member == wanted, Map.of("login", login, "group", groupName, "member", member));
    }

    private ReadBack entitlement(String login, String key, boolean wanted) {
        Optional<GenericScimResource> user = writes.findUser(login);
        boolean assigned = user.isPresent() && ScimValues.values(user.get(), "entitlements", null).contains(key);
        return new ReadBack(user.isPresent() && assigned == wanted, Map.of("login", login, "entitlement", key, "assigned", assigned));
    }

    private ReadBack note(String login, String note) {
        String held = writes.findUser(login).map(u -> ScimValues.text(u, settings.noteAttribute())).orElse("");
        return new ReadBack(note.equals(held), Map.of("login", login, "note", held));
    }

    private static PlatformSnapshot.User user(GenericScimResource user) {
        String login = Objects.requireNonNullElse(ScimValues.text(user, "userName"), user.getId());
        return new PlatformSnapshot.User(user.getId(), login, ScimValues.email(user), ScimValues.displayName(user), ScimValues.employeeNumber(user),
                ScimValues.active(user) ? AccountStatus.ACTIVE : AccountStatus.DISABLED, ScimValues.created(user), null);
    }

    private static PlatformSnapshot.AppAssignment assignment(String key, String userId) {
        int colon = key.lastIndexOf(':');
        return colon < 0 ? new PlatformSnapshot.AppAssignment(key, "ASSIGNED", userId)
                : new PlatformSnapshot.AppAssignment(key.substring(0, colon), key.substring(colon + 1), userId);
    }
}
