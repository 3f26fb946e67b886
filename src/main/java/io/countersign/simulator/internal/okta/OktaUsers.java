package io.countersign.simulator.internal.okta;

import static io.countersign.simulator.internal.okta.OktaStandIn.PLATFORM;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.User;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/users}: list (without deprovisioned users unless a filter asks for them), get by id or login,
 * create, profile update, lifecycle activate and deactivate, revoking a user's sessions, and a user's groups.
 */
final class OktaUsers {

    private static final List<String> REQUIRED_ON_CREATE = List.of("login", "email", "firstName", "lastName");
    private static final Map<String, Function<User, String>> FILTERABLE = Map.of(
            "status", u -> OktaResources.status(u.status()),
            "id", User::externalId,
            "profile.login", User::login,
            "profile.email", User::email,
            "profile.firstName", User::firstName,
            "profile.lastName", User::lastName,
            "profile.employeeNumber", User::employeeNumber,
            "profile.department", User::department);

    private final SimulatedTenant tenant;
    private final int pageSize;

    OktaUsers(SimulatedTenant tenant, int pageSize) {
        this.tenant = tenant;
        this.pageSize = pageSize;
    }

    void handle(OktaExchange call) throws IOException {
        List<String> s = call.segments();
        String method = call.method();
        if (s.size() == 1 && method.equals("GET")) {
            list(call);
        } else if (s.size() == 1 && method.equals("POST")) {
            create(call);
        } else if (s.size() == 2 && method.equals("GET")) {
            call.ok(json(find(s.get(1)), call.baseUrl()));
        } else if (s.size() == 2 && (method.equals("POST") || method.equals("PUT"))) {
            update(call, find(s.get(1)));
        } else if (s.size() == 3 && s.get(2).equals("groups") && method.equals("GET")) {
            String id = find(s.get(1)).externalId();
            call.ok(tenant.groups(PLATFORM).stream().filter(g -> g.members().contains(id))
                    .map(g -> OktaResources.group(g, call.baseUrl())).toList());
        } else if (s.size() == 3 && s.get(2).equals("sessions") && method.equals("DELETE")) {
            tenant.endSessions(PLATFORM, find(s.get(1)).login());
            call.noContent();
        } else if (s.size() == 4 && s.get(2).equals("lifecycle") && method.equals("POST")) {
            lifecycle(call, find(s.get(1)), s.get(3));
        } else if (s.size() <= 4) {
            throw OktaError.methodNotAllowed();
        } else {
            throw OktaError.notFound(String.join("/", s), "Resource");
        }
    }

    private void list(OktaExchange call) throws IOException {
        Optional<String> expression = call.param("filter").or(() -> call.param("search"));
        Predicate<User> wanted = expression.map(e -> EqFilter.parse(e, FILTERABLE)).orElse(u -> u.status() != AccountStatus.DISABLED);
        Optional<String> q = call.param("q").map(v -> v.toLowerCase(Locale.ROOT));
        Predicate<User> found = q.<Predicate<User>>map(v -> u -> startsWith(u.firstName(), v) || startsWith(u.lastName(), v)
                || startsWith(u.email(), v)).orElse(u -> true);
        List<User> users = IdPages.sortedById(tenant.users(PLATFORM).stream().filter(wanted.and(found)).toList(), User::externalId);
        int limit = call.limit(200, 200, pageSize);
        IdPages.Page<User> page = IdPages.page(users, User::externalId, call.param("after"), limit);
        call.page(page.items().stream().map(u -> json(u, call.baseUrl())).toList(), page.nextAfter(), limit);
    }

