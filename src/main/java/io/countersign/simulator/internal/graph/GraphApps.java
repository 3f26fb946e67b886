package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.App;
import io.countersign.simulator.SimulatedTenant.User;

/**
 * Applications and directory roles. The tenant's applications are served as {@code /servicePrincipals}, each
 * role of an application as one of its {@code appRoles}, and an assignment as an {@code appRoleAssignment}
 * ({@code appRoleAssignedTo} on the service principal, {@code appRoleAssignments} on the user). The
 * application named {@value #DIRECTORY_ROLES} stands for the tenant's own administrator roles and is served as
 * {@code /directoryRoles} with {@code members}. As in Graph, a role is listed once somebody has held it.
 */
final class GraphApps implements GraphResource {

    static final String DIRECTORY_ROLES = "Microsoft Entra ID";
    static final String DEFAULT_ACCESS = "00000000-0000-0000-0000-000000000000";
    private static final Set<String> FILTERABLE = Set.of("id", "displayName", "appId");

    private final SimulatedTenant tenant;
    private final GraphUsers users;
    private final GraphGroups groups;
    private final Map<String, Set<String>> rolesSeen = new ConcurrentHashMap<>();

    GraphApps(SimulatedTenant tenant, GraphUsers users, GraphGroups groups) {
        this.tenant = tenant;
        this.users = users;
        this.groups = groups;
    }

    @Override
    public boolean handle(GraphRequest request) throws IOException {
        return switch (request.segment(0).toLowerCase()) {
            case "serviceprincipals" -> servicePrincipals(request);
            case "directoryroles" -> directoryRoles(request);
            case "users" -> userAssignments(request);
            default -> false;
        };
    }

    private boolean servicePrincipals(GraphRequest request) throws IOException {
        if (request.is("GET", "servicePrincipals")) {
            List<Map<String, Object>> principals = applications().stream().map(this::render)
                    .filter(GraphFilter.parse(request.option("$filter"), FILTERABLE).predicate()).toList();
            Skiptoken.page(request, "servicePrincipals", principals, 100, 999, sp -> selected(sp, request.option("$select")));
        } else if (request.is("GET", "servicePrincipals", "*")) {
            request.entity(200, "servicePrincipals/$entity", selected(render(application(request.segment(1))), request.option("$select")));
        } else if (request.is("GET", "servicePrincipals", "*", "appRoleAssignedTo")) {
            App app = application(request.segment(1));
            Skiptoken.page(request, "appRoleAssignments", assignments(app, null), 100, 999, a -> a);
        } else if (request.is("POST", "servicePrincipals", "*", "appRoleAssignedTo")) {
            assign(request, application(request.segment(1)));
        } else if (request.is("DELETE", "servicePrincipals", "*", "appRoleAssignedTo", "*")) {
            unassign(request, application(request.segment(1)), request.segment(3));
        } else {
            return false;
        }
        return true;
    }

    private boolean userAssignments(GraphRequest request) throws IOException {
        if (!request.is("GET", "users", "*", "appRoleAssignments")) {
            return false;
        }
        User user = users.find(request.segment(1));
        List<Map<String, Object>> held = new ArrayList<>();
        applications().forEach(app -> held.addAll(assignments(app, user.externalId())));
        Skiptoken.page(request, "appRoleAssignments", held, 100, 999, a -> a);
        return true;
    }

    private List<App> applications() {
        return tenant.apps(GraphUsers.PLATFORM).stream().filter(a -> !a.name().equals(DIRECTORY_ROLES)).toList();
    }

    private App application(String id) {
        return applications().stream().filter(a -> a.externalId().equals(id)).findFirst().orElseThrow(() -> GraphUsers.notFound(id));
    }

    private Map<String, Object> render(App app) {
        List<Map<String, Object>> roles = new ArrayList<>();
        for (String role : roles(app)) {
            Map<String, Object> appRole = new LinkedHashMap<>();
            appRole.put("allowedMemberTypes", List.of("User"));
            appRole.put("description", role + " in " + app.name());
            appRole.put("displayName", role);
            appRole.put("id", roleId(app.name(), role));
            appRole.put("isEnabled", true);
            appRole.put("origin", "Application");
            appRole.put("value", role);
            roles.add(appRole);
        }
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("id", app.externalId());
        principal.put("appId", GraphRecords.guid("appId:" + app.name()));
        principal.put("displayName", app.name());
        principal.put("accountEnabled", true);
        principal.put("appRoleAssignmentRequired", true);
        principal.put("servicePrincipalType", "Application");
        principal.put("tags", List.of("WindowsAzureActiveDirectoryIntegratedApp"));
        principal.put("appRoles", roles);
        return principal;
    }

    private static Map<String, Object> selected(Map<String, Object> principal, String select) {
        return GraphRecords.select("microsoft.graph.servicePrincipal", List.copyOf(principal.keySet()), principal, select);
    }

    /** The roles an application has: those held now and those held before (Graph keeps an app role once defined). */
    private Set<String> roles(App app) {
        Set<String> seen = rolesSeen.computeIfAbsent(app.name(), k -> ConcurrentHashMap.newKeySet());
        app.assignments().values().forEach(seen::addAll);
        Set<String> roles = new TreeSet<>(seen);
        roles.remove("ASSIGNED");
        return roles;
    }

    static String roleId(String appName, String role) {
        return role.equals("ASSIGNED") ? DEFAULT_ACCESS : GraphRecords.guid("appRole:" + appName + ":" + role);
    }

