package io.countersign.connectors.entra;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.AppRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.DirectoryRoleCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.ServicePrincipalCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.PlatformSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tenant into a {@link PlatformSnapshot}: users, security groups and their direct user members, each
 * service principal's app role assignments to users (the role's {@code value} is the permission, Graph's default
 * access role is {@code ASSIGNED}), and the members of each activated directory role, reported as assignments
 * of the application {@value #DIRECTORY_ROLES}. Assignments to groups and nested group members are not expanded.
 */
final class EntraDirectoryReader {

    static final String PLATFORM = "entra";
    static final String DIRECTORY_ROLES = "Microsoft Entra ID";
    static final UUID DEFAULT_ACCESS = new UUID(0, 0);
    private static final String[] USER_FIELDS = {"id", "userPrincipalName", "mail", "displayName", "employeeId", "accountEnabled",
            "createdDateTime", "signInActivity"};

    private static final Logger log = LoggerFactory.getLogger(EntraDirectoryReader.class);

    private final GraphCalls calls;
    private final int pageSize;

    EntraDirectoryReader(GraphCalls calls, int pageSize) {
        this.calls = calls;
        this.pageSize = pageSize;
    }

    PlatformSnapshot read() {
        List<PlatformSnapshot.User> users = calls.<User, UserCollectionResponse>all("list users", () -> calls.graph().users().get(rc -> {
            rc.queryParameters.top = pageSize;
            rc.queryParameters.select = USER_FIELDS;
        }), UserCollectionResponse::createFromDiscriminatorValue).stream().map(EntraDirectoryReader::user).toList();
        List<Group> groups = calls.all("list groups", () -> calls.graph().groups().get(rc -> {
            rc.queryParameters.top = pageSize;
            rc.queryParameters.select = new String[] {"id", "displayName", "description"};
        }), GroupCollectionResponse::createFromDiscriminatorValue);
        List<PlatformSnapshot.Membership> memberships = new ArrayList<>();
        for (Group group : groups) {
            groupMembers(group.getId()).forEach(member -> memberships.add(new PlatformSnapshot.Membership(group.getId(), member)));
        }
        List<PlatformSnapshot.AppAssignment> assignments = new ArrayList<>(appRoleAssignments());
        assignments.addAll(directoryRoleAssignments());
        log.info("read entra: {} users, {} groups, {} memberships, {} assignments", users.size(), groups.size(), memberships.size(), assignments.size());
        return new PlatformSnapshot(PLATFORM, Instant.now(), users,
                groups.stream().map(g -> new PlatformSnapshot.PlatformGroup(g.getId(), g.getDisplayName(), g.getDescription())).toList(),
                memberships, assignments);
    }

    private static PlatformSnapshot.User user(User u) {
        OffsetDateTime lastSignIn = u.getSignInActivity() == null ? null : u.getSignInActivity().getLastSignInDateTime();
        return new PlatformSnapshot.User(u.getId(), u.getUserPrincipalName(), u.getMail(), u.getDisplayName(), u.getEmployeeId(),
                Boolean.FALSE.equals(u.getAccountEnabled()) ? AccountStatus.DISABLED : AccountStatus.ACTIVE,
                u.getCreatedDateTime() == null ? null : u.getCreatedDateTime().toInstant(), lastSignIn == null ? null : lastSignIn.toInstant());
    }

    /** The group's direct members that are users, by object id. */
    List<String> groupMembers(String groupId) {
        return users(calls.all("list members of group " + groupId, () -> calls.graph().groups().byGroupId(groupId).members().get(rc -> {
            rc.queryParameters.top = pageSize;
            rc.queryParameters.select = new String[] {"id"};
        }), DirectoryObjectCollectionResponse::createFromDiscriminatorValue));
    }

    List<String> directoryRoleMembers(String roleId) {
        return users(calls.all("list members of directory role " + roleId, () -> calls.graph().directoryRoles().byDirectoryRoleId(roleId)
                .members().get(rc -> rc.queryParameters.select = new String[] {"id"}), DirectoryObjectCollectionResponse::createFromDiscriminatorValue));
    }

    private static List<String> users(List<DirectoryObject> members) {
        return members.stream().filter(User.class::isInstance).map(DirectoryObject::getId).toList();
    }

    List<ServicePrincipal> servicePrincipals(String filter) {
        return calls.all("list service principals", () -> calls.graph().servicePrincipals().get(rc -> {
            rc.queryParameters.top = pageSize;
            rc.queryParameters.select = new String[] {"id", "displayName", "appRoles"};
            rc.queryParameters.filter = filter;
        }), ServicePrincipalCollectionResponse::createFromDiscriminatorValue);
    }

    List<DirectoryRole> directoryRoles() {
        return calls.all("list directory roles", () -> calls.graph().directoryRoles().get(rc -> rc.queryParameters.select = new String[] {"id", "displayName"}),
                DirectoryRoleCollectionResponse::createFromDiscriminatorValue);
    }

    private List<PlatformSnapshot.AppAssignment> appRoleAssignments() {
        List<PlatformSnapshot.AppAssignment> assignments = new ArrayList<>();
        for (ServicePrincipal sp : servicePrincipals(null)) {
            Map<UUID, String> roles = sp.getAppRoles() == null ? Map.of()
                    : sp.getAppRoles().stream().filter(r -> r.getId() != null).collect(Collectors.toMap(AppRole::getId, EntraDirectoryReader::roleName));
            List<AppRoleAssignment> held = calls.all("list app role assignments of " + sp.getDisplayName(), () -> calls.graph().servicePrincipals()
                    .byServicePrincipalId(sp.getId()).appRoleAssignedTo().get(rc -> rc.queryParameters.top = pageSize),
                    AppRoleAssignmentCollectionResponse::createFromDiscriminatorValue);
            held.stream().filter(a -> "User".equals(a.getPrincipalType()) && a.getPrincipalId() != null)
                    .forEach(a -> assignments.add(new PlatformSnapshot.AppAssignment(sp.getDisplayName(), permission(roles, a.getAppRoleId()),
                            a.getPrincipalId().toString())));
        }
        return assignments;
    }

    static String roleName(AppRole role) {
        return role.getValue() != null && !role.getValue().isBlank() ? role.getValue() : role.getDisplayName();
    }

    private static String permission(Map<UUID, String> roles, UUID appRoleId) {
        return appRoleId == null || appRoleId.equals(DEFAULT_ACCESS) ? "ASSIGNED" : roles.getOrDefault(appRoleId, appRoleId.toString());
    }

    private List<PlatformSnapshot.AppAssignment> directoryRoleAssignments() {
        List<PlatformSnapshot.AppAssignment> assignments = new ArrayList<>();
        for (DirectoryRole role : directoryRoles()) {
            directoryRoleMembers(role.getId()).forEach(member -> assignments.add(new PlatformSnapshot.AppAssignment(DIRECTORY_ROLES,
                    role.getDisplayName(), member)));
        }
        return assignments;
    }
}
