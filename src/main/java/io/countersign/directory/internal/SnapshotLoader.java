package io.countersign.directory.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.RoleBundle;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a snapshot into the emptied directory tables with batched inserts. Runs inside the caller's transaction. */
final class SnapshotLoader {

    private static final int BATCH = 2000;
    private final JdbcTemplate jdbc;

    SnapshotLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replaceWith(DirectorySnapshot s) {
        jdbc.execute("truncate access_request_history, assignment, role_bundle_entitlement, role_bundle, group_membership,"
                + " account, entitlement, platform_group, application, hr_record, identity, directory_source");
        batch("insert into identity (id, employee_id, display_name, email, kind, status) values (?, ?, ?, ?, ?, ?)",
                s.identities(), i -> row(i.id().value(), i.employeeId(), i.displayName(), i.email(), i.kind().name(), i.status().name()));
        insertHrRecordsManagersFirst(s);
        batch("insert into application (id, name, platform, owner, sensitivity) values (?, ?, ?, ?, ?)",
                s.applications(), a -> row(a.id().value(), a.name(), a.platform(), a.owner(), a.sensitivity().name()));
        batch("insert into platform_group (id, platform, name, description) values (?, ?, ?, ?)",
                s.groups(), g -> row(g.id().value(), g.platform(), g.name(), g.description()));
        batch("insert into entitlement (id, application_id, system, permission, privilege, sensitivity, description, group_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                s.entitlements(), e -> row(e.id().value(), e.applicationId().value(), e.system(), e.permission(),
                        e.privilege().name(), e.sensitivity().name(), e.description(), e.groupId() == null ? null : e.groupId().value()));
        batch("insert into account (id, identity_id, platform, login, status, created_at, last_login_at) values (?, ?, ?, ?, ?, ?, ?)",
                s.accounts(), a -> row(a.id().value(), a.identityId() == null ? null : a.identityId().value(), a.platform(),
                        a.login(), a.status().name(), time(a.createdAt()), time(a.lastLoginAt())));
        batch("insert into group_membership (group_id, account_id) values (?, ?)",
                s.memberships(), m -> row(m.groupId().value(), m.accountId().value()));
        insertRoleBundles(s.roleBundles());
        batch("insert into assignment (identity_id, entitlement_id, account_id, granted_at, granted_by, last_used_at, source)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                s.assignments(), a -> row(a.identityId().value(), a.entitlementId().value(),
                        a.accountId() == null ? null : a.accountId().value(), time(a.grantedAt()), a.grantedBy(),
                        time(a.lastUsedAt()), a.source().name()));
        batch("insert into access_request_history (id, requester_id, entitlement_id, requested_at, decided_at, decided_by, outcome,"
                        + " manager_id, department, desk, title, location, cost_centre, employment_type)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.requestHistory(), r -> row(r.id(), r.requesterId().value(), r.entitlementId().value(), time(r.requestedAt()),
                        time(r.decidedAt()), r.decidedBy(), r.outcome().name(), r.managerId(), r.department(), r.desk(),
                        r.title(), r.location(), r.costCentre(), r.employmentType() == null ? null : r.employmentType().name()));
        jdbc.update("insert into directory_source (id, source, loaded_at) values (1, ?, ?)", s.source(), time(Instant.now()));
    }

    /** Manager references are deferred by inserting without them first, then setting them. */
    private void insertHrRecordsManagersFirst(DirectorySnapshot s) {
        batch("insert into hr_record (identity_id, title, department, desk, cost_centre, location, manager_id, employment_type,"
                        + " hire_date, end_date, status) values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)",
                s.hrRecords(), h -> row(h.identityId().value(), h.title(), h.department(), h.desk(), h.costCentre(), h.location(),
                        h.employmentType().name(), date(h.hireDate()), date(h.endDate()), h.status().name()));
        batch("update hr_record set manager_id = ? where identity_id = ?",
                s.hrRecords().stream().filter(h -> h.managerId() != null).toList(),
                h -> row(h.managerId().value(), h.identityId().value()));
    }

    private void insertRoleBundles(List<RoleBundle> bundles) {
        batch("insert into role_bundle (id, name, title, department, desk) values (?, ?, ?, ?, ?)",
                bundles, b -> row(b.id().value(), b.name(), b.title(), b.department(), b.desk()));
        List<Object[]> links = new ArrayList<>();
        bundles.forEach(b -> b.entitlements().forEach(e -> links.add(row(b.id().value(), e.value()))));
        batch("insert into role_bundle_entitlement (bundle_id, entitlement_id) values (?, ?)", links, Function.identity());
    }

    private <T> void batch(String sql, List<T> items, Function<T, Object[]> toRow) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Object[]> rows = items.subList(from, Math.min(items.size(), from + BATCH)).stream().map(toRow).toList();
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
