package io.countersign.connectors.okta;

import java.util.Optional;

import com.okta.sdk.resource.api.ApplicationApi;
import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserResourcesApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.Application;
import com.okta.sdk.resource.model.Group;
import com.okta.sdk.resource.model.UserGetSingleton;

/** Finds what a write names: a user by login, a group by name, an application by label, an assignment, a membership. */
final class OktaLookups {

    private final UserApi users;
    private final UserResourcesApi userResources;
    private final GroupApi groups;
    private final ApplicationApi apps;
    private final ApplicationUsersApi appUsers;

    OktaLookups(ApiClient client) {
        this.users = new UserApi(client);
        this.userResources = new UserResourcesApi(client);
        this.groups = new GroupApi(client);
        this.apps = new ApplicationApi(client);
        this.appUsers = new ApplicationUsersApi(client);
    }

    Optional<UserGetSingleton> user(String login) {
        return OktaSdk.optional("reading user " + login, () -> users.getUser(login, null, null));
    }

    /** Okta's {@code q} finds groups whose name starts with it; the one whose name is exactly it is wanted. */
    Optional<Group> group(String name) {
        return OktaSdk.all("finding group " + name, after -> groups.listGroups(name, null, after, 200, null, null, null, null)).stream()
                .filter(g -> name.equals(g.getProfile().getName())).findFirst();
    }

    /** Okta's {@code q} finds applications whose name or label starts with it; the one labelled exactly so is wanted. */
    Optional<Application> app(String label) {
        return OktaSdk.all("finding application " + label, after -> apps.listApplications(label, after, null, 200, null, null, null)).stream()
                .filter(a -> label.equals(a.getLabel())).findFirst();
    }

    Optional<AppUser> appUser(String appId, String userId) {
        return OktaSdk.optional("reading assignment of " + userId + " to application " + appId, () -> appUsers.getApplicationUser(appId, userId, null));
    }

    boolean member(String userId, String groupId) {
        return OktaSdk.call("listing groups of user " + userId, () -> userResources.listUserGroups(userId)).stream()
                .anyMatch(g -> groupId.equals(g.getId()));
    }
}