    private List<Map<String, Object>> assignments(App app, String onlyUser) {
        List<Map<String, Object>> assignments = new ArrayList<>();
        app.assignments().forEach((userId, roles) -> {
            Optional<User> user = tenant.user(GraphUsers.PLATFORM, userId);
            if (user.isPresent() && (onlyUser == null || onlyUser.equals(userId))) {
                roles.stream().sorted().forEach(role -> assignments.add(assignment(app, user.get(), role)));
            }
        });
        return assignments;
    }

    private static Map<String, Object> assignment(App app, User user, String role) {
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("id", assignmentId(app.externalId(), user.externalId(), role));
        assignment.put("appRoleId", roleId(app.name(), role));
        assignment.put("createdDateTime", null);
        assignment.put("deletedDateTime", null);
        assignment.put("principalDisplayName", GraphUsers.displayName(user));
        assignment.put("principalId", user.externalId());
        assignment.put("principalType", "User");
        assignment.put("resourceDisplayName", app.name());
        assignment.put("resourceId", app.externalId());
        return assignment;
    }

    private static String assignmentId(String appId, String userId, String role) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((appId + "|" + userId + "|" + role).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 43);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assign(GraphRequest request, App app) throws IOException {
        Map<String, Object> body = request.jsonBody();
        if (!app.externalId().equals(body.get("resourceId"))) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Invalid value specified for property 'resourceId' of resource 'AppRoleAssignment'.");
        }
        User user = users.find(String.valueOf(body.get("principalId")));
        String role = roles(app).stream().filter(r -> roleId(app.name(), r).equals(body.get("appRoleId"))).findFirst()
                .orElse(DEFAULT_ACCESS.equals(body.get("appRoleId")) ? "ASSIGNED" : null);
        if (role == null) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Permission being assigned was not found on application '"
                    + GraphRecords.guid("appId:" + app.name()) + "'.");
        }
        if (app.assignments().getOrDefault(user.externalId(), Set.of()).contains(role)) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Permission being assigned already exists on the object.");
        }
        tenant.assignApp(GraphUsers.PLATFORM, user.login(), app.name() + ":" + role);
        request.entity(201, "servicePrincipals('" + app.externalId() + "')/appRoleAssignedTo/$entity", assignment(app, user, role));
    }

    private void unassign(GraphRequest request, App app, String assignmentId) throws IOException {
        for (Map<String, Object> assignment : assignments(app, null)) {
            if (assignment.get("id").equals(assignmentId)) {
                User user = users.find(assignment.get("principalId").toString());
                String role = roles(app).stream().filter(r -> roleId(app.name(), r).equals(assignment.get("appRoleId"))).findFirst().orElse("ASSIGNED");
                tenant.unassignApp(GraphUsers.PLATFORM, user.login(), app.name() + ":" + role);
                request.noContent();
                return;
            }
        }
        throw GraphUsers.notFound(assignmentId);
    }

    private boolean directoryRoles(GraphRequest request) throws IOException {
        if (request.is("GET", "directoryRoles")) {
            Skiptoken.page(request, "directoryRoles", directoryRoleNames(), 100, 999, role -> selectedRole(renderRole(role), request.option("$select")));
        } else if (request.is("GET", "directoryRoles", "*", "members")) {
            groups.members(request, holders(directoryRole(request.segment(1))));
        } else if (request.is("POST", "directoryRoles", "*", "members", "$ref")) {
            String role = directoryRole(request.segment(1));
            User user = groups.referenced(request);
            if (holders(role).contains(user.externalId())) {
                throw new GraphRequest.BadRequest("Request_BadRequest",
                        "One or more added object references already exist for the following modified properties: 'members'.");
            }
            tenant.assignApp(GraphUsers.PLATFORM, user.login(), DIRECTORY_ROLES + ":" + role);
            request.noContent();
        } else if (request.is("DELETE", "directoryRoles", "*", "members", "*", "$ref")) {
            String role = directoryRole(request.segment(1));
            User user = users.find(request.segment(3));
            if (!holders(role).contains(user.externalId())) {
                throw GraphUsers.notFound(request.segment(3));
            }
            tenant.unassignApp(GraphUsers.PLATFORM, user.login(), DIRECTORY_ROLES + ":" + role);
            request.noContent();
        } else {
            return false;
        }
        return true;
    }

    private List<String> directoryRoleNames() {
        return tenant.apps(GraphUsers.PLATFORM).stream().filter(a -> a.name().equals(DIRECTORY_ROLES)).findFirst()
                .map(app -> List.copyOf(roles(app))).orElse(List.of());
    }

    private String directoryRole(String id) {
        return directoryRoleNames().stream().filter(r -> GraphRecords.guid("directoryRole:" + r).equals(id)).findFirst()
                .orElseThrow(() -> GraphUsers.notFound(id));
    }

    private Set<String> holders(String role) {
        Set<String> holders = new TreeSet<>();
        tenant.apps(GraphUsers.PLATFORM).stream().filter(a -> a.name().equals(DIRECTORY_ROLES)).findFirst()
                .ifPresent(app -> app.assignments().forEach((user, roles) -> {
                    if (roles.contains(role)) {
                        holders.add(user);
                    }
                }));
        return holders;
    }

    private static Map<String, Object> renderRole(String role) {
        Map<String, Object> directoryRole = new LinkedHashMap<>();
        directoryRole.put("id", GraphRecords.guid("directoryRole:" + role));
        directoryRole.put("displayName", role);
        directoryRole.put("description", "Members can act as " + role + ".");
        directoryRole.put("roleTemplateId", GraphRecords.guid("roleTemplate:" + role));
        return directoryRole;
    }

    private static Map<String, Object> selectedRole(Map<String, Object> role, String select) {
        return GraphRecords.select("microsoft.graph.directoryRole", List.copyOf(role.keySet()), role, select);
    }
}
