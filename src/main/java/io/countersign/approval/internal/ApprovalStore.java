package io.countersign.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.ApprovalStatus;
import io.countersign.policy.Route;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The approval_request table. */
final class ApprovalStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    ApprovalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String nextId() {
        return String.format("APR-%06d", jdbc.queryForObject("select nextval('approval_request_seq')", Long.class));
    }

    void insert(ApprovalRequest r) {
        jdbc.update("insert into approval_request (id, workflow, subject_identity_id, item_entitlement_id, item_key, summary,"
                        + " requested_by, risk_tier, approvals_required, route, route_identity_id, status, created_at, expires_at,"
                        + " recommendation_seq, request_seq, source_event_id, payload)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                r.id(), r.workflow(), r.subjectIdentityId(), r.itemEntitlementId(), r.itemKey(), r.summary(), r.requestedBy(),
                r.riskTier(), r.approvalsRequired(), r.route().name(), r.routeIdentityId(), r.status().name(), Timestamp.from(r.createdAt()),
                Timestamp.from(r.expiresAt()), r.recommendationSeq(), r.requestSeq(), r.sourceEventId(),
                JSON.writeValueAsString(r.payload()));
    }

    /** Moves a pending request to {@code status}; false when it was no longer pending (a concurrent decision won). */
    boolean decide(String id, ApprovalStatus status, String decidedBy, Instant at, String reason, long decisionSeq) {
        return jdbc.update("update approval_request set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, decision_seq = ?"
                + " where id = ? and status = 'PENDING'", status.name(), decidedBy, Timestamp.from(at), reason, decisionSeq, id) == 1;
    }

    /** Records one person's approval; returns how many distinct people have approved now. */
    int vote(String approvalId, String approver, String identityId, Instant at, long ledgerSeq) {
        jdbc.update("insert into approval_vote (approval_id, approver, identity_id, voted_at, ledger_seq) values (?, ?, ?, ?, ?)",
                approvalId, approver, identityId, Timestamp.from(at), ledgerSeq);
        Integer votes = jdbc.queryForObject("select count(*) from approval_vote where approval_id = ?", Integer.class, approvalId);
        return votes == null ? 0 : votes;
    }

    List<String> votedIdentities(String approvalId) {
        return jdbc.queryForList("select identity_id from approval_vote where approval_id = ? and identity_id is not null",
                String.class, approvalId);
    }

    Optional<ApprovalRequest> find(String id) {
        return jdbc.query(SELECT + " where r.id = ?", ApprovalStore::row, id).stream().findFirst();
    }

    Optional<ApprovalRequest> findPendingBySource(String workflow, String sourceEventId) {
        return jdbc.query(SELECT + " where r.workflow = ? and r.source_event_id = ? and r.status = 'PENDING'",
                ApprovalStore::row, workflow, sourceEventId).stream().findFirst();
    }

    /** Locks the row for the rest of the transaction, so two deciders cannot both pass the checks. */
    Optional<ApprovalRequest> lock(String id) {
        return jdbc.query(SELECT + " where r.id = ? for update of r", ApprovalStore::row, id).stream().findFirst();
    }

    List<ApprovalRequest> overdue(Instant now) {
        return jdbc.query(SELECT + " where r.status = 'PENDING' and r.expires_at < ? order by r.id for update of r skip locked",
                ApprovalStore::row, Timestamp.from(now));
    }

    List<ApprovalRequest> list(ApprovalStatus status, int limit) {
        if (status == null) {
            return jdbc.query(SELECT + " order by r.created_at desc, r.id desc limit ?", ApprovalStore::row, limit);
        }
        return jdbc.query(SELECT + " where r.status = ? order by r.created_at desc, r.id desc limit ?",
                ApprovalStore::row, status.name(), limit);
    }

    private static final String SELECT = "select r.*, array(select v.approver from approval_vote v where v.approval_id = r.id"
            + " order by v.voted_at, v.approver) as approved_by from approval_request r";

    private static ApprovalRequest row(ResultSet rs, int i) throws SQLException {
        return new ApprovalRequest(rs.getString("id"), rs.getString("workflow"), rs.getString("subject_identity_id"),
                rs.getString("item_entitlement_id"), rs.getString("item_key"), rs.getString("summary"), rs.getString("requested_by"),
                rs.getString("risk_tier"), rs.getInt("approvals_required"), Arrays.asList((String[]) rs.getArray("approved_by").getArray()),
                Route.valueOf(rs.getString("route")), rs.getString("route_identity_id"),
                ApprovalStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "expires_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_reason"),
                (Long) rs.getObject("recommendation_seq"), rs.getLong("request_seq"), (Long) rs.getObject("decision_seq"),
                rs.getString("source_event_id"), JSON.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() { }));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
