package io.countersign.simulator.internal.scim;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Group;
import io.countersign.simulator.SimulatedTenant.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's groups as SCIM Group resources, and SCIM Group JSON written back. Members are users (a member
 * of type {@code Group} is refused: the tenant has no nested groups); a group cannot be renamed.
 */
final class ScimGroups implements ScimResourceType {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private final SimulatedTenant tenant;

    ScimGroups(SimulatedTenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public String name() {
        return "Group";
    }

    @Override
    public String schema() {
        return CORE;
    }

    @Override
    public Set<String> extensions() {
        return Set.of();
    }

    @Override
    public List<ObjectNode> all(String platform, String baseUrl) {
        Map<String, User> users = usersById(platform);
        return tenant.groups(platform).stream().map(g -> json(g, users, baseUrl)).toList();
    }

    @Override
    public Optional<ObjectNode> one(String platform, String id, String baseUrl) {
        return tenant.group(platform, id).map(g -> json(g, usersById(platform), baseUrl));
    }

    @Override
    public String create(String platform, ObjectNode body) {
        String name = ScimJson.text(body, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimError.invalidValue("displayName: is required");
        }
        Set<String> members = members(platform, body);
        Group created = tenant.createGroup(platform, name, null)
                .orElseThrow(() -> new ScimError(409, "uniqueness", "displayName: a group named " + name + " already exists"));
        setMembers(platform, created, members);
        return created.externalId();
    }

    /** Makes the group's members those {@code body} lists, as a PUT does. */
    @Override
    public void replace(String platform, String id, ObjectNode body) {
        Group current = tenant.group(platform, id).orElseThrow(() -> ScimError.notFound("Groups/" + id + ": no such group"));
        String name = ScimJson.text(body, "displayName");
        if (name != null && !name.equals(current.name())) {
            throw new ScimError(400, "mutability", "displayName: this stand-in cannot rename " + current.name() + " to " + name);
        }
        setMembers(platform, current, members(platform, body));
    }

    @Override
    public void delete(String platform, String id) {
        if (tenant.deleteGroup(platform, id) == SimulatedTenant.Answer.NO_SUCH_GROUP) {
            throw ScimError.notFound("Groups/" + id + ": no such group");
        }
    }

    private Map<String, User> usersById(String platform) {
        Map<String, User> users = new HashMap<>();
        tenant.users(platform).forEach(u -> users.put(u.externalId(), u));
        return users;
    }

    /** {@code usersById} gives each member's {@code display}; a member it lacks is listed by id alone. */
    private ObjectNode json(Group group, Map<String, User> usersById, String baseUrl) {
        ObjectNode json = ScimJson.MAPPER.createObjectNode();
        json.putArray("schemas").add(CORE);
        json.put("id", group.externalId());
        json.put("displayName", group.name());
        group.members().stream().sorted().forEach(member -> {
            ObjectNode entry = json.withArrayProperty("members").addObject().put("value", member).put("type", "User")
                    .put("$ref", baseUrl + "/Users/" + member);
            User user = usersById.get(member);
            if (user != null) {
                entry.put("display", user.login());
            }
        });
        return json;
    }

    private void setMembers(String platform, Group group, Set<String> wanted) {
        for (String member : group.members()) {
            if (!wanted.contains(member)) {
                tenant.user(platform, member).ifPresent(u -> tenant.removeMember(platform, group.name(), u.login()));
            }
        }
        for (String member : wanted) {
            if (!group.members().contains(member)) {
                tenant.addMember(platform, group.name(), tenant.user(platform, member).orElseThrow().login());
            }
        }
    }

    /** The user ids {@code json} lists as members; each must be a user of the platform. */
    private Set<String> members(String platform, ObjectNode json) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode members = ScimJson.field(json, "members");
        if (members == null || members.isNull()) {
            return ids;
        }
        if (!members.isArray()) {
            throw ScimError.invalidValue("members: must be a list of {\"value\": user id}");
        }
        for (JsonNode member : members.values()) {
            String id = ScimJson.text(member, "value");
            if (id == null) {
                throw ScimError.invalidValue("members: every member needs a value (the user's id)");
            }
            if ("Group".equalsIgnoreCase(ScimJson.text(member, "type"))) {
                throw ScimError.invalidValue("members: " + id + " is a group; this stand-in has no nested groups");
            }
            if (tenant.user(platform, id).isEmpty()) {
                throw ScimError.invalidValue("members: no user has the id " + id);
            }
            ids.add(id);
        }
        return ids;
    }
}