    private void create(OktaExchange call) throws IOException {
        JsonNode profile = profileOf(call.body());
        for (String field : REQUIRED_ON_CREATE) {
            if (text(profile, field) == null) {
                throw OktaError.validation(field, "The field cannot be left blank");
            }
        }
        if (tenant.userByLogin(PLATFORM, text(profile, "login")).isPresent()) {
            throw OktaError.validation("login", "An object with this field already exists in the current organization");
        }
        String manager = Optional.ofNullable(text(profile, "managerId")).flatMap(id -> tenant.user(PLATFORM, id)).map(User::login).orElse(null);
        User created = tenant.createUser(PLATFORM, new User(PLATFORM, null, text(profile, "login"), text(profile, "email"),
                text(profile, "firstName"), text(profile, "lastName"), text(profile, "employeeNumber"), text(profile, "department"),
                text(profile, "title"), text(profile, "city"), manager, AccountStatus.ACTIVE, null, null, null));
        Optional.ofNullable(text(profile, OktaResources.REASON_ATTRIBUTE))
                .ifPresent(note -> tenant.updateUser(PLATFORM, created.externalId(), Map.of(OktaResources.REASON_ATTRIBUTE, note)));
        call.ok(json(tenant.user(PLATFORM, created.externalId()).orElseThrow(), call.baseUrl()));
    }

    /** Partial and full updates alike change only the attributes given: the tenant cannot clear an attribute. */
    private void update(OktaExchange call, User user) throws IOException {
        JsonNode profile = profileOf(call.body());
        String login = text(profile, "login");
        if (login != null && !login.equalsIgnoreCase(user.login())) {
            throw OktaError.validation("login", "the stand-in does not rename users");
        }
        Map<String, String> changes = new HashMap<>();
        for (String field : OktaResources.STORED_PROFILE) {
            String value = text(profile, field);
            if (value != null && !field.equals("login") && !field.equals("managerId")) {
                changes.put(field, value);
            }
        }
        tenant.updateUser(PLATFORM, user.externalId(), changes);
        call.ok(json(tenant.user(PLATFORM, user.externalId()).orElseThrow(), call.baseUrl()));
    }

    private void lifecycle(OktaExchange call, User user, String operation) throws IOException {
        switch (operation) {
            case "deactivate" -> {
                tenant.disable(PLATFORM, user.login());
                call.ok(Map.of());
            }
            case "activate" -> {
                if (user.status() == AccountStatus.ACTIVE) {
                    throw new OktaError(403, "E0000016", "Activation failed because the user is already active", List.of());
                }
                tenant.enable(PLATFORM, user.login());
                String token = OktaExchange.randomId(20);
                call.ok(Map.of("activationToken", token, "activationUrl", call.baseUrl() + "/welcome/" + token));
            }
            default -> throw OktaError.notFound(operation, "Lifecycle operation");
        }
    }

    private User find(String idOrLogin) {
        return tenant.user(PLATFORM, idOrLogin).or(() -> tenant.userByLogin(PLATFORM, idOrLogin))
                .orElseThrow(() -> OktaError.notFound(idOrLogin, "User"));
    }

    private Map<String, Object> json(User user, String baseUrl) {
        String managerId = user.managerLogin() == null ? null
                : tenant.userByLogin(PLATFORM, user.managerLogin()).map(User::externalId).orElse(null);
        return OktaResources.user(user, managerId, baseUrl);
    }

    /** The request's profile, every attribute checked against the stand-in's user schema. */
    private static JsonNode profileOf(JsonNode body) {
        JsonNode profile = body.get("profile");
        if (profile == null || !profile.isObject()) {
            throw OktaError.validation("profile", "The field cannot be left blank");
        }
        for (String name : profile.propertyNames()) {
            if (!OktaResources.STORED_PROFILE.contains(name) && !OktaResources.UNSTORED_BASE_PROFILE.contains(name)) {
                throw OktaError.validation("profile", "Property name '" + name + "' is not defined in profile");
            }
            JsonNode value = profile.get(name);
            if (!value.isNull() && !value.isString()) {
                throw OktaError.validation(name, "must be a string");
            }
        }
        return profile;
    }

    private static String text(JsonNode profile, String field) {
        JsonNode value = profile.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
