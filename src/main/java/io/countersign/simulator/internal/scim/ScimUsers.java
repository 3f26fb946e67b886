package io.countersign.simulator.internal.scim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's users as SCIM User resources, and SCIM User JSON written back to the tenant. The tenant keeps a
 * fixed profile, so: {@code displayName} is derived from the name, attributes outside that profile are
 * ignored, {@code groups} is read-only, and {@code userName} cannot change (a 400 {@code mutability}).
 * Application assignments are the user's {@code entitlements} ({@code app:role}); the reason note is
 * {@code reasonNote} in the Countersign extension.
 */
final class ScimUsers implements ScimResourceType {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String COUNTERSIGN = "urn:ietf:params:scim:schemas:extension:countersign:2.0:User";
    static final Set<String> EXTENSIONS = Set.of(ENTERPRISE, COUNTERSIGN);

    /** Per user id: its entitlement values and its groups, gathered once per request. */
    record Holdings(Map<String, List<String>> entitlements, Map<String, List<SimulatedTenant.Group>> groups) {

        static Holdings of(SimulatedTenant tenant, String platform) {
            Map<String, List<String>> entitlements = new HashMap<>();
            tenant.apps(platform).forEach(app -> app.assignments().forEach((user, roles) -> roles.stream().sorted()
                    .forEach(role -> entitlements.computeIfAbsent(user, k -> new ArrayList<>()).add(app.name() + ":" + role))));
            Map<String, List<SimulatedTenant.Group>> groups = new HashMap<>();
            tenant.groups(platform).forEach(g -> g.members().forEach(m -> groups.computeIfAbsent(m, k -> new ArrayList<>()).add(g)));
            return new Holdings(entitlements, groups);
        }
    }

    private final SimulatedTenant tenant;

