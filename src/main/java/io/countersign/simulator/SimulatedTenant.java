package io.countersign.simulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Assignment;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.Group;
import io.countersign.directory.GroupId;
import org.springframework.stereotype.Component;

/**
 * The platforms' side of a synthetic bank, held in memory: accounts, group memberships, application
 * assignments and profile notes per platform, as the platforms themselves would hold them. Seeded from a
 * snapshot; changed only through its operations, which answer as a platform would (changed, already so,
 * no such account or group). Thread-safe.
 */
@Component
public final class SimulatedTenant {

    /** A platform's answer to a change. */
    public enum Answer { CHANGED, UNCHANGED, NO_SUCH_ACCOUNT, NO_SUCH_GROUP }

    private record Key(String platform, String name) { }

    private final Map<Key, AccountStatus> accounts = new HashMap<>();
    private final Map<Key, Set<String>> groupMembers = new HashMap<>();
    private final Map<Key, Set<String>> appAssignments = new HashMap<>();
    private final Map<Key, String> notes = new HashMap<>();

    public synchronized void seed(DirectorySnapshot snapshot) {
        accounts.clear();
        groupMembers.clear();
        appAssignments.clear();
        notes.clear();
        Map<AccountId, Account> byId = new HashMap<>();
        snapshot.accounts().forEach(a -> {
            byId.put(a.id(), a);
            accounts.put(new Key(a.platform(), a.login()), a.status());
        });
        Map<GroupId, Group> groups = new HashMap<>();
        snapshot.groups().forEach(g -> {
            groups.put(g.id(), g);
            groupMembers.put(new Key(g.platform(), g.name()), new HashSet<>());
        });
        snapshot.memberships().forEach(m -> {
            Group g = groups.get(m.groupId());
            groupMembers.get(new Key(g.platform(), g.name())).add(byId.get(m.accountId()).login());
        });
        Map<EntitlementId, Entitlement> entitlements = new HashMap<>();
        snapshot.entitlements().forEach(e -> entitlements.put(e.id(), e));
        for (Assignment assignment : snapshot.assignments()) {
            Entitlement e = entitlements.get(assignment.entitlementId());
            Account account = assignment.accountId() == null ? null : byId.get(assignment.accountId());
            if (e.groupId() == null && account != null) {
                appAssignments.computeIfAbsent(new Key(account.platform(), account.login()), k -> new HashSet<>()).add(e.key());
            }
        }
    }

    public synchronized Answer createUser(String platform, String login) {
        return accounts.putIfAbsent(new Key(platform, login), AccountStatus.ACTIVE) == null ? Answer.CHANGED : Answer.UNCHANGED;
    }

    public synchronized Answer disable(String platform, String login) {
        Key key = new Key(platform, login);
        if (!accounts.containsKey(key)) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        return accounts.put(key, AccountStatus.DISABLED) == AccountStatus.DISABLED ? Answer.UNCHANGED : Answer.CHANGED;
    }

    public synchronized Answer addMember(String platform, String group, String login) {
        return changeMembership(platform, group, login, true);
    }

    public synchronized Answer removeMember(String platform, String group, String login) {
        return changeMembership(platform, group, login, false);
    }

    private Answer changeMembership(String platform, String group, String login, boolean add) {
        if (!accounts.containsKey(new Key(platform, login))) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        Set<String> members = groupMembers.get(new Key(platform, group));
        if (members == null) {
            return Answer.NO_SUCH_GROUP;
        }
        return (add ? members.add(login) : members.remove(login)) ? Answer.CHANGED : Answer.UNCHANGED;
    }

    public synchronized Answer assignApp(String platform, String login, String entitlementKey) {
        return changeApp(platform, login, entitlementKey, true);
    }

    public synchronized Answer unassignApp(String platform, String login, String entitlementKey) {
        return changeApp(platform, login, entitlementKey, false);
    }

    private Answer changeApp(String platform, String login, String entitlementKey, boolean assign) {
        Key key = new Key(platform, login);
        if (!accounts.containsKey(key)) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        Set<String> apps = appAssignments.computeIfAbsent(key, k -> new HashSet<>());
        return (assign ? apps.add(entitlementKey) : apps.remove(entitlementKey)) ? Answer.CHANGED : Answer.UNCHANGED;
    }

    public synchronized Answer setNote(String platform, String login, String note) {
        Key key = new Key(platform, login);
        if (!accounts.containsKey(key)) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        return note.equals(notes.put(key, note)) ? Answer.UNCHANGED : Answer.CHANGED;
    }

    public synchronized Optional<AccountStatus> accountStatus(String platform, String login) {
        return Optional.ofNullable(accounts.get(new Key(platform, login)));
    }

    public synchronized boolean isMember(String platform, String group, String login) {
        return groupMembers.getOrDefault(new Key(platform, group), Set.of()).contains(login);
    }

    public synchronized boolean hasApp(String platform, String login, String entitlementKey) {
        return appAssignments.getOrDefault(new Key(platform, login), Set.of()).contains(entitlementKey);
    }

    public synchronized Optional<String> note(String platform, String login) {
        return Optional.ofNullable(notes.get(new Key(platform, login)));
    }
}
