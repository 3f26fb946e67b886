package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Group;
import io.countersign.simulator.SimulatedTenant.User;

/**
 * {@code /groups}: list and get, the {@code members} of a group (directory objects typed with
 * {@code @odata.type}), and membership changes through {@code members/$ref}, answered as Graph answers a
 * reference that already exists or does not.
 */
final class GraphGroups implements GraphResource {

    private static final List<String> DEFAULT_SELECT = List.of("id", "displayName", "description", "mailEnabled", "mailNickname",
            "securityEnabled", "groupTypes", "visibility");
    private static final Set<String> FILTERABLE = Set.of("id", "displayName", "mailNickname");

    private final SimulatedTenant tenant;
    private final GraphUsers users;

    GraphGroups(SimulatedTenant tenant, GraphUsers users) {
        this.tenant = tenant;
        this.users = users;
    }

    @Override
    public boolean handle(GraphRequest request) throws IOException {
        if (request.is("GET", "groups")) {
            List<Map<String, Object>> groups = tenant.groups(GraphUsers.PLATFORM).stream().map(GraphGroups::render)
                    .filter(GraphFilter.parse(request.option("$filter"), FILTERABLE).predicate()).toList();
            Skiptoken.page(request, "groups", groups, 100, 999, g -> selected(g, request.option("$select")));
        } else if (request.is("GET", "groups", "*")) {
            request.entity(200, "groups/$entity", selected(render(find(request.segment(1))), request.option("$select")));
        } else if (request.is("GET", "groups", "*", "members")) {
            members(request, find(request.segment(1)).members());
        } else if (request.is("POST", "groups", "*", "members", "$ref")) {
            add(request, find(request.segment(1)));
        } else if (request.is("DELETE", "groups", "*", "members", "*", "$ref")) {
            remove(request, find(request.segment(1)), request.segment(3));
        } else {
            return false;
        }
        return true;
    }

    private Group find(String id) {
        return tenant.group(GraphUsers.PLATFORM, id).orElseThrow(() -> GraphUsers.notFound(id));
    }

    private static Map<String, Object> render(Group g) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", g.externalId());
        group.put("displayName", g.name());
        group.put("description", g.description());
        group.put("mailEnabled", false);
        group.put("mailNickname", g.name().replaceAll("[^A-Za-z0-9]", ""));
        group.put("securityEnabled", true);
        group.put("groupTypes", List.of());
        group.put("visibility", null);
        return group;
    }

    private static Map<String, Object> selected(Map<String, Object> group, String select) {
        return GraphRecords.select("microsoft.graph.group", DEFAULT_SELECT, group, select);
    }

    /** Members as directory objects: each carries its {@code @odata.type}, so a client can tell users from other objects. */
    void members(GraphRequest request, Set<String> memberIds) throws IOException {
        List<User> members = tenant.users(GraphUsers.PLATFORM).stream().filter(u -> memberIds.contains(u.externalId())).toList();
        Skiptoken.page(request, "directoryObjects", members, 100, 999, u -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("@odata.type", "#microsoft.graph.user");
            user.putAll(users.render(u));
            return GraphRecords.select("microsoft.graph.directoryObject", List.copyOf(user.keySet()), user, request.option("$select"));
        });
    }

    private void add(GraphRequest request, Group group) throws IOException {
        User user = referenced(request);
        if (group.members().contains(user.externalId())) {
            throw new GraphRequest.BadRequest("Request_BadRequest",
                    "One or more added object references already exist for the following modified properties: 'members'.");
        }
        tenant.addMember(GraphUsers.PLATFORM, group.name(), user.login());
        request.noContent();
    }

    private void remove(GraphRequest request, Group group, String userId) throws IOException {
        User user = users.find(userId);
        if (!group.members().contains(user.externalId())) {
            throw GraphUsers.notFound(userId);
        }
        tenant.removeMember(GraphUsers.PLATFORM, group.name(), user.login());
        request.noContent();
    }

    /** The user an {@code {"@odata.id": ".../directoryObjects/{id}"}} body points at. */
    User referenced(GraphRequest request) throws IOException {
        Object ref = request.jsonBody().get("@odata.id");
        if (!(ref instanceof String link) || link.lastIndexOf('/') < 0) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Invalid object identifier '" + ref + "'.");
        }
        return users.find(link.substring(link.lastIndexOf('/') + 1));
    }
}