    ScimUsers(SimulatedTenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public String name() {
        return "User";
    }

    @Override
    public String schema() {
        return CORE;
    }

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public List<ObjectNode> all(String platform, String baseUrl) {
        Holdings holdings = Holdings.of(tenant, platform);
        return tenant.users(platform).stream().map(u -> json(u, holdings, baseUrl)).toList();
    }

    @Override
    public Optional<ObjectNode> one(String platform, String id, String baseUrl) {
        return tenant.user(platform, id).map(u -> json(u, Holdings.of(tenant, platform), baseUrl));
    }

    @Override
    public String create(String platform, ObjectNode body) {
        String login = ScimJson.text(body, "userName");
        if (login == null || login.isBlank()) {
            throw ScimError.invalidValue("userName: is required");
        }
        if (tenant.userByLogin(platform, login).isPresent()) {
            throw new ScimError(409, "uniqueness", "userName: " + login + " is already taken");
        }
        Map<String, String> profile = profile(body);
        User created = tenant.createUser(platform, new User(platform, null, login, profile.get("email"), profile.get("firstName"),
                profile.get("lastName"), profile.get("employeeNumber"), profile.get("department"), profile.get("title"), profile.get("city"),
                null, active(body) ? AccountStatus.ACTIVE : AccountStatus.DISABLED, null, null, null));
        replace(platform, created, body);
        return created.externalId();
    }

    @Override
    public void replace(String platform, String id, ObjectNode body) {
        replace(platform, tenant.user(platform, id).orElseThrow(() -> ScimError.notFound("Users/" + id + ": no such user")), body);
    }

    @Override
    public void delete(String platform, String id) {
        if (tenant.deleteUser(platform, id) == SimulatedTenant.Answer.NO_SUCH_ACCOUNT) {
            throw ScimError.notFound("Users/" + id + ": no such user");
        }
    }

    private ObjectNode json(User user, Holdings holdings, String baseUrl) {
        ObjectNode json = ScimJson.MAPPER.createObjectNode();
        ArrayNode schemas = json.putArray("schemas").add(CORE);
        json.put("id", user.externalId());
        json.put("userName", user.login());
        String display = String.join(" ", nonBlank(user.firstName(), user.lastName()));
        if (!display.isEmpty()) {
            ObjectNode name = json.putObject("name");
            putText(name, "givenName", user.firstName());
            putText(name, "familyName", user.lastName());
        }
        json.put("displayName", display.isEmpty() ? user.login() : display);
        putText(json, "title", user.title());
        json.put("active", user.status() == AccountStatus.ACTIVE);
        if (present(user.email())) {
            json.putArray("emails").addObject().put("value", user.email()).put("type", "work").put("primary", true);
        }
        if (present(user.city())) {
            json.putArray("addresses").addObject().put("type", "work").put("locality", user.city()).put("primary", true);
        }
        holdings.entitlements().getOrDefault(user.externalId(), List.of()).forEach(e -> json.withArrayProperty("entitlements").addObject().put("value", e));
        holdings.groups().getOrDefault(user.externalId(), List.of()).forEach(g -> json.withArrayProperty("groups").addObject()
                .put("value", g.externalId()).put("display", g.name()).put("type", "direct").put("$ref", baseUrl + "/Groups/" + g.externalId()));
        if (present(user.employeeNumber()) || present(user.department())) {
            schemas.add(ENTERPRISE);
            ObjectNode enterprise = json.putObject(ENTERPRISE);
            putText(enterprise, "employeeNumber", user.employeeNumber());
            putText(enterprise, "department", user.department());
        }
        if (present(user.reasonNote())) {
            schemas.add(COUNTERSIGN);
            json.putObject(COUNTERSIGN).put("reasonNote", user.reasonNote());
        }
        return json;
    }

    /** Makes the tenant's user what {@code desired} describes, as a PUT does; everything is checked before anything changes. */
    private void replace(String platform, User current, ObjectNode desired) {
        String login = ScimJson.text(desired, "userName");
        if (login != null && !login.equalsIgnoreCase(current.login())) {
            throw new ScimError(400, "mutability", "userName: this stand-in cannot rename " + current.login() + " to " + login);
        }
        boolean active = active(desired);
        Set<String> want = new LinkedHashSet<>(entitlements(desired));
        Map<String, String> wanted = profile(desired);
        Map<String, String> changes = new LinkedHashMap<>();
        Map<String, String> held = profile(current);
        for (String key : List.of("email", "firstName", "lastName", "employeeNumber", "department", "title", "city", "countersignReason")) {
            if (!Objects.equals(wanted.get(key), held.get(key))) {
                changes.put(key, wanted.getOrDefault(key, ""));
            }
        }
        if (!changes.isEmpty()) {
            tenant.updateUser(platform, current.externalId(), changes);
        }
        if (active) {
            tenant.enable(platform, current.login());
        } else {
            tenant.disable(platform, current.login());
        }
        Set<String> have = new LinkedHashSet<>(Holdings.of(tenant, platform).entitlements().getOrDefault(current.externalId(), List.of()));
        have.stream().filter(e -> !want.contains(e)).forEach(e -> tenant.unassignApp(platform, current.login(), e));
        want.stream().filter(e -> !have.contains(e)).forEach(e -> tenant.assignApp(platform, current.login(), e));
    }

    private static Map<String, String> profile(ObjectNode json) {
        Map<String, String> profile = new HashMap<>();
        putIfPresent(profile, "email", primary(ScimJson.field(json, "emails"), "value"));
        JsonNode name = ScimJson.field(json, "name");
        putIfPresent(profile, "firstName", ScimJson.text(name, "givenName"));
        putIfPresent(profile, "lastName", ScimJson.text(name, "familyName"));
        putIfPresent(profile, "title", ScimJson.text(json, "title"));
        putIfPresent(profile, "city", primary(ScimJson.field(json, "addresses"), "locality"));
        JsonNode enterprise = ScimJson.field(json, ENTERPRISE);
        putIfPresent(profile, "employeeNumber", ScimJson.text(enterprise, "employeeNumber"));
        putIfPresent(profile, "department", ScimJson.text(enterprise, "department"));
        putIfPresent(profile, "countersignReason", ScimJson.text(ScimJson.field(json, COUNTERSIGN), "reasonNote"));
        return profile;
    }

    private static Map<String, String> profile(User user) {
        Map<String, String> profile = new HashMap<>();
        putIfPresent(profile, "email", user.email());
        putIfPresent(profile, "firstName", user.firstName());
        putIfPresent(profile, "lastName", user.lastName());
        putIfPresent(profile, "title", user.title());
        putIfPresent(profile, "city", user.city());
        putIfPresent(profile, "employeeNumber", user.employeeNumber());
        putIfPresent(profile, "department", user.department());
        putIfPresent(profile, "countersignReason", user.reasonNote());
        return profile;
    }

    private static List<String> entitlements(ObjectNode json) {
        JsonNode entitlements = ScimJson.field(json, "entitlements");
        List<String> values = new ArrayList<>();
        if (entitlements != null && entitlements.isArray()) {
            entitlements.values().forEach(e -> putIfPresent(values, ScimJson.text(e, "value")));
        }
        return values;
    }

    /** {@code active} is optional; a user without it is active. */
    private static boolean active(ObjectNode json) {
        JsonNode active = ScimJson.field(json, "active");
        if (active == null || active.isNull()) {
            return true;
        }
        if (!active.isBoolean()) {
            throw ScimError.invalidValue("active: must be true or false");
        }
        return active.booleanValue();
    }

    /** The {@code sub} of the primary value of a multi-valued complex attribute, or of its first value. */
    private static String primary(JsonNode values, String sub) {
        if (values == null || !values.isArray() || values.isEmpty()) {
            return null;
        }
        JsonNode chosen = values.values().stream().filter(v -> v.path("primary").asBoolean(false)).findFirst().orElse(values.get(0));
        return ScimJson.text(chosen, sub);
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            putIfPresent(kept, part);
        }
        return kept;
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (present(value)) {
            node.put(name, value);
        }
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static void putIfPresent(List<String> list, String value) {
        if (value != null && !value.isEmpty()) {
            list.add(value);
        }
    }
}
