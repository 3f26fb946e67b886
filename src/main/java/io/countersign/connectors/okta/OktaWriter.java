package io.countersign.connectors.okta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserLifecycleApi;
import com.okta.sdk.resource.api.UserSessionsApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.AppUserAssignRequest;
import com.okta.sdk.resource.model.AppUserUpdateRequest;
import com.okta.sdk.resource.model.Application;
import com.okta.sdk.resource.model.CreateUserRequest;
import com.okta.sdk.resource.model.Group;
import com.okta.sdk.resource.model.UpdateUserRequest;
import com.okta.sdk.resource.model.UserGetSingleton;
import com.okta.sdk.resource.model.UserStatus;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;

/**
 * Applies connector writes to an Okta org through the SDK. Each write first reads the target, so a write that
 * finds the org already in the wanted state changes nothing and says so; a user, group or application that does
 * not exist is a refusal, not a failure. Okta's own refusals (4xx) come back as {@link ChangeResult.Rejected},
 * an unreachable, busy or failing Okta as a retryable {@link ChangeResult.Failed}, a refused API token as a
 * failure that retrying does not mend.
 */
final class OktaWriter {

    private final OktaLookups find;
    private final UserApi users;
    private final UserLifecycleApi lifecycle;
    private final GroupApi groups;
    private final ApplicationUsersApi appUsers;
    private final UserSessionsApi sessions;
    private final String reasonAttribute;

    OktaWriter(ApiClient client, OktaLookups find, String reasonAttribute) {
        this.find = find;
        this.users = new UserApi(client);
        this.lifecycle = new UserLifecycleApi(client);
        this.groups = new GroupApi(client);
        this.appUsers = new ApplicationUsersApi(client);
        this.sessions = new UserSessionsApi(client);
        this.reasonAttribute = reasonAttribute;
    }

    ChangeResult apply(ConnectorWrite write) {
        try {
            return switch (write) {
                case ConnectorWrite.CreateUser w -> createOrUpdate(w);
                case ConnectorWrite.DisableUser w -> disable(w);
                case ConnectorWrite.AddMembership w -> membership(w, w.group(), true);
                case ConnectorWrite.RemoveMembership w -> membership(w, w.group(), false);
                case ConnectorWrite.AssignApp w -> assignment(w, AppRoles.Key.parse(w.entitlementKey()), true);
                case ConnectorWrite.UnassignApp w -> assignment(w, AppRoles.Key.parse(w.entitlementKey()), false);
                case ConnectorWrite.SetReasonNote w -> note(w);
                case ConnectorWrite.EndSessions w -> endSessions(w);
            };
        } catch (ConnectorException e) {
            return switch (e.code()) {
                case "okta.refused", "okta.not-found", "okta.forbidden" -> new ChangeResult.Rejected(e.getMessage());
                case "okta.unauthorized" -> new ChangeResult.Failed(e.getMessage(), false);
                default -> new ChangeResult.Failed(e.getMessage(), true);
            };
        }
    }

    private ChangeResult createOrUpdate(ConnectorWrite.CreateUser w) {
        Optional<UserGetSingleton> existing = find.user(w.login());
        if (existing.isPresent()) {
            return update(w, existing.get());
        }
        CreateUserRequest request = new CreateUserRequest().profile(OktaProfiles.of(newProfile(w)));
        OktaSdk.call("creating user " + w.login(), () -> users.createUser(request, true, null, null));
        return new ChangeResult.Applied(what(w) + ": created and activated");
    }

    /** The account exists: its profile is brought in line, and a deactivated account (a rehire) is activated again. */
    private ChangeResult update(ConnectorWrite.CreateUser w, UserGetSingleton user) {
        String id = user.getId();
        Map<String, String> changes = OktaProfiles.changes(user.getProfile(), w.profile());
        changes.remove("login");
        boolean reactivate = user.getStatus() == UserStatus.DEPROVISIONED;
        if (changes.isEmpty() && !reactivate) {
            return new ChangeResult.AlreadyInState(what(w) + ": the user exists with this profile");
        }
        if (!changes.isEmpty()) {
            OktaSdk.call("updating user " + id, () -> users.updateUser(id, new UpdateUserRequest().profile(OktaProfiles.of(changes)), null));
        }
        if (reactivate) {
            OktaSdk.call("activating user " + id, () -> lifecycle.activateUser(id, false));
        }
        return new ChangeResult.Applied(what(w) + (changes.isEmpty() ? "" : ": updated " + changes.keySet().stream().sorted().toList())
                + (reactivate ? ": activated again" : ""));
    }

    /** Okta requires login, email, first and last name; what the write leaves out is taken from the login. */
    private static Map<String, String> newProfile(ConnectorWrite.CreateUser w) {
        Map<String, String> profile = new LinkedHashMap<>(w.profile());
        String local = w.login().contains("@") ? w.login().substring(0, w.login().indexOf('@')) : w.login();
        profile.put("login", w.login());
        profile.putIfAbsent("email", w.login());
        profile.putIfAbsent("firstName", local);
        profile.putIfAbsent("lastName", local);
        return profile;
    }

