package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.User;

/**
 * {@code /users}: list (with {@code $select}, {@code $filter}, {@code $top} and paging), get by id or user
 * principal name, create, and update ({@code accountEnabled}, profile, and the reason-note attribute, which is
 * either one of {@code onPremisesExtensionAttributes.extensionAttribute1..15} or a directory extension).
 */
final class GraphUsers implements GraphResource {

    static final String PLATFORM = "entra";
    private static final List<String> DEFAULT_SELECT = List.of("businessPhones", "displayName", "givenName", "jobTitle", "mail",
            "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id");
    private static final Set<String> FILTERABLE = Set.of("id", "userPrincipalName", "displayName", "mail", "employeeId");
    private static final Map<String, String> PROFILE = Map.of("givenName", "firstName", "surname", "lastName", "mail", "email",
            "employeeId", "employeeNumber", "department", "department", "jobTitle", "title", "city", "city");

    private final SimulatedTenant tenant;
    private final String noteAttribute;

    GraphUsers(SimulatedTenant tenant, String noteAttribute) {
        this.tenant = tenant;
        this.noteAttribute = noteAttribute;
    }

    @Override
    public boolean handle(GraphRequest request) throws IOException {
        if (request.is("GET", "users")) {
            List<Map<String, Object>> users = tenant.users(PLATFORM).stream().map(this::render)
                    .filter(GraphFilter.parse(request.option("$filter"), FILTERABLE).predicate()).toList();
            Skiptoken.page(request, "users", users, 100, 999, u -> selected(u, request.option("$select")));
        } else if (request.is("GET", "users", "*")) {
            User user = find(request.segment(1));
            request.entity(200, "users/$entity", selected(render(user), request.option("$select")));
        } else if (request.is("POST", "users")) {
            create(request);
        } else if (request.is("POST", "users", "*", "revokeSignInSessions")) {
            tenant.endSessions(PLATFORM, find(request.segment(1)).login());
            request.entity(200, "Edm.Boolean", Map.of("value", true));
        } else if (request.is("PATCH", "users", "*")) {
            update(find(request.segment(1)), request.jsonBody());
            request.noContent();
        } else {
            return false;
        }
        return true;
    }

    /** The user with this object id or user principal name, or Graph's 404. */
    User find(String key) {
        return tenant.user(PLATFORM, key).or(() -> tenant.userByLogin(PLATFORM, key))
                .orElseThrow(() -> notFound(key));
    }

    static GraphRequest.BadRequest notFound(String key) {
        return new GraphRequest.BadRequest(404, "Request_ResourceNotFound",
                "Resource '" + key + "' does not exist or one of its queried reference-property objects are not present.");
    }

