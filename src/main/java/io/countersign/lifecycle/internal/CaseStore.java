package io.countersign.lifecycle.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.lifecycle.AccessPackage;
import io.countersign.lifecycle.CaseStatus;
import io.countersign.lifecycle.DeprovisioningStats;
import io.countersign.lifecycle.LifecycleCase;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The lifecycle tables of the V9 migration. Each method joins the caller's transaction if there is one. */
final class CaseStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a case unless one with this id exists; true when it is new. */
    boolean insert(String id, String kind, String employeeId, LocalDate effective, Map<String, Object> event, Instant receivedAt, CaseStatus status) {
        return jdbc.update("insert into lifecycle_case (id, kind, employee_id, status, effective_date, event, received_at)"
                + " values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (id) do nothing", id, kind, employeeId, status.name(),
                Date.valueOf(effective), JSON.writeValueAsString(event), Timestamp.from(receivedAt)) == 1;
    }

    /** Takes a case to run: due and not running, or running but stale. True when this caller has it. */
    boolean claim(String id, LocalDate today, Duration staleAfter) {
        return jdbc.update("update lifecycle_case set status = 'RUNNING', claimed_at = now() where id = ? and ("
                + " status = 'RECEIVED' or (status = 'WAITING' and effective_date <= ?)"
                + " or (status = 'RUNNING' and claimed_at < now() - make_interval(secs => ?)))",
                id, Date.valueOf(today), (double) staleAfter.toSeconds()) == 1;
    }

    List<String> runnable(LocalDate today, Duration staleAfter) {
        return jdbc.queryForList("select id from lifecycle_case where status = 'RECEIVED' or (status = 'WAITING' and effective_date <= ?)"
                + " or (status = 'RUNNING' and claimed_at < now() - make_interval(secs => ?)) order by received_at, id", String.class,
                Date.valueOf(today), (double) staleAfter.toSeconds());
    }

    Map<String, Object> event(String id) {
        return JSON.readValue(jdbc.queryForObject("select event::text from lifecycle_case where id = ?", String.class, id),
                new TypeReference<Map<String, Object>>() { });
    }

    void attachIdentity(String id, String identityId) {
        jdbc.update("update lifecycle_case set identity_id = ? where id = ?", identityId, id);
    }

    void status(String id, CaseStatus status, String detail) {
        boolean done = status == CaseStatus.COMPLETED || status == CaseStatus.PARTIAL || status == CaseStatus.BLOCKED;
        jdbc.update("update lifecycle_case set status = ?, detail = ?, completed_at = case when ? then now() else completed_at end where id = ?",
                status.name(), detail, done, id);
    }

    /** Moves a case from one status to another; true when it was in {@code from}. */
    boolean transition(String id, CaseStatus from, CaseStatus to, String detail) {
        boolean done = to == CaseStatus.COMPLETED || to == CaseStatus.PARTIAL;
        return jdbc.update("update lifecycle_case set status = ?, detail = ?, completed_at = case when ? then now() else completed_at end"
                + " where id = ? and status = ?", to.name(), detail, done, id, from.name()) == 1;
    }

    void savePackage(String id, AccessPackage accessPackage, long seq) {
        jdbc.update("update lifecycle_case set package = ?::jsonb, package_seq = ? where id = ?", JSON.writeValueAsString(accessPackage), seq, id);
    }

    void attachPlan(String id, long seq) {
        jdbc.update("update lifecycle_case set package_seq = ? where id = ?", seq, id);
    }

    Optional<Long> planSeq(String id) {
        return jdbc.queryForList("select package_seq from lifecycle_case where id = ? and package_seq is not null", Long.class, id).stream().findFirst();
    }

    Optional<AccessPackage> accessPackage(String id) {
        return jdbc.queryForList("select package::text from lifecycle_case where id = ? and package is not null", String.class, id).stream()
                .findFirst().map(text -> JSON.readValue(text, AccessPackage.class));
    }

    Optional<LifecycleCase> find(String id) {
        List<String> items = items(id).stream().map(i -> i.action() + " " + i.key() + ": " + i.status()).toList();
        return jdbc.query("select * from lifecycle_case where id = ?", (rs, n) -> new LifecycleCase(rs.getString("id"), rs.getString("kind"),
                rs.getString("employee_id"), rs.getString("identity_id"), CaseStatus.valueOf(rs.getString("status")),
                rs.getDate("effective_date").toLocalDate(), instant(rs, "received_at"), instant(rs, "completed_at"), rs.getString("detail"),
                items), id).stream().findFirst();
    }

    boolean hasCase(String employeeId, String kind, LocalDate since) {
        Integer n = jdbc.queryForObject("select count(*) from lifecycle_case where employee_id = ? and kind = ? and effective_date >= ?",
                Integer.class, employeeId, kind, Date.valueOf(since));
        return n != null && n > 0;
    }

    void insertItem(CaseItem i) {
        jdbc.update("insert into lifecycle_item (case_id, item_key, action, platform, login, risk_tier, status, due_at, detail)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", i.caseId(), i.key(), i.action(), i.platform(), i.login(),
                i.riskTier(), i.status(), i.dueAt() == null ? null : Timestamp.from(i.dueAt()), i.detail());
    }

    List<CaseItem> items(String caseId) {
        return jdbc.query("select * from lifecycle_item where case_id = ? order by action, item_key", CaseStore::item, caseId);
    }

    Optional<CaseItem> item(String caseId, String key, String action) {
        return jdbc.query("select * from lifecycle_item where case_id = ? and item_key = ? and action = ?", CaseStore::item, caseId, key, action)
                .stream().findFirst();
    }

    void attachApproval(CaseItem item, String approvalId) {
        jdbc.update("update lifecycle_item set approval_id = ? where case_id = ? and item_key = ? and action = ?",
                approvalId, item.caseId(), item.key(), item.action());
    }

    /** Moves an item on when it is in one of {@code from}; true when it was. */
    boolean transition(CaseItem item, List<String> from, String to, String detail, Long resultSeq) {
        return jdbc.update("update lifecycle_item set status = ?, detail = coalesce(?, detail), result_seq = coalesce(?, result_seq)"
                + " where case_id = ? and item_key = ? and action = ? and status = any(?)", to, detail, resultSeq, item.caseId(), item.key(),
                item.action(), from.toArray(String[]::new)) == 1;
    }

    List<CaseItem> dueRemovals(Instant now) {
        return jdbc.query("select * from lifecycle_item where status = 'SCHEDULED' and due_at <= ? order by due_at", CaseStore::item,
                Timestamp.from(now));
    }

    void recordTiming(String caseId, String identityId, Instant receivedAt, Instant lastDisabled, int accounts) {
        jdbc.update("insert into deprovisioning_timing (case_id, identity_id, received_at, last_disabled_at, duration_ms, accounts_disabled)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing", caseId, identityId, Timestamp.from(receivedAt),
                Timestamp.from(lastDisabled), Math.max(0, Duration.between(receivedAt, lastDisabled).toMillis()), accounts);
    }

    DeprovisioningStats stats(Instant since) {
        return jdbc.queryForObject("select count(*), coalesce(percentile_cont(0.5) within group (order by duration_ms), 0),"
                + " coalesce(percentile_cont(0.99) within group (order by duration_ms), 0), coalesce(max(duration_ms), 0),"
                + " coalesce(sum(accounts_disabled), 0) from deprovisioning_timing where received_at >= ?", (rs, n) -> new DeprovisioningStats(rs.getInt(1),
                Math.round(rs.getDouble(2)), Math.round(rs.getDouble(3)), rs.getLong(4), rs.getInt(5)), Timestamp.from(since));
    }

    boolean insertAlert(String identityId, String platform, String login, LocalDate endDate, long seq) {
        return jdbc.update("insert into lifecycle_alert (identity_id, platform, login, end_date, raised_at, ledger_seq) values (?, ?, ?, ?, now(), ?)"
                + " on conflict do nothing", identityId, platform, login, Date.valueOf(endDate), seq) == 1;
    }

    boolean alerted(String identityId, String platform, String login, LocalDate endDate) {
        Integer n = jdbc.queryForObject("select count(*) from lifecycle_alert where identity_id = ? and platform = ? and login = ? and end_date = ?",
                Integer.class, identityId, platform, login, Date.valueOf(endDate));
        return n != null && n > 0;
    }

    private static CaseItem item(ResultSet rs, int n) throws SQLException {
        return new CaseItem(rs.getString("case_id"), rs.getString("item_key"), rs.getString("action"), rs.getString("platform"),
                rs.getString("login"), rs.getString("risk_tier"), rs.getString("status"), rs.getString("approval_id"), instant(rs, "due_at"),
                rs.getString("detail"), (Long) rs.getObject("result_seq"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
