package io.countersign.directory.internal;

import static io.countersign.directory.internal.DirectoryRows.ACCOUNT;
import static io.countersign.directory.internal.DirectoryRows.ASSIGNMENT;
import static io.countersign.directory.internal.DirectoryRows.ENTITLEMENT;
import static io.countersign.directory.internal.DirectoryRows.HR;
import static io.countersign.directory.internal.DirectoryRows.IDENTITY;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.WorkerUpdate;
import io.countersign.directory.Application;
import io.countersign.directory.ApplicationId;
import io.countersign.directory.Group;
import io.countersign.directory.GroupId;
import io.countersign.directory.Sensitivity;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.DirectoryCounts;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.Holdings;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.MergeSummary;
import io.countersign.directory.PastAccessRequest;
import io.countersign.directory.PlatformSnapshot;
import io.countersign.directory.IdentityId;
import io.countersign.directory.PeerStatistics;
import io.countersign.directory.PeerStatistics.PeerGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcDirectory implements Directory {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;

    JdbcDirectory(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(2000);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void load(DirectorySnapshot snapshot) {
        transactions.executeWithoutResult(status -> new SnapshotLoader(jdbc).replaceWith(snapshot));
    }

    @Override
    public MergeSummary mergePlatform(PlatformSnapshot snapshot) {
        return transactions.execute(status -> new PlatformMerger(jdbc).merge(snapshot));
    }

    @Override
    public Optional<String> source() {
        return jdbc.queryForList("select source from directory_source", String.class).stream().findFirst();
    }

    @Override
    public DirectoryCounts counts() {
        return jdbc.queryForObject("select (select count(*) from identity), (select count(*) from account),"
                + " (select count(*) from application), (select count(*) from entitlement), (select count(*) from platform_group),"
                + " (select count(*) from assignment), (select count(*) from role_bundle), (select count(*) from access_request_history)",
                (rs, i) -> new DirectoryCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)));
    }

    @Override
    public Optional<Identity> identity(IdentityId id) {
        return first(jdbc.query("select " + IDENTITY + " from identity i where i.id = ?", DirectoryRows::identity, id.value()));
    }

    @Override
    public Optional<Identity> identityByEmployeeId(String employeeId) {
        return first(jdbc.query("select " + IDENTITY + " from identity i where i.employee_id = ?", DirectoryRows::identity, employeeId));
    }

    @Override
    public Optional<HrRecord> hrRecord(IdentityId id) {
        return first(jdbc.query("select " + HR + " from hr_record h where h.identity_id = ?", DirectoryRows::hr, id.value()));
    }

    @Override
    public List<Identity> identities(int offset, int limit) {
        return jdbc.query("select " + IDENTITY + " from identity i order by i.id offset ? limit ?", DirectoryRows::identity, offset, limit);
    }

    @Override
    public List<Account> accountsOf(IdentityId id) {
        return jdbc.query("select " + ACCOUNT + " from account c where c.identity_id = ? order by c.platform, c.login",
                DirectoryRows::account, id.value());
    }

    @Override
    public List<Assignment> assignmentsOf(IdentityId id) {
        return jdbc.query("select " + ASSIGNMENT + " from assignment a where a.identity_id = ? order by a.entitlement_id",
                DirectoryRows::assignment, id.value());
    }

    @Override
    public List<Entitlement> entitlements() {
        return jdbc.query("select " + ENTITLEMENT + " from entitlement e order by e.id", DirectoryRows::entitlement);
    }

    @Override
    public Optional<Entitlement> entitlement(EntitlementId id) {
        return first(jdbc.query("select " + ENTITLEMENT + " from entitlement e where e.id = ?", DirectoryRows::entitlement, id.value()));
    }

    @Override
    public Optional<Entitlement> entitlementByKey(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return first(jdbc.query("select " + ENTITLEMENT + " from entitlement e where e.system = ? and e.permission = ?",
                DirectoryRows::entitlement, key.substring(0, colon), key.substring(colon + 1)));
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return first(jdbc.query("select " + ACCOUNT + " from account c where c.id = ?", DirectoryRows::account, id.value()));
    }

    @Override
    public Optional<Group> group(GroupId id) {
        return first(jdbc.query("select id, platform, name, description from platform_group where id = ?",
                (rs, i) -> new Group(new GroupId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)), id.value()));
    }

    @Override
    public Optional<Application> application(ApplicationId id) {
        return first(jdbc.query("select id, name, platform, owner, sensitivity from application where id = ?",
                (rs, i) -> new Application(new ApplicationId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sensitivity.valueOf(rs.getString(5))), id.value()));
    }

    @Override
    public Optional<IdentityId> deskHead(String department, String desk) {
        List<String> heads = jdbc.queryForList("select h.identity_id from hr_record h join identity i on i.id = h.identity_id"
                + " where h.department = ? and h.desk = ? and h.title = ? and i.status = 'ACTIVE'", String.class,
                department, desk, "Head of " + desk);
        return heads.size() == 1 ? Optional.of(new IdentityId(heads.getFirst())) : Optional.empty();
    }

    @Override
    public List<IdentityId> withTitle(String title) {
        return jdbc.queryForList("select h.identity_id from hr_record h join identity i on i.id = h.identity_id"
                + " where h.title = ? and i.status = 'ACTIVE' order by h.identity_id", String.class, title)
                .stream().map(IdentityId::new).toList();
    }

    @Override
    public List<IdentityId> holdersOf(EntitlementId entitlementId) {
        return jdbc.queryForList("select identity_id from assignment where entitlement_id = ? order by identity_id", String.class,
                entitlementId.value()).stream().map(IdentityId::new).toList();
    }

    @Override
    public void forEachHolder(Consumer<Holdings> sink) {
        Map<String, List<Assignment>> assignments = new HashMap<>();
        streaming.query("select " + ASSIGNMENT + " from assignment a", (ResultSet rs) -> {
            while (rs.next()) {
                assignments.computeIfAbsent(rs.getString("identity_id"), k -> new ArrayList<>()).add(DirectoryRows.assignment(rs, 0));
            }
            return null;
        });
        streaming.query("select " + IDENTITY + ", " + HR + " from identity i join hr_record h on h.identity_id = i.id order by i.id",
                (ResultSet rs) -> {
                    while (rs.next()) {
                        Identity identity = DirectoryRows.identity(rs, 0);
                        sink.accept(new Holdings(identity, DirectoryRows.hr(rs, 0),
                                assignments.getOrDefault(identity.id().value(), List.of())));
                    }
                    return null;
                });
    }

    @Override
    public PeerStatistics peerStatistics() {
        Map<PeerGroup, Integer> sizes = new HashMap<>();
        jdbc.query("select h.department, h.desk, h.title, count(*) from hr_record h join identity i on i.id = h.identity_id"
                + " where i.status = 'ACTIVE' group by 1, 2, 3", (ResultSet rs) -> {
            while (rs.next()) {
                sizes.put(group(rs), rs.getInt(4));
            }
            return null;
        });
        Map<PeerGroup, Map<EntitlementId, Integer>> holders = new HashMap<>();
        jdbc.query("select h.department, h.desk, h.title, a.entitlement_id, count(*) from assignment a"
                + " join hr_record h on h.identity_id = a.identity_id join identity i on i.id = a.identity_id"
                + " where i.status = 'ACTIVE' group by 1, 2, 3, 4", (ResultSet rs) -> {
            while (rs.next()) {
                holders.computeIfAbsent(group(rs), k -> new HashMap<>()).put(new EntitlementId(rs.getString(4)), rs.getInt(5));
            }
            return null;
        });
        return new PeerStatistics(sizes, holders);
    }

    @Override
    public WorkerUpdate.Applied applyWorker(WorkerUpdate update) {
        return transactions.execute(status -> new WorkerRecords(jdbc).apply(update));
    }

    @Override
    public AccountId confirmAccount(IdentityId identityId, String platform, String login, AccountStatus status) {
        String id = "acc-" + PlatformMerger.slug(platform) + "-" + PlatformMerger.slug(login);
        return new AccountId(jdbc.queryForObject("insert into account (id, identity_id, platform, login, status, created_at)"
                + " values (?, ?, ?, ?, ?, now()) on conflict (platform, login) do update set status = excluded.status,"
                + " identity_id = coalesce(account.identity_id, excluded.identity_id) returning id", String.class,
                id, identityId.value(), platform, login, status.name()));
    }

    @Override
    public boolean confirmRevoked(IdentityId identityId, EntitlementId entitlementId) {
        return jdbc.update("delete from assignment where identity_id = ? and entitlement_id = ?",
                identityId.value(), entitlementId.value()) > 0;
    }

    @Override
    public void forEachPastRequest(Consumer<PastAccessRequest> sink) {
        new AccessRequestRecords(jdbc, streaming).forEachPastRequest(sink);
    }

    @Override
    public boolean confirmGranted(Assignment assignment) {
        return new AccessRequestRecords(jdbc, streaming).confirmGranted(assignment);
    }

    private static PeerGroup group(ResultSet rs) throws SQLException {
        return new PeerGroup(rs.getString(1), rs.getString(2), rs.getString(3));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }
}