    Map<String, Object> render(User u) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", u.externalId());
        user.put("userPrincipalName", u.login());
        user.put("mail", u.email());
        user.put("displayName", displayName(u));
        user.put("givenName", u.firstName());
        user.put("surname", u.lastName());
        user.put("mailNickname", u.login().contains("@") ? u.login().substring(0, u.login().indexOf('@')) : u.login());
        user.put("employeeId", u.employeeNumber());
        user.put("department", u.department());
        user.put("jobTitle", u.title());
        user.put("city", u.city());
        user.put("officeLocation", u.city());
        user.put("businessPhones", List.of());
        user.put("mobilePhone", null);
        user.put("preferredLanguage", "en-US");
        user.put("accountEnabled", u.status() == AccountStatus.ACTIVE);
        user.put("createdDateTime", GraphRecords.seconds(u.created()));
        user.put("signInActivity", signInActivity(u.lastLogin()));
        user.put("onPremisesExtensionAttributes", extensionAttributes(u.reasonNote()));
        if (noteAttribute.startsWith("extension_")) {
            user.put(noteAttribute, u.reasonNote());
        }
        return user;
    }

    private static Map<String, Object> selected(Map<String, Object> user, String select) {
        return GraphRecords.select("microsoft.graph.user", DEFAULT_SELECT, user, select);
    }

    static String displayName(User u) {
        return u.firstName() == null ? u.login() : u.lastName() == null ? u.firstName() : u.firstName() + " " + u.lastName();
    }

    private static Map<String, Object> signInActivity(Instant lastLogin) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("lastSignInDateTime", GraphRecords.seconds(lastLogin));
        activity.put("lastSignInRequestId", null);
        activity.put("lastNonInteractiveSignInDateTime", null);
        activity.put("lastNonInteractiveSignInRequestId", null);
        activity.put("lastSuccessfulSignInDateTime", GraphRecords.seconds(lastLogin));
        activity.put("lastSuccessfulSignInRequestId", null);
        return activity;
    }

    private Map<String, Object> extensionAttributes(String note) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 1; i <= 15; i++) {
            String name = "extensionAttribute" + i;
            attributes.put(name, name.equals(noteAttribute) ? note : null);
        }
        return attributes;
    }

    private void create(GraphRequest request) throws IOException {
        Map<String, Object> body = request.jsonBody();
        for (String required : List.of("accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile")) {
            if (body.get(required) == null) {
                throw new GraphRequest.BadRequest("Request_BadRequest", "Property '" + required + "' is required when creating the object.");
            }
        }
        String login = body.get("userPrincipalName").toString();
        if (tenant.userByLogin(PLATFORM, login).isPresent()) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Another object with the same value for property userPrincipalName already exists.");
        }
        User created = tenant.createUser(PLATFORM, new User(PLATFORM, null, login, text(body, "mail"), text(body, "givenName"),
                text(body, "surname"), text(body, "employeeId"), text(body, "department"), text(body, "jobTitle"), text(body, "city"), null,
                AccountStatus.ACTIVE, null, null, null));
        if (Boolean.FALSE.equals(body.get("accountEnabled"))) {
            tenant.disable(PLATFORM, login);
        }
        update(created, notes(body));
        request.entity(201, "users/$entity", selected(render(find(created.externalId())), null));
    }

    private Map<String, Object> notes(Map<String, Object> body) {
        Map<String, Object> notes = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (name.equals("onPremisesExtensionAttributes") || name.startsWith("extension_")) {
                notes.put(name, value);
            }
        });
        return notes;
    }

    /** Applies a PATCH as Graph does, all or nothing: every property is checked before anything changes. */
    private void update(User user, Map<String, Object> body) {
        Map<String, String> profile = new LinkedHashMap<>();
        Boolean enabled = null;
        for (Map.Entry<String, Object> e : body.entrySet()) {
            switch (e.getKey()) {
                case "accountEnabled" -> enabled = enabled(e.getValue());
                case "displayName", "mailNickname", "userPrincipalName" -> { }
                case "onPremisesExtensionAttributes" -> note(e.getValue(), noteAttribute).ifPresent(n -> profile.put("countersignReason", n));
                default -> profileField(profile, e.getKey(), e.getValue());
            }
        }
        if (Boolean.TRUE.equals(enabled)) {
            tenant.enable(PLATFORM, user.login());
        } else if (Boolean.FALSE.equals(enabled)) {
            tenant.disable(PLATFORM, user.login());
        }
        if (!profile.isEmpty()) {
            tenant.updateUser(PLATFORM, user.externalId(), profile);
        }
    }

    private void profileField(Map<String, String> profile, String name, Object value) {
        if (name.startsWith("@odata.")) {
            return;
        }
        if (name.equals(noteAttribute)) {
            profile.put("countersignReason", value == null ? "" : value.toString());
        } else if (PROFILE.containsKey(name)) {
            profile.put(PROFILE.get(name), value == null ? "" : value.toString());
        } else {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Property '" + name + "' does not exist on type 'microsoft.graph.user'.");
        }
    }

    private static boolean enabled(Object value) {
        if (!(value instanceof Boolean enabled)) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Invalid value specified for property 'accountEnabled' of resource 'User'.");
        }
        return enabled;
    }

    private static Optional<String> note(Object attributes, String noteAttribute) {
        if (!(attributes instanceof Map<?, ?> map)) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Invalid value specified for property 'onPremisesExtensionAttributes'.");
        }
        return map.containsKey(noteAttribute) ? Optional.of(map.get(noteAttribute) == null ? "" : map.get(noteAttribute).toString()) : Optional.empty();
    }

    private static String text(Map<String, Object> body, String name) {
        return body.get(name) == null ? null : body.get(name).toString();
    }
}
