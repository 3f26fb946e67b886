package io.countersign.directory.internal;

import java.sql.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.countersign.directory.HrRecord;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityStatus;
import io.countersign.directory.WorkerUpdate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Applies HR changes to identities and HR records, matched on the employee id so that nothing is ever re-created. */
final class WorkerRecords {

    private final JdbcTemplate jdbc;

    WorkerRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    WorkerUpdate.Applied apply(WorkerUpdate u) {
        Optional<String> existing = jdbc.queryForList("select id from identity where employee_id = ? for update", String.class, u.employeeId())
                .stream().findFirst();
        if (existing.isEmpty()) {
            return new WorkerUpdate.Applied(create(u), true, false);
        }
        IdentityId id = new IdentityId(existing.get());
        String before = jdbc.queryForObject("select status from identity where id = ?", String.class, id.value());
        jdbc.update("update identity set display_name = coalesce(?, display_name), email = coalesce(?, email),"
                + " kind = coalesce(?, kind), status = ? where id = ?", u.displayName(), u.email(),
                u.employmentType() == null ? null : u.employmentType().name(), u.status().name(), id.value());
        Optional<HrRecord> hr = jdbc.query("select " + DirectoryRows.HR + " from hr_record h where h.identity_id = ?", DirectoryRows::hr, id.value())
                .stream().findFirst();
        if (hr.isPresent()) {
            update(id, u, hr.get());
        } else {
            insertHr(id, u);
        }
        boolean reactivated = u.hire() && IdentityStatus.TERMINATED.name().equals(before);
        return new WorkerUpdate.Applied(id, false, reactivated);
    }

    private IdentityId create(WorkerUpdate u) {
        IdentityId id = new IdentityId("idn-" + PlatformMerger.slug(u.employeeId()));
        jdbc.update("insert into identity (id, employee_id, display_name, email, kind, status) values (?, ?, ?, ?, ?, ?)",
                id.value(), u.employeeId(), Objects.requireNonNullElse(u.displayName(), u.employeeId()), u.email(),
                u.employmentType() == null ? "EMPLOYEE" : u.employmentType().name(), u.status().name());
        insertHr(id, u);
        return id;
    }

    private void insertHr(IdentityId id, WorkerUpdate u) {
        for (var required : List.of(new Object[] {"title", u.title()}, new Object[] {"department", u.department()},
                new Object[] {"desk", u.desk()}, new Object[] {"location", u.location()}, new Object[] {"hire_date", u.hireDate()})) {
            if (required[1] == null) {
                throw new IllegalArgumentException("worker " + u.employeeId() + ": " + required[0] + " is required for a new worker");
            }
        }
        jdbc.update("insert into hr_record (identity_id, title, department, desk, cost_centre, location, manager_id, employment_type,"
                + " hire_date, end_date, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id.value(), u.title(), u.department(), u.desk(),
                Objects.requireNonNullElse(u.costCentre(), ""), u.location(), manager(u).orElse(null),
                u.employmentType() == null ? "EMPLOYEE" : u.employmentType().name(), Date.valueOf(u.hireDate()),
                u.endDate() == null ? null : Date.valueOf(u.endDate()), u.status().name());
    }

    private void update(IdentityId id, WorkerUpdate u, HrRecord hr) {
        var hireDate = u.hire() && u.hireDate() != null ? u.hireDate() : hr.hireDate();
        var endDate = u.endDate() != null ? u.endDate() : (u.hire() ? null : hr.endDate());
        jdbc.update("update hr_record set title = ?, department = ?, desk = ?, cost_centre = ?, location = ?,"
                + " manager_id = coalesce(?, manager_id), employment_type = ?, hire_date = ?, end_date = ?, status = ? where identity_id = ?",
                Objects.requireNonNullElse(u.title(), hr.title()), Objects.requireNonNullElse(u.department(), hr.department()),
                Objects.requireNonNullElse(u.desk(), hr.desk()), Objects.requireNonNullElse(u.costCentre(), hr.costCentre()),
                Objects.requireNonNullElse(u.location(), hr.location()), manager(u).orElse(null),
                (u.employmentType() == null ? hr.employmentType() : u.employmentType()).name(), Date.valueOf(hireDate),
                endDate == null ? null : Date.valueOf(endDate), u.status().name(), id.value());
    }

    private Optional<String> manager(WorkerUpdate u) {
        return u.managerEmployeeId() == null ? Optional.empty()
                : jdbc.queryForList("select id from identity where employee_id = ?", String.class, u.managerEmployeeId()).stream().findFirst();
    }
}
