package io.countersign.connectors.simulated;

import java.util.Map;
import java.util.Set;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.ReadBack;
import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Answer;

/** Translates connector writes into the simulated tenant's operations and reads its state back. */
final class SimulatedConnector implements Connector {

    private final SimulatedTenant tenant;
    private final Set<String> platforms;

    SimulatedConnector(SimulatedTenant tenant, Set<String> platforms) {
        this.tenant = tenant;
        this.platforms = platforms;
    }

    @Override
    public Set<String> platforms() {
        return platforms;
    }

    @Override
    public ChangeResult apply(ConnectorWrite write) {
        Answer answer = switch (write) {
            case ConnectorWrite.CreateUser w -> tenant.createUser(w.platform(), w.login());
            case ConnectorWrite.DisableUser w -> tenant.disable(w.platform(), w.login());
            case ConnectorWrite.AddMembership w -> tenant.addMember(w.platform(), w.group(), w.login());
            case ConnectorWrite.RemoveMembership w -> tenant.removeMember(w.platform(), w.group(), w.login());
            case ConnectorWrite.AssignApp w -> tenant.assignApp(w.platform(), w.login(), w.entitlementKey());
            case ConnectorWrite.UnassignApp w -> tenant.unassignApp(w.platform(), w.login(), w.entitlementKey());
            case ConnectorWrite.SetReasonNote w -> tenant.setNote(w.platform(), w.login(), w.note());
            case ConnectorWrite.EndSessions w -> tenant.endSessions(w.platform(), w.login());
        };
        String what = write.operation() + " " + write.resource() + " for " + write.login() + " on " + write.platform();
        return switch (answer) {
            case CHANGED -> new ChangeResult.Applied(what);
            case UNCHANGED -> new ChangeResult.AlreadyInState(what + ": already so");
            case NO_SUCH_ACCOUNT -> new ChangeResult.Rejected("no account " + write.login() + " on " + write.platform());
            case NO_SUCH_GROUP -> new ChangeResult.Rejected("no such group on " + write.platform() + " for " + write.resource());
        };
    }

    @Override
    public ReadBack readBack(ConnectorWrite write) {
        return switch (write) {
            case ConnectorWrite.CreateUser w -> status(w.platform(), w.login(), AccountStatus.ACTIVE);
            case ConnectorWrite.DisableUser w -> status(w.platform(), w.login(), AccountStatus.DISABLED);
            case ConnectorWrite.AddMembership w -> membership(w.platform(), w.group(), w.login(), true);
            case ConnectorWrite.RemoveMembership w -> membership(w.platform(), w.group(), w.login(), false);
            case ConnectorWrite.AssignApp w -> app(w.platform(), w.login(), w.entitlementKey(), true);
            case ConnectorWrite.UnassignApp w -> app(w.platform(), w.login(), w.entitlementKey(), false);
            case ConnectorWrite.SetReasonNote w -> {
                String note = tenant.note(w.platform(), w.login()).orElse("");
                yield new ReadBack(note.equals(w.note()), Map.of("note", note));
            }
            case ConnectorWrite.EndSessions w -> {
                String ended = tenant.sessionsEndedAt(w.platform(), w.login()).map(Object::toString).orElse("");
                yield new ReadBack(!ended.isEmpty(), Map.of("login", w.login(), "sessionsEndedAt", ended));
            }
        };
    }

    private ReadBack status(String platform, String login, AccountStatus wanted) {
        String status = tenant.accountStatus(platform, login).map(Enum::name).orElse("ABSENT");
        return new ReadBack(status.equals(wanted.name()), Map.of("login", login, "status", status));
    }

    private ReadBack membership(String platform, String group, String login, boolean wanted) {
        boolean member = tenant.isMember(platform, group, login);
        return new ReadBack(member == wanted, Map.of("login", login, "group", group, "member", member));
    }

    private ReadBack app(String platform, String login, String key, boolean wanted) {
        boolean assigned = tenant.hasApp(platform, login, key);
        return new ReadBack(assigned == wanted, Map.of("login", login, "entitlement", key, "assigned", assigned));
    }
}
