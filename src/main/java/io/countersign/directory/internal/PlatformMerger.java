package io.countersign.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.countersign.directory.MergeSummary;
import io.countersign.directory.PlatformSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings one platform's part of the directory in line with a snapshot of it. Runs inside the caller's
 * transaction. Accounts and groups are matched on the platform's ids first, then on login or name, so a
 * directory loaded from elsewhere (the synthetic bank, an earlier sync) is updated rather than duplicated.
 */
final class PlatformMerger {

    private final JdbcTemplate jdbc;
    private final PlatformCatalogue catalogue;

    PlatformMerger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.catalogue = new PlatformCatalogue(jdbc);
    }

    private record Account(String id, String externalId, String login, String identityId) { }

    private record Grant(String identityId, String entitlementId, String accountId) { }

    MergeSummary merge(PlatformSnapshot snapshot) {
        AccountChanges accounts = mergeAccounts(snapshot);
        Map<String, String> groupIds = mergeGroups(snapshot);
        replaceMemberships(snapshot, accounts.byExternalId(), groupIds);
        Set<Grant> wanted = wantedGrants(snapshot, accounts.byExternalId(), groupIds);
        Set<Grant> held = heldGrants(snapshot.platform());
        List<Grant> removed = held.stream().filter(g -> !wanted.contains(g)).toList();
        List<Grant> added = wanted.stream().filter(g -> !held.contains(g)).toList();
        jdbc.batchUpdate("delete from assignment where identity_id = ? and entitlement_id = ? and account_id = ?",
                removed.stream().map(g -> new Object[] {g.identityId(), g.entitlementId(), g.accountId()}).toList());
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("insert into assignment (identity_id, entitlement_id, account_id, granted_at, granted_by, source)"
                        + " values (?, ?, ?, ?, ?, 'DIRECT') on conflict (identity_id, entitlement_id) do nothing",
                added.stream().map(g -> new Object[] {g.identityId(), g.entitlementId(), g.accountId(), now, "sync:" + snapshot.platform()}).toList());
        return new MergeSummary(snapshot.platform(), snapshot.users().size(), accounts.identitiesCreated(), accounts.added(), accounts.updated(),
                accounts.removed(), accounts.orphans(), groupIds.size(), snapshot.memberships().size(), added.size(), removed.size(),
                catalogue.created());
    }

    private record AccountChanges(Map<String, Account> byExternalId, int added, int updated, int removed, int orphans,
                                  int identitiesCreated) { }

    private AccountChanges mergeAccounts(PlatformSnapshot snapshot) {
        String platform = snapshot.platform();
        IdentityMatcher identities = new IdentityMatcher(jdbc);
        List<Account> existing = jdbc.query("select id, external_id, login, identity_id from account where platform = ?",
                (rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), platform);
        Map<String, Account> byExternal = new HashMap<>();
        Map<String, Account> byLogin = new HashMap<>();
        existing.forEach(a -> {
            if (a.externalId() != null) {
                byExternal.put(a.externalId(), a);
            }
            byLogin.put(a.login(), a);
        });
        Map<String, Account> result = new HashMap<>();
        Set<String> kept = new HashSet<>();
        int added = 0;
        int orphans = 0;
        for (PlatformSnapshot.User user : snapshot.users()) {
            Account known = byExternal.getOrDefault(user.externalId(), byLogin.get(user.login()));
            String identity = identities.matchOrCreate(user).orElse(known == null ? null : known.identityId());
            orphans += identity == null ? 1 : 0;
            Account account = known == null ? insertAccount(platform, user, identity) : updateAccount(known, user, identity);
            added += known == null ? 1 : 0;
            kept.add(account.id());
            result.put(user.externalId(), account);
        }
        List<Account> gone = existing.stream().filter(a -> !kept.contains(a.id())).toList();
        gone.forEach(this::removeAccount);
        return new AccountChanges(result, added, snapshot.users().size() - added, gone.size(), orphans, identities.created());
    }

    private Account insertAccount(String platform, PlatformSnapshot.User user, String identity) {
        String id = "acc-" + platform + "-" + user.externalId();
        jdbc.update("insert into account (id, identity_id, platform, login, status, created_at, last_login_at, external_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, identity, platform, user.login(), user.status().name(),
                Timestamp.from(user.createdAt() == null ? Instant.now() : user.createdAt()), timestamp(user.lastLoginAt()), user.externalId());
        return new Account(id, user.externalId(), user.login(), identity);
    }

    private Account updateAccount(Account known, PlatformSnapshot.User user, String identity) {
        jdbc.update("update account set identity_id = ?, login = ?, status = ?, last_login_at = coalesce(?, last_login_at), external_id = ?"
                + " where id = ?", identity, user.login(), user.status().name(), timestamp(user.lastLoginAt()), user.externalId(), known.id());
        return new Account(known.id(), user.externalId(), user.login(), identity);
    }

    private void removeAccount(Account account) {
        jdbc.update("delete from group_membership where account_id = ?", account.id());
        jdbc.update("delete from assignment where account_id = ?", account.id());
        jdbc.update("delete from account where id = ?", account.id());
    }

    private Map<String, String> mergeGroups(PlatformSnapshot snapshot) {
        Map<String, String> ids = new HashMap<>();
        for (PlatformSnapshot.PlatformGroup group : snapshot.groups()) {
            List<String> known = jdbc.queryForList("select id from platform_group where platform = ? and (external_id = ? or name = ?)"
                    + " order by (external_id = ?) desc nulls last limit 1", String.class, snapshot.platform(), group.externalId(),
                    group.name(), group.externalId());
            String id = known.isEmpty() ? "grp-" + snapshot.platform() + "-" + group.externalId() : known.getFirst();
            if (known.isEmpty()) {
                jdbc.update("insert into platform_group (id, platform, name, description, external_id) values (?, ?, ?, ?, ?)",
                        id, snapshot.platform(), group.name(), group.description(), group.externalId());
            } else {
                jdbc.update("update platform_group set name = ?, description = coalesce(?, description), external_id = ? where id = ?",
                        group.name(), group.description(), group.externalId(), id);
            }
            ids.put(group.externalId(), id);
        }
        return ids;
    }

    private void replaceMemberships(PlatformSnapshot snapshot, Map<String, Account> accounts, Map<String, String> groups) {
        jdbc.update("delete from group_membership where group_id in (select id from platform_group where platform = ?)", snapshot.platform());
        List<Object[]> rows = new ArrayList<>();
        for (PlatformSnapshot.Membership m : snapshot.memberships()) {
            Account account = accounts.get(m.userExternalId());
            String group = groups.get(m.groupExternalId());
            if (account != null && group != null) {
                rows.add(new Object[] {group, account.id()});
            }
        }
        jdbc.batchUpdate("insert into group_membership (group_id, account_id) values (?, ?) on conflict do nothing", rows);
    }

    private Set<Grant> wantedGrants(PlatformSnapshot snapshot, Map<String, Account> accounts, Map<String, String> groups) {
        Set<Grant> wanted = new HashSet<>();
        Map<String, String> entitlementOfGroup = new HashMap<>();
        for (PlatformSnapshot.PlatformGroup group : snapshot.groups()) {
            entitlementOfGroup.put(group.externalId(), catalogue.entitlementForGroup(snapshot.platform(), groups.get(group.externalId()), group.name()));
        }
        for (PlatformSnapshot.Membership m : snapshot.memberships()) {
            grant(wanted, accounts.get(m.userExternalId()), entitlementOfGroup.get(m.groupExternalId()));
        }
        for (PlatformSnapshot.AppAssignment a : snapshot.appAssignments()) {
            grant(wanted, accounts.get(a.userExternalId()), catalogue.entitlementForApp(snapshot.platform(), a.appName(), a.permission()));
        }
        return wanted;
    }

    private static void grant(Set<Grant> wanted, Account account, String entitlement) {
        if (account != null && account.identityId() != null && entitlement != null) {
            wanted.add(new Grant(account.identityId(), entitlement, account.id()));
        }
    }

    private Set<Grant> heldGrants(String platform) {
        return new HashSet<>(jdbc.query("select a.identity_id, a.entitlement_id, a.account_id from assignment a"
                + " join account c on c.id = a.account_id where c.platform = ?", (rs, i) -> new Grant(rs.getString(1), rs.getString(2),
                rs.getString(3)), platform));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
