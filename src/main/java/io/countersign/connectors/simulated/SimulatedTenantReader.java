package io.countersign.connectors.simulated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.TenantReader;
import io.countersign.directory.PlatformSnapshot;
import io.countersign.simulator.SimulatedTenant;

/** Reads one platform of the simulated tenant in process: its directory, and its event log with the log index as cursor. */
final class SimulatedTenantReader implements TenantReader {

    private static final int PAGE = 1000;
    private final SimulatedTenant tenant;
    private final String platform;

    SimulatedTenantReader(SimulatedTenant tenant, String platform) {
        this.tenant = tenant;
        this.platform = platform;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public List<String> streams() {
        return List.of("system_log");
    }

    @Override
    public PlatformSnapshot readDirectory() {
        List<PlatformSnapshot.User> users = tenant.users(platform).stream()
                .map(u -> new PlatformSnapshot.User(u.externalId(), u.login(), u.email(), displayName(u), u.employeeNumber(), u.status(),
                        u.created(), u.lastLogin())).toList();
        List<PlatformSnapshot.PlatformGroup> groups = new ArrayList<>();
        List<PlatformSnapshot.Membership> memberships = new ArrayList<>();
        tenant.groups(platform).forEach(g -> {
            groups.add(new PlatformSnapshot.PlatformGroup(g.externalId(), g.name(), g.description()));
            g.members().stream().sorted().forEach(m -> memberships.add(new PlatformSnapshot.Membership(g.externalId(), m)));
        });
        List<PlatformSnapshot.AppAssignment> assignments = new ArrayList<>();
        tenant.apps(platform).forEach(app -> app.assignments().forEach((user, roles) ->
                roles.forEach(role -> assignments.add(new PlatformSnapshot.AppAssignment(app.name(), role, user)))));
        return new PlatformSnapshot(platform, Instant.now(), users, groups, memberships, assignments);
    }

    @Override
    public EventPage readEvents(String stream, Optional<String> cursor) {
        int from = cursor.map(Integer::parseInt).orElse(0);
        List<SimulatedTenant.Event> log = tenant.events(platform, from);
        List<SimulatedTenant.Event> page = log.subList(0, Math.min(PAGE, log.size()));
        List<InboundEvent> events = page.stream().map(e -> new InboundEvent(platform, e.id(), stream, e.type(), e.at(), e.actorLogin(),
                e.targetLogin(), e.outcome(), e.ip(), Map.of("details", e.details()))).toList();
        return new EventPage(events, Integer.toString(from + page.size()), log.size() > page.size());
    }

    private static String displayName(SimulatedTenant.User u) {
        return u.firstName() == null ? u.login() : u.lastName() == null ? u.firstName() : u.firstName() + " " + u.lastName();
    }
}
