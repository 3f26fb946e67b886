package io.countersign.simulator.internal.okta;

import static io.countersign.simulator.internal.okta.OktaStandIn.PLATFORM;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.App;
import io.countersign.simulator.SimulatedTenant.User;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/apps}: list (with {@code q} on label), get, and the application's users: list, get, assign,
 * update and unassign. An assignment's roles are the application user's profile attribute {@code roles}.
 */
final class OktaApps {

    private final SimulatedTenant tenant;
    private final int pageSize;

    OktaApps(SimulatedTenant tenant, int pageSize) {
        this.tenant = tenant;
        this.pageSize = pageSize;
    }

    void handle(OktaExchange call) throws IOException {
        List<String> s = call.segments();
        String method = call.method();
        if (s.size() == 1 && method.equals("GET")) {
            list(call);
        } else if (s.size() == 2 && method.equals("GET")) {
            call.ok(OktaResources.app(find(s.get(1)), call.baseUrl()));
        } else if (s.size() == 3 && s.get(2).equals("users") && method.equals("GET")) {
            users(call, find(s.get(1)));
        } else if (s.size() == 3 && s.get(2).equals("users") && method.equals("POST")) {
            JsonNode body = call.body();
            App app = find(s.get(1));
            User user = user(text(body, "id"));
            setRoles(app, user, roles(body));
            call.ok(appUser(app.externalId(), user, call.baseUrl()));
        } else if (s.size() == 4 && s.get(2).equals("users")) {
            appUser(call, find(s.get(1)), s.get(3));
        } else if (s.size() <= 4) {
            throw OktaError.methodNotAllowed();
        } else {
            throw OktaError.notFound(String.join("/", s), "Resource");
        }
    }

    private void appUser(OktaExchange call, App app, String userId) throws IOException {
        User user = user(userId);
        if (!app.assignments().containsKey(user.externalId())) {
            throw OktaError.notFound(userId, "AppUser");
        }
        switch (call.method()) {
            case "GET" -> call.ok(appUser(app.externalId(), user, call.baseUrl()));
            case "POST" -> {
                setRoles(app, user, roles(call.body()));
                call.ok(appUser(app.externalId(), user, call.baseUrl()));
            }
            case "DELETE" -> {
                setRoles(app, user, Set.of());
                call.noContent();
            }
            default -> throw OktaError.methodNotAllowed();
        }
    }

    private void list(OktaExchange call) throws IOException {
        if (call.param("filter").isPresent()) {
            throw OktaError.invalidSearch("the stand-in supports only q for applications");
        }
        Optional<String> q = call.param("q").map(v -> v.toLowerCase(Locale.ROOT));
        List<App> apps = IdPages.sortedById(tenant.apps(PLATFORM).stream()
                .filter(a -> q.isEmpty() || a.name().toLowerCase(Locale.ROOT).startsWith(q.get())).toList(), App::externalId);
        int limit = call.limit(20, 200, pageSize);
        IdPages.Page<App> page = IdPages.page(apps, App::externalId, call.param("after"), limit);
        call.page(page.items().stream().map(a -> OktaResources.app(a, call.baseUrl())).toList(), page.nextAfter(), limit);
    }

    private void users(OktaExchange call, App app) throws IOException {
        List<User> users = IdPages.sortedById(app.assignments().keySet().stream().map(id -> tenant.user(PLATFORM, id))
                .flatMap(Optional::stream).toList(), User::externalId);
        int limit = call.limit(50, 500, pageSize);
        IdPages.Page<User> page = IdPages.page(users, User::externalId, call.param("after"), limit);
        call.page(page.items().stream().map(u -> OktaResources.appUser(app, u, app.assignments().get(u.externalId()), call.baseUrl()))
                .toList(), page.nextAfter(), limit);
    }

    /** Brings the assignment to exactly {@code wanted}; no roles at all is a plain assignment, none wanted removes it. */
    private void setRoles(App app, User user, Set<String> wanted) {
        Set<String> held = app.assignments().getOrDefault(user.externalId(), Set.of());
        held.stream().filter(r -> !wanted.contains(r)).forEach(r -> tenant.unassignApp(PLATFORM, user.login(), key(app, r)));
        wanted.stream().filter(r -> !held.contains(r)).forEach(r -> tenant.assignApp(PLATFORM, user.login(), key(app, r)));
    }

    private Object appUser(String appId, User user, String baseUrl) {
        App app = find(appId);
        return OktaResources.appUser(app, user, app.assignments().getOrDefault(user.externalId(), Set.of()), baseUrl);
    }

    private static String key(App app, String role) {
        return role.equals("ASSIGNED") ? app.name() : app.name() + ":" + role;
    }

    private static Set<String> roles(JsonNode body) {
        JsonNode roles = body.path("profile").path("roles");
        Set<String> wanted = new LinkedHashSet<>();
        if (roles.isArray()) {
            roles.values().forEach(r -> wanted.add(r.asString()));
        } else if (!roles.isMissingNode() && !roles.isNull()) {
            throw OktaError.validation("profile.roles", "must be an array of strings");
        }
        return wanted.isEmpty() ? Set.of("ASSIGNED") : wanted;
    }

    private User user(String userId) {
        if (userId == null) {
            throw OktaError.validation("id", "The field cannot be left blank");
        }
        return tenant.user(PLATFORM, userId).orElseThrow(() -> OktaError.notFound(userId, "User"));
    }

    private App find(String appId) {
        return tenant.apps(PLATFORM).stream().filter(a -> a.externalId().equals(appId)).findFirst()
                .orElseThrow(() -> OktaError.notFound(appId, "App"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
