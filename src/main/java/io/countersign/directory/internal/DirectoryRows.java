package io.countersign.directory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.ApplicationId;
import io.countersign.directory.Assignment;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.GroupId;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.Sensitivity;

/** Maps directory rows to records; column names as in the V1 migration. */
final class DirectoryRows {

    static final String IDENTITY = "i.id, i.employee_id, i.display_name, i.email, i.kind, i.status";
    static final String HR = "h.identity_id, h.title, h.department, h.desk, h.cost_centre, h.location, h.manager_id,"
            + " h.employment_type, h.hire_date, h.end_date, h.status as hr_status";
    static final String ENTITLEMENT = "e.id, e.application_id, e.system, e.permission, e.privilege, e.sensitivity, e.description, e.group_id";
    static final String ASSIGNMENT = "a.identity_id, a.entitlement_id, a.account_id, a.granted_at, a.granted_by, a.last_used_at, a.source";
    static final String ACCOUNT = "c.id, c.identity_id, c.platform, c.login, c.status, c.created_at, c.last_login_at";

    private DirectoryRows() {
    }

    static Identity identity(ResultSet rs, int row) throws SQLException {
        return new Identity(new IdentityId(rs.getString("id")), rs.getString("employee_id"), rs.getString("display_name"),
                rs.getString("email"), IdentityKind.valueOf(rs.getString("kind")), IdentityStatus.valueOf(rs.getString("status")));
    }

    static HrRecord hr(ResultSet rs, int row) throws SQLException {
        String manager = rs.getString("manager_id");
        return new HrRecord(new IdentityId(rs.getString("identity_id")), rs.getString("title"), rs.getString("department"),
                rs.getString("desk"), rs.getString("cost_centre"), rs.getString("location"),
                manager == null ? null : new IdentityId(manager), IdentityKind.valueOf(rs.getString("employment_type")),
                date(rs.getDate("hire_date")), date(rs.getDate("end_date")), IdentityStatus.valueOf(rs.getString("hr_status")));
    }

    static Entitlement entitlement(ResultSet rs, int row) throws SQLException {
        String group = rs.getString("group_id");
        return new Entitlement(new EntitlementId(rs.getString("id")), new ApplicationId(rs.getString("application_id")),
                rs.getString("system"), rs.getString("permission"), PrivilegeLevel.valueOf(rs.getString("privilege")),
                Sensitivity.valueOf(rs.getString("sensitivity")), rs.getString("description"),
                group == null ? null : new GroupId(group));
    }

    static Assignment assignment(ResultSet rs, int row) throws SQLException {
        String account = rs.getString("account_id");
        return new Assignment(new IdentityId(rs.getString("identity_id")), new EntitlementId(rs.getString("entitlement_id")),
                account == null ? null : new AccountId(account), instant(rs.getTimestamp("granted_at")),
                rs.getString("granted_by"), instant(rs.getTimestamp("last_used_at")), AssignmentSource.valueOf(rs.getString("source")));
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        String owner = rs.getString("identity_id");
        return new Account(new AccountId(rs.getString("id")), owner == null ? null : new IdentityId(owner), rs.getString("platform"),
                rs.getString("login"), AccountStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_login_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
