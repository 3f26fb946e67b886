package io.countersign.simulator.internal.okta;

import static io.countersign.simulator.internal.okta.OktaStandIn.PLATFORM;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Answer;
import io.countersign.simulator.SimulatedTenant.Group;
import io.countersign.simulator.SimulatedTenant.User;

/** {@code /api/v1/groups}: list (with {@code q}), get, list members, add and remove a member. */
final class OktaGroups {

    private final SimulatedTenant tenant;
    private final int pageSize;

    OktaGroups(SimulatedTenant tenant, int pageSize) {
        this.tenant = tenant;
        this.pageSize = pageSize;
    }

    void handle(OktaExchange call) throws IOException {
        List<String> s = call.segments();
        String method = call.method();
        if (s.size() == 1 && method.equals("GET")) {
            list(call);
        } else if (s.size() == 2 && method.equals("GET")) {
            call.ok(OktaResources.group(find(s.get(1)), call.baseUrl()));
        } else if (s.size() == 3 && s.get(2).equals("users") && method.equals("GET")) {
            members(call, find(s.get(1)));
        } else if (s.size() == 4 && s.get(2).equals("users") && (method.equals("PUT") || method.equals("DELETE"))) {
            membership(call, find(s.get(1)), s.get(3), method.equals("PUT"));
        } else if (s.size() <= 4) {
            throw OktaError.methodNotAllowed();
        } else {
            throw OktaError.notFound(String.join("/", s), "Resource");
        }
    }

    private void list(OktaExchange call) throws IOException {
        if (call.param("filter").isPresent() || call.param("search").isPresent()) {
            throw OktaError.invalidSearch("the stand-in supports only q for groups");
        }
        Optional<String> q = call.param("q").map(v -> v.toLowerCase(Locale.ROOT));
        List<Group> groups = IdPages.sortedById(tenant.groups(PLATFORM).stream()
                .filter(g -> q.isEmpty() || g.name().toLowerCase(Locale.ROOT).startsWith(q.get())).toList(), Group::externalId);
        int limit = call.limit(10_000, 10_000, pageSize);
        IdPages.Page<Group> page = IdPages.page(groups, Group::externalId, call.param("after"), limit);
        call.page(page.items().stream().map(g -> OktaResources.group(g, call.baseUrl())).toList(), page.nextAfter(), limit);
    }

    private void members(OktaExchange call, Group group) throws IOException {
        List<User> members = IdPages.sortedById(group.members().stream().map(id -> tenant.user(PLATFORM, id)).flatMap(Optional::stream)
                .toList(), User::externalId);
        int limit = call.limit(1000, 1000, pageSize);
        IdPages.Page<User> page = IdPages.page(members, User::externalId, call.param("after"), limit);
        call.page(page.items().stream().map(u -> OktaResources.user(u, null, call.baseUrl())).toList(), page.nextAfter(), limit);
    }

    private void membership(OktaExchange call, Group group, String userId, boolean add) throws IOException {
        User user = tenant.user(PLATFORM, userId).orElseThrow(() -> OktaError.notFound(userId, "User"));
        Answer answer = add ? tenant.addMember(PLATFORM, group.name(), user.login()) : tenant.removeMember(PLATFORM, group.name(), user.login());
        if (answer == Answer.NO_SUCH_GROUP) {
            throw OktaError.notFound(group.externalId(), "UserGroup");
        }
        call.noContent();
    }

    private Group find(String groupId) {
        return tenant.group(PLATFORM, groupId).orElseThrow(() -> OktaError.notFound(groupId, "UserGroup"));
    }
}
