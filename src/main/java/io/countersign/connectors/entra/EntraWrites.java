package io.countersign.connectors.entra;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.OnPremisesExtensionAttributes;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.User;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;

/**
 * Connector writes as Graph calls. {@code create_user} creates the user (enabled, with a random initial password
 * that must be changed at first sign-in and is never kept) or, when the login exists, brings the profile in line;
 * {@code disable_user} sets {@code accountEnabled=false}; memberships go through {@code members/$ref}; assignments
 * are app role assignments, or directory role memberships for {@value EntraDirectoryReader#DIRECTORY_ROLES}; the
 * reason note goes into the configured attribute. Each write says whether it changed something or found the
 * target already so.
 */
final class EntraWrites {

    /** Profile keys a write may carry (Countersign's names and Graph's own) and the Graph property each sets. */
    static final Map<String, String> PROFILE = Map.ofEntries(Map.entry("firstName", "givenName"), Map.entry("givenName", "givenName"),
            Map.entry("lastName", "surname"), Map.entry("surname", "surname"), Map.entry("email", "mail"), Map.entry("mail", "mail"),
            Map.entry("employeeNumber", "employeeId"), Map.entry("employeeId", "employeeId"), Map.entry("department", "department"),
            Map.entry("title", "jobTitle"), Map.entry("jobTitle", "jobTitle"), Map.entry("city", "city"), Map.entry("displayName", "displayName"));
    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@";

    private final GraphCalls calls;
    private final EntraLookups lookups;
    private final String noteAttribute;
    private final String directoryObjects;
    private final SecureRandom random = new SecureRandom();

    EntraWrites(GraphCalls calls, EntraLookups lookups, String noteAttribute, String graphUrl) {
        this.calls = calls;
        this.lookups = lookups;
        this.noteAttribute = noteAttribute;
        this.directoryObjects = graphUrl + "/directoryObjects/";
    }

    ChangeResult apply(ConnectorWrite write) {
        String what = write.operation() + " " + write.resource() + " for " + write.login() + " on entra";
        try {
            return switch (write) {
                case ConnectorWrite.CreateUser w -> createOrUpdate(w, what);
                case ConnectorWrite.DisableUser w -> disable(w, what);
                case ConnectorWrite.AddMembership w -> addMember(w.login(), w.group(), what);
                case ConnectorWrite.RemoveMembership w -> removeMember(w.login(), w.group(), what);
                case ConnectorWrite.AssignApp w -> assign(w.login(), w.entitlementKey(), what);
                case ConnectorWrite.UnassignApp w -> unassign(w.login(), w.entitlementKey(), what);
                case ConnectorWrite.SetReasonNote w -> note(w, what);
                case ConnectorWrite.EndSessions w -> revokeSessions(w, what);
            };
        } catch (EntraLookups.Refusal e) {
            return new ChangeResult.Rejected(e.getMessage());
        } catch (ConnectorException e) {
            return switch (e.code()) {
                case "connector.refused", GraphCalls.NOT_FOUND -> new ChangeResult.Rejected(e.getMessage());
                case "connector.unavailable", "connector.unreachable" -> new ChangeResult.Failed(e.getMessage(), true);
                default -> new ChangeResult.Failed(e.getMessage(), false);
            };
        }
    }

    private ChangeResult createOrUpdate(ConnectorWrite.CreateUser w, String what) {
        Map<String, String> wanted = graphProfile(w.profile());
        Optional<User> existing = lookups.user(w.login());
        if (existing.isEmpty()) {
            User user = new User();
            user.setUserPrincipalName(w.login());
            user.setAccountEnabled(true);
            user.setDisplayName(wanted.getOrDefault("displayName", displayName(wanted, w.login())));
            user.setMailNickname(mailNickname(w.login()));
            PasswordProfile password = new PasswordProfile();
            password.setForceChangePasswordNextSignIn(true);
            password.setPassword(initialPassword());
            user.setPasswordProfile(password);
            wanted.forEach((field, value) -> user.getBackingStore().set(field, value));
            calls.call("create user " + w.login(), () -> calls.graph().users().post(user));
            return new ChangeResult.Applied(what);
        }
        Map<String, String> differing = differing(existing.get(), wanted);
        if (differing.isEmpty()) {
            return new ChangeResult.AlreadyInState(what + ": already so");
        }
        User patch = new User();
        differing.forEach((field, value) -> patch.getBackingStore().set(field, value));
        calls.run("update user " + w.login(), () -> calls.graph().users().byUserId(existing.get().getId()).patch(patch));
        return new ChangeResult.Applied(what + ": updated " + differing.keySet());
    }

