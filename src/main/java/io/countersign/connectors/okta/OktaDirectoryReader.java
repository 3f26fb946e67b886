package io.countersign.connectors.okta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.okta.sdk.resource.api.ApplicationApi;
import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.model.Application;
import com.okta.sdk.resource.model.Group;
import com.okta.sdk.resource.model.GroupType;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserProfile;
import com.okta.sdk.resource.model.UserStatus;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.PlatformSnapshot;

/**
 * Reads an Okta org into a {@link PlatformSnapshot} through the SDK, following its paging: every user (Okta lists
 * deprovisioned users only when asked, so they are asked for separately), every group except built-in ones such
 * as Everyone, each group's members, every application and its users with their roles.
 */
final class OktaDirectoryReader {

    static final String PLATFORM = "okta";
    private static final String DEPROVISIONED = "status eq \"DEPROVISIONED\"";

    private final UserApi users;
    private final GroupApi groups;
    private final ApplicationApi apps;
    private final ApplicationUsersApi appUsers;

    OktaDirectoryReader(ApiClient client) {
        this.users = new UserApi(client);
        this.groups = new GroupApi(client);
        this.apps = new ApplicationApi(client);
        this.appUsers = new ApplicationUsersApi(client);
    }

    PlatformSnapshot read() {
        Instant readAt = Instant.now();
        List<PlatformSnapshot.User> accounts = new ArrayList<>();
        OktaSdk.all("listing users", after -> users.listUsers(null, null, after, 200, null, null, null, null)).forEach(u -> accounts.add(account(u)));
        OktaSdk.all("listing deprovisioned users", after -> users.listUsers(null, null, after, 200, DEPROVISIONED, null, null, null))
                .forEach(u -> accounts.add(account(u)));
        List<PlatformSnapshot.PlatformGroup> groupList = new ArrayList<>();
        List<PlatformSnapshot.Membership> memberships = new ArrayList<>();
        for (Group group : OktaSdk.all("listing groups", after -> groups.listGroups(null, null, after, 10_000, null, null, null, null))) {
            if (group.getType() == GroupType.BUILT_IN) {
                continue;
            }
            groupList.add(new PlatformSnapshot.PlatformGroup(group.getId(), group.getProfile().getName(), group.getProfile().getDescription()));
            OktaSdk.all("listing members of group " + group.getId(), after -> groups.listGroupUsers(group.getId(), after, 1000))
                    .forEach(member -> memberships.add(new PlatformSnapshot.Membership(group.getId(), member.getId())));
        }
        List<PlatformSnapshot.AppAssignment> assignments = new ArrayList<>();
        for (Application app : OktaSdk.all("listing applications", after -> apps.listApplications(null, after, null, 200, null, null, null))) {
            OktaSdk.all("listing users of application " + app.getId(), after -> appUsers.listApplicationUsers(app.getId(), after, 500, null, null))
                    .forEach(appUser -> AppRoles.of(appUser.getProfile()).forEach(role ->
                            assignments.add(new PlatformSnapshot.AppAssignment(app.getLabel(), role, appUser.getId()))));
        }
        return new PlatformSnapshot(PLATFORM, readAt, accounts, groupList, memberships, assignments);
    }

    static AccountStatus status(UserStatus status) {
        return status == UserStatus.DEPROVISIONED || status == UserStatus.SUSPENDED ? AccountStatus.DISABLED : AccountStatus.ACTIVE;
    }

    private static PlatformSnapshot.User account(User user) {
        UserProfile p = user.getProfile();
        return new PlatformSnapshot.User(user.getId(), p.getLogin(), p.getEmail(), displayName(p), p.getEmployeeNumber(),
                status(user.getStatus()), instant(user.getCreated()), instant(user.getLastLogin()));
    }

    private static String displayName(UserProfile p) {
        if (p.getDisplayName() != null) {
            return p.getDisplayName();
        }
        String name = ((p.getFirstName() == null ? "" : p.getFirstName()) + " " + (p.getLastName() == null ? "" : p.getLastName())).strip();
        return name.isEmpty() ? p.getLogin() : name;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
