package io.countersign.connectors.entra;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.AppRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.User;

/**
 * Finds what a write names: a user by user principal name, a group by display name (or object id), and the
 * target of an entitlement key {@code application:role}, which is a directory role when the application is
 * {@value EntraDirectoryReader#DIRECTORY_ROLES} and otherwise an app role of the service principal of that name.
 * A name that finds nothing, or finds several, is a {@link Refusal}: the write is not attempted.
 */
final class EntraLookups {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A business "no" found while resolving a write; it becomes {@code ChangeResult.Rejected}. */
    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    /** Where an entitlement key points: a directory role, or an app role ({@code appRoleId}) of a service principal. */
    record Target(String application, String role, String directoryRoleId, String servicePrincipalId, UUID appRoleId) {

        boolean directoryRole() {
            return directoryRoleId != null;
        }
    }

    private final GraphCalls calls;
    private final EntraDirectoryReader reader;
    private final String[] userFields;

    EntraLookups(GraphCalls calls, EntraDirectoryReader reader, String noteAttribute) {
        this.calls = calls;
        this.reader = reader;
        this.userFields = new String[] {"id", "userPrincipalName", "accountEnabled", "givenName", "surname", "displayName", "mail", "employeeId",
                "department", "jobTitle", "city", noteAttribute.startsWith("extension_") ? noteAttribute : "onPremisesExtensionAttributes"};
    }

    Optional<User> user(String login) {
        return calls.find("read user " + login, () -> calls.graph().users().byUserId(login).get(rc -> rc.queryParameters.select = userFields));
    }

    User existingUser(String login) {
        return user(login).orElseThrow(() -> new Refusal("no account " + login + " on entra"));
    }

    String group(String name) {
        if (OBJECT_ID.matcher(name).matches()) {
            return calls.find("read group " + name, () -> calls.graph().groups().byGroupId(name).get(rc -> rc.queryParameters.select = new String[] {"id"}))
                    .map(Group::getId).orElseThrow(() -> new Refusal("no group " + name + " on entra"));
        }
        List<Group> named = calls.all("find group " + name, () -> calls.graph().groups().get(rc -> {
            rc.queryParameters.filter = "displayName eq " + literal(name);
            rc.queryParameters.select = new String[] {"id", "displayName"};
        }), GroupCollectionResponse::createFromDiscriminatorValue);
        if (named.size() != 1) {
            throw new Refusal(named.isEmpty() ? "no group named " + name + " on entra"
                    : named.size() + " groups are named " + name + " on entra; name the group by its object id");
        }
        return named.getFirst().getId();
    }

    Target target(String entitlementKey) {
        int colon = entitlementKey.lastIndexOf(':');
        String application = colon < 0 ? entitlementKey : entitlementKey.substring(0, colon);
        String role = colon < 0 ? "ASSIGNED" : entitlementKey.substring(colon + 1);
        if (application.equals(EntraDirectoryReader.DIRECTORY_ROLES)) {
            return reader.directoryRoles().stream().filter(r -> role.equals(r.getDisplayName())).findFirst()
                    .map(r -> new Target(application, role, r.getId(), null, null))
                    .orElseThrow(() -> new Refusal("directory role " + role + " is not activated on entra"));
        }
        List<ServicePrincipal> principals = reader.servicePrincipals("displayName eq " + literal(application));
        if (principals.size() != 1) {
            throw new Refusal(principals.isEmpty() ? "no application " + application + " on entra"
                    : principals.size() + " service principals are named " + application + " on entra");
        }
        ServicePrincipal principal = principals.getFirst();
        UUID roleId = role.equals("ASSIGNED") ? EntraDirectoryReader.DEFAULT_ACCESS : (principal.getAppRoles() == null ? List.<AppRole>of()
                : principal.getAppRoles()).stream().filter(r -> role.equals(EntraDirectoryReader.roleName(r))).map(AppRole::getId).findFirst()
                .orElseThrow(() -> new Refusal("application " + application + " has no app role " + role + " on entra"));
        return new Target(application, role, null, principal.getId(), roleId);
    }

    /** The user's assignment to the target's app role, if any. */
    Optional<AppRoleAssignment> assignment(String userId, Target target) {
        List<AppRoleAssignment> held = calls.all("list app role assignments of " + userId, () -> calls.graph().users().byUserId(userId)
                .appRoleAssignments().get(), AppRoleAssignmentCollectionResponse::createFromDiscriminatorValue);
        return held.stream().filter(a -> a.getResourceId() != null && a.getResourceId().toString().equalsIgnoreCase(target.servicePrincipalId())
                && target.appRoleId().equals(a.getAppRoleId())).findFirst();
    }

    boolean holds(String userId, Target target) {
        return target.directoryRole() ? reader.directoryRoleMembers(target.directoryRoleId()).contains(userId) : assignment(userId, target).isPresent();
    }

    /** An OData string literal: quoted, with quotes doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