    static Map<String, String> graphProfile(Map<String, String> profile) {
        Map<String, String> graph = new LinkedHashMap<>();
        profile.forEach((key, value) -> {
            String field = PROFILE.get(key);
            if (field == null) {
                throw new EntraLookups.Refusal("create_user: profile attribute '" + key + "' is not written to entra; known: "
                        + PROFILE.keySet().stream().sorted().toList());
            }
            graph.put(field, value);
        });
        return graph;
    }

    /** The wanted fields the user does not have yet, by name. */
    static Map<String, String> differing(User user, Map<String, String> wanted) {
        Map<String, String> differing = new TreeMap<>();
        wanted.forEach((field, value) -> {
            if (!Objects.equals(user.getBackingStore().get(field), value)) {
                differing.put(field, value);
            }
        });
        return differing;
    }

    private static String displayName(Map<String, String> profile, String login) {
        String name = (profile.getOrDefault("givenName", "") + " " + profile.getOrDefault("surname", "")).strip();
        return name.isEmpty() ? mailNickname(login) : name;
    }

    private static String mailNickname(String login) {
        String local = login.contains("@") ? login.substring(0, login.indexOf('@')) : login;
        return local.replaceAll("[^A-Za-z0-9._-]", "");
    }

    /** A random password nobody sees: the joiner sets their own at first sign-in (or gets a Temporary Access Pass). */
    private String initialPassword() {
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return password.toString();
    }

    private ChangeResult disable(ConnectorWrite.DisableUser w, String what) {
        User user = lookups.existingUser(w.login());
        if (Boolean.FALSE.equals(user.getAccountEnabled())) {
            return new ChangeResult.AlreadyInState(what + ": already disabled");
        }
        User patch = new User();
        patch.setAccountEnabled(false);
        calls.run("disable user " + w.login(), () -> calls.graph().users().byUserId(user.getId()).patch(patch));
        return new ChangeResult.Applied(what);
    }

    /** {@code POST /users/{id}/revokeSignInSessions}: refresh tokens and session cookies become invalid. */
    private ChangeResult revokeSessions(ConnectorWrite.EndSessions w, String what) {
        User user = lookups.existingUser(w.login());
        var answer = calls.call("revoke the sign-in sessions of " + w.login(),
                () -> calls.graph().users().byUserId(user.getId()).revokeSignInSessions().post());
        if (answer == null || !Boolean.TRUE.equals(answer.getValue())) {
            return new ChangeResult.Failed(what + ": Graph did not confirm the revocation", true);
        }
        return new ChangeResult.Applied(what + ": sign-in sessions revoked");
    }

    private ChangeResult addMember(String login, String groupName, String what) {
        String userId = lookups.existingUser(login).getId();
        String groupId = lookups.group(groupName);
        return addReference(what, () -> calls.graph().groups().byGroupId(groupId).members().ref().post(reference(userId)));
    }

    private ChangeResult removeMember(String login, String groupName, String what) {
        String userId = lookups.existingUser(login).getId();
        String groupId = lookups.group(groupName);
        return removeReference(what, () -> calls.graph().groups().byGroupId(groupId).members().byDirectoryObjectId(userId).ref().delete());
    }

