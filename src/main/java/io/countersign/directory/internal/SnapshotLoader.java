package io.countersign.directory.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.RoleBundle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a snapshot into the emptied directory tables with batched inserts. Runs inside the caller's transaction. */
final class SnapshotLoader {

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
        jdbc.update("insert into directory_source (id, source, loaded_at) values (1, ?, now())", s.source());
    }

    /** Manager references are deferred by inserting without them first, then setting them. */
    private void insertHrRecordsManagersFirst(DirectorySnapshot s) {
        batch("insert into hr_record (identity_id, title, department, desk, cost_centre, location, employment_type,"
                        + " hire_date, end_date, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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

    /**
     * Writes rows with PostgreSQL's COPY (an order of magnitude faster than batched inserts for a whole
     * bank). {@code sql} names the table and columns as an insert would; values are sent as CSV, NULL as
     * an unquoted empty field. Updates run as a batch.
     */
    private <T> void batch(String sql, List<T> items, Function<T, Object[]> toRow) {
        if (!sql.startsWith("insert into ")) {
            jdbc.batchUpdate(sql, items.stream().map(toRow).toList());
            return;
        }
        String target = sql.substring("insert into ".length(), sql.indexOf(" values"));
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                return copy.copyIn("copy " + target + " from stdin with (format csv)", new StringReader(csv(items, toRow)));
            } catch (IOException e) {
                throw new SQLException("copy into " + target + " failed: " + e.getMessage(), e);
            }
        });
    }

    private static <T> String csv(List<T> items, Function<T, Object[]> toRow) {
        StringBuilder out = new StringBuilder(items.size() * 96);
        for (T item : items) {
            Object[] values = toRow.apply(item);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (values[i] != null) {
                    out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