    private ChangeResult disable(ConnectorWrite.DisableUser w) {
        Optional<UserGetSingleton> user = find.user(w.login());
        if (user.isEmpty()) {
            return noAccount(w);
        }
        if (user.get().getStatus() == UserStatus.DEPROVISIONED) {
            return new ChangeResult.AlreadyInState(what(w) + ": already deactivated");
        }
        OktaSdk.call("deactivating user " + user.get().getId(), () -> {
            lifecycle.deactivateUser(user.get().getId(), false, null);
            return null;
        });
        return new ChangeResult.Applied(what(w) + ": deactivated");
    }

    private ChangeResult membership(ConnectorWrite w, String groupName, boolean add) {
        Optional<Group> group = find.group(groupName);
        if (group.isEmpty()) {
            return new ChangeResult.Rejected("no group '" + groupName + "' on okta");
        }
        Optional<UserGetSingleton> user = find.user(w.login());
        if (user.isEmpty()) {
            return noAccount(w);
        }
        String groupId = group.get().getId();
        String userId = user.get().getId();
        if (find.member(userId, groupId) == add) {
            return new ChangeResult.AlreadyInState(what(w) + ": already " + (add ? "a member" : "not a member"));
        }
        OktaSdk.call((add ? "adding " : "removing ") + userId + (add ? " to" : " from") + " group " + groupId, () -> {
            if (add) {
                groups.assignUserToGroup(groupId, userId);
            } else {
                groups.unassignUserFromGroup(groupId, userId);
            }
            return null;
        });
        return new ChangeResult.Applied(what(w));
    }

    private ChangeResult assignment(ConnectorWrite w, AppRoles.Key key, boolean assign) {
        Optional<Application> app = find.app(key.label());
        if (app.isEmpty()) {
            return new ChangeResult.Rejected("no application labelled '" + key.label() + "' on okta");
        }
        Optional<UserGetSingleton> user = find.user(w.login());
        if (user.isEmpty()) {
            return noAccount(w);
        }
        String appId = app.get().getId();
        String userId = user.get().getId();
        Optional<List<String>> held = find.appUser(appId, userId).map(AppUser::getProfile).map(AppRoles::of);
        boolean holds = held.isPresent() && (key.plain() || held.get().contains(key.role()));
        if (holds == assign) {
            return new ChangeResult.AlreadyInState(what(w) + ": already " + (assign ? "assigned" : "not assigned"));
        }
        List<String> roles = new ArrayList<>(held.orElse(List.of()));
        roles.remove(AppRoles.PLAIN);
        if (assign) {
            roles.add(key.role());
            roles.remove(AppRoles.PLAIN);
            setRoles(appId, userId, roles, held.isPresent());
        } else {
            roles.remove(key.role());
            if (key.plain() || roles.isEmpty()) {
                OktaSdk.call("unassigning " + userId + " from application " + appId, () -> {
                    appUsers.unassignUserFromApplication(appId, userId, false);
                    return null;
                });
            } else {
                setRoles(appId, userId, roles, true);
            }
        }
        return new ChangeResult.Applied(what(w));
    }

    private void setRoles(String appId, String userId, List<String> roles, boolean assigned) {
        Map<String, Object> profile = roles.isEmpty() ? Map.of() : Map.of("roles", List.copyOf(roles));
        if (assigned) {
            OktaSdk.call("updating the roles of " + userId + " in application " + appId,
                    () -> appUsers.updateApplicationUser(appId, userId, new AppUserUpdateRequest().profile(profile)));
        } else {
            AppUserAssignRequest request = new AppUserAssignRequest().id(userId).scope(AppUserAssignRequest.ScopeEnum.USER).profile(profile);
            OktaSdk.call("assigning " + userId + " to application " + appId, () -> appUsers.assignUserToApplication(appId, request));
        }
    }

    private ChangeResult note(ConnectorWrite.SetReasonNote w) {
        Optional<UserGetSingleton> user = find.user(w.login());
        if (user.isEmpty()) {
            return noAccount(w);
        }
        if (w.note().equals(OktaProfiles.get(user.get().getProfile(), reasonAttribute))) {
            return new ChangeResult.AlreadyInState(what(w) + ": the note is already there");
        }
        String id = user.get().getId();
        UpdateUserRequest request = new UpdateUserRequest().profile(OktaProfiles.of(Map.of(reasonAttribute, w.note())));
        OktaSdk.call("writing the reason note of user " + id, () -> users.updateUser(id, request, null));
        return new ChangeResult.Applied(what(w) + " into profile attribute " + reasonAttribute);
    }

    /** {@code DELETE /api/v1/users/{id}/sessions?oauthTokens=true}: the IdP sessions and the OAuth tokens issued to the user. */
    private ChangeResult endSessions(ConnectorWrite.EndSessions w) {
        Optional<UserGetSingleton> user = find.user(w.login());
        if (user.isEmpty()) {
            return noAccount(w);
        }
        String id = user.get().getId();
        OktaSdk.call("revoking the sessions of user " + id, () -> {
            sessions.revokeUserSessions(id, true);
            return null;
        });
        return new ChangeResult.Applied(what(w) + ": sessions and OAuth tokens revoked");
    }

    private static ChangeResult noAccount(ConnectorWrite w) {
        return new ChangeResult.Rejected("no account " + w.login() + " on okta");
    }

    private static String what(ConnectorWrite w) {
        return w.operation() + " " + w.resource() + " for " + w.login() + " on okta";
    }
}
