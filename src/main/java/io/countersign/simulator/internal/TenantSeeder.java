package io.countersign.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.countersign.directory.Account;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.Group;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.simulator.SimulatedTenant.Event;
import io.countersign.simulator.SimulatedTenant.User;

/**
 * Builds each platform's state from a directory snapshot: the accounts on a platform become its users (with
 * the profile the HR record gives), its groups keep their members, entitlements not carried by a group become
 * application assignments, and each active user gets a short history of sign-ins. Deterministic for a
 * snapshot and seed.
 */
public final class TenantSeeder {

    private static final Duration HISTORY = Duration.ofDays(7);
    private final DirectorySnapshot snapshot;
    private final long seed;
    private final int eventsPerUser;
    private final Map<IdentityId, Identity> identities;
    private final Map<IdentityId, HrRecord> hr;

    public TenantSeeder(DirectorySnapshot snapshot, long seed, int eventsPerUser) {
        this.snapshot = snapshot;
        this.seed = seed;
        this.eventsPerUser = eventsPerUser;
        this.identities = snapshot.identities().stream().collect(Collectors.toMap(Identity::id, Function.identity()));
        this.hr = snapshot.hrRecords().stream().collect(Collectors.toMap(HrRecord::identityId, Function.identity()));
    }

    public List<PlatformState> platforms() {
        Set<String> names = snapshot.accounts().stream().map(Account::platform).collect(Collectors.toCollection(TreeSet::new));
        List<PlatformState> states = new ArrayList<>();
        for (String platform : names) {
            states.add(platform(platform));
        }
        return states;
    }

    private PlatformState platform(String platform) {
        PlatformState state = new PlatformState(platform);
        PlatformIds ids = new PlatformIds(platform);
        List<Account> accounts = snapshot.accounts().stream().filter(a -> a.platform().equals(platform))
                .sorted(Comparator.comparing(a -> a.id().value())).toList();
        Map<IdentityId, String> loginOf = new HashMap<>();
        accounts.stream().filter(a -> a.identityId() != null).forEach(a -> loginOf.putIfAbsent(a.identityId(), a.login()));
        Map<String, String> userIdOfAccount = new HashMap<>();
        for (Account account : accounts) {
            User user = user(platform, ids, account, loginOf);
            state.addUser(user);
            userIdOfAccount.put(account.id().value(), user.externalId());
        }
        addGroups(state, ids, platform, userIdOfAccount);
        addApps(state, ids, userIdOfAccount);
        if (eventsPerUser > 0) {
            signIns(state).forEach(state::addEvent);
        }
        return state;
    }

    private User user(String platform, PlatformIds ids, Account account, Map<IdentityId, String> loginOf) {
        Identity identity = account.identityId() == null ? null : identities.get(account.identityId());
        HrRecord record = account.identityId() == null ? null : hr.get(account.identityId());
        String name = identity == null ? account.login() : identity.displayName();
        int space = name.indexOf(' ');
        String email = identity != null && identity.email() != null ? identity.email() : account.login().contains("@") ? account.login() : null;
        String manager = record == null || record.managerId() == null ? null : loginOf.get(record.managerId());
        return new User(platform, ids.user(account.login()), account.login(), email, space < 0 ? name : name.substring(0, space),
                space < 0 ? null : name.substring(space + 1), identity == null ? null : identity.employeeId(),
                record == null ? null : record.department(), record == null ? null : record.title(),
                record == null ? null : record.location(), manager, account.status(), account.createdAt(), account.lastLoginAt(), null);
    }

    private void addGroups(PlatformState state, PlatformIds ids, String platform, Map<String, String> userIdOfAccount) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        snapshot.memberships().forEach(m -> {
            String user = userIdOfAccount.get(m.accountId().value());
            if (user != null) {
                members.computeIfAbsent(m.groupId().value(), k -> new LinkedHashSet<>()).add(user);
            }
        });
        snapshot.groups().stream().filter(g -> g.platform().equals(platform)).sorted(Comparator.comparing(Group::name))
                .forEach(g -> state.addGroup(ids.group(g.name()), g.name(), g.description(), members.getOrDefault(g.id().value(), Set.of())));
    }

    private void addApps(PlatformState state, PlatformIds ids, Map<String, String> userIdOfAccount) {
        Map<String, Entitlement> entitlements = snapshot.entitlements().stream().filter(e -> e.groupId() == null)
                .collect(Collectors.toMap(e -> e.id().value(), Function.identity()));
        Map<String, Map<String, Set<String>>> roles = new java.util.TreeMap<>();
        snapshot.assignments().forEach(a -> {
            Entitlement e = entitlements.get(a.entitlementId().value());
            String user = a.accountId() == null ? null : userIdOfAccount.get(a.accountId().value());
            if (e != null && user != null) {
                roles.computeIfAbsent(e.system(), k -> new LinkedHashMap<>()).computeIfAbsent(user, k -> new LinkedHashSet<>()).add(e.permission());
            }
        });
        roles.forEach((app, assignments) -> state.addApp(ids.app(app), app, assignments));
    }

    /** A week of sign-ins per active user: mostly from the user's home address, a few failures, a few from elsewhere. */
    private List<Event> signIns(PlatformState state) {
        SplittableRandom random = new SplittableRandom(seed ^ state.platform().hashCode());
        Instant end = snapshot.accounts().stream().map(Account::lastLoginAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(Instant.parse("2026-01-01T00:00:00Z"));
        List<Event> events = new ArrayList<>();
        for (User user : state.users()) {
            if (user.status() != AccountStatus.ACTIVE) {
                continue;
            }
            String home = "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
            for (int i = 0; i < eventsPerUser; i++) {
                Instant at = end.minusMillis(random.nextLong(HISTORY.toMillis()));
                boolean away = random.nextInt(100) < 3;
                boolean failed = random.nextInt(100) < 6;
                events.add(new Event(state.platform(), new UUID(random.nextLong(), random.nextLong()).toString(), "user.session.start", at,
                        user.login(), user.login(), failed ? "FAILURE" : "SUCCESS",
                        away ? "198.51.100." + random.nextInt(1, 255) : home, away ? "Lisbon" : user.city(), away ? "PT" : "US",
                        Map.of("client", random.nextBoolean() ? "Okta Verify" : "Chrome on Windows", "reason",
                                failed ? "INVALID_CREDENTIALS" : "")));
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::id));
        return events;
    }
}