    private ChangeResult assign(String login, String entitlementKey, String what) {
        String userId = lookups.existingUser(login).getId();
        EntraLookups.Target target = lookups.target(entitlementKey);
        if (target.directoryRole()) {
            return addReference(what, () -> calls.graph().directoryRoles().byDirectoryRoleId(target.directoryRoleId()).members().ref()
                    .post(reference(userId)));
        }
        if (lookups.assignment(userId, target).isPresent()) {
            return new ChangeResult.AlreadyInState(what + ": already assigned");
        }
        AppRoleAssignment assignment = new AppRoleAssignment();
        assignment.setPrincipalId(UUID.fromString(userId));
        assignment.setResourceId(UUID.fromString(target.servicePrincipalId()));
        assignment.setAppRoleId(target.appRoleId());
        calls.call(what, () -> calls.graph().servicePrincipals().byServicePrincipalId(target.servicePrincipalId()).appRoleAssignedTo().post(assignment));
        return new ChangeResult.Applied(what);
    }

    private ChangeResult unassign(String login, String entitlementKey, String what) {
        String userId = lookups.existingUser(login).getId();
        EntraLookups.Target target = lookups.target(entitlementKey);
        if (target.directoryRole()) {
            return removeReference(what, () -> calls.graph().directoryRoles().byDirectoryRoleId(target.directoryRoleId()).members()
                    .byDirectoryObjectId(userId).ref().delete());
        }
        Optional<AppRoleAssignment> held = lookups.assignment(userId, target);
        if (held.isEmpty()) {
            return new ChangeResult.AlreadyInState(what + ": not assigned");
        }
        calls.run(what, () -> calls.graph().servicePrincipals().byServicePrincipalId(target.servicePrincipalId()).appRoleAssignedTo()
                .byAppRoleAssignmentId(held.get().getId()).delete());
        return new ChangeResult.Applied(what);
    }

    private ReferenceCreate reference(String objectId) {
        ReferenceCreate reference = new ReferenceCreate();
        reference.setOdataId(directoryObjects + objectId);
        return reference;
    }

    /** Adds a {@code $ref}; Graph refuses a reference that exists with "One or more added object references already exist". */
    private ChangeResult addReference(String what, Runnable add) {
        try {
            calls.run(what, add);
            return new ChangeResult.Applied(what);
        } catch (ConnectorException e) {
            if (e.code().equals("connector.refused") && e.getMessage().contains("already exist")) {
                return new ChangeResult.AlreadyInState(what + ": already a member");
            }
            throw e;
        }
    }

    /** Removes a {@code $ref}; with user and target known to exist, Graph's 404 means there was no such reference. */
    private ChangeResult removeReference(String what, Runnable remove) {
        try {
            calls.run(what, remove);
            return new ChangeResult.Applied(what);
        } catch (ConnectorException e) {
            if (e.code().equals(GraphCalls.NOT_FOUND)) {
                return new ChangeResult.AlreadyInState(what + ": not a member");
            }
            throw e;
        }
    }

    private ChangeResult note(ConnectorWrite.SetReasonNote w, String what) {
        User user = lookups.existingUser(w.login());
        if (w.note().equals(note(user, noteAttribute))) {
            return new ChangeResult.AlreadyInState(what + ": note already set");
        }
        User patch = new User();
        if (noteAttribute.startsWith("extension_")) {
            patch.getAdditionalData().put(noteAttribute, w.note());
        } else {
            OnPremisesExtensionAttributes attributes = new OnPremisesExtensionAttributes();
            attributes.getBackingStore().set(noteAttribute, w.note());
            patch.setOnPremisesExtensionAttributes(attributes);
        }
        calls.run("set reason note of " + w.login(), () -> calls.graph().users().byUserId(user.getId()).patch(patch));
        return new ChangeResult.Applied(what);
    }

    /** The note a user carries in {@code attribute}, or the empty string. */
    static String note(User user, String attribute) {
        Object note = attribute.startsWith("extension_") ? user.getAdditionalData().get(attribute)
                : user.getOnPremisesExtensionAttributes() == null ? null : user.getOnPremisesExtensionAttributes().getBackingStore().get(attribute);
        return note == null ? "" : note.toString();
    }
}
