package io.countersign.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import io.countersign.directory.Assignment;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.PastAccessRequest;
import io.countersign.directory.RequestOutcome;
import org.springframework.jdbc.core.JdbcTemplate;

/** The request history as training data, and assignments that access requests add once a platform confirms them. */
final class AccessRequestRecords {

    private final JdbcTemplate streaming;
    private final JdbcTemplate jdbc;

    AccessRequestRecords(JdbcTemplate jdbc, JdbcTemplate streaming) {
        this.jdbc = jdbc;
        this.streaming = streaming;
    }

    void forEachPastRequest(Consumer<PastAccessRequest> sink) {
        streaming.query("select id, requester_id, entitlement_id, requested_at, decided_at, decided_by, outcome, manager_id, department,"
                + " desk, title, location, cost_centre, employment_type from access_request_history order by requested_at, id", (ResultSet rs) -> {
                    while (rs.next()) {
                        sink.accept(pastRequest(rs));
                    }
                    return null;
                });
    }

    boolean confirmGranted(Assignment a) {
        return jdbc.update("insert into assignment (identity_id, entitlement_id, account_id, granted_at, granted_by, last_used_at, source)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (identity_id, entitlement_id) do nothing", a.identityId().value(),
                a.entitlementId().value(), a.accountId() == null ? null : a.accountId().value(), Timestamp.from(a.grantedAt()),
                a.grantedBy(), a.lastUsedAt() == null ? null : Timestamp.from(a.lastUsedAt()), a.source().name()) > 0;
    }

    private static PastAccessRequest pastRequest(ResultSet rs) throws SQLException {
        String employment = rs.getString("employment_type");
        return new PastAccessRequest(rs.getString("id"), new IdentityId(rs.getString("requester_id")),
                new EntitlementId(rs.getString("entitlement_id")), instant(rs, "requested_at"), instant(rs, "decided_at"),
                rs.getString("decided_by"), RequestOutcome.valueOf(rs.getString("outcome")), rs.getString("manager_id"),
                rs.getString("department"), rs.getString("desk"), rs.getString("title"), rs.getString("location"),
                rs.getString("cost_centre"), employment == null ? null : IdentityKind.valueOf(employment));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
