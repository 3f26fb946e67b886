package io.countersign.remediation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.countersign.remediation.SodFinding;
import io.countersign.remediation.SodFindingStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sod_finding table. */
final class FindingStore {

    private final JdbcTemplate jdbc;

    FindingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isOpen(String ruleId, String identityId) {
        Integer open = jdbc.queryForObject("select count(*) from sod_finding where rule_id = ? and identity_id = ?"
                + " and status in ('PENDING_APPROVAL', 'REMEDIATING', 'BLOCKED')", Integer.class, ruleId, identityId);
        return open != null && open > 0;
    }

    String nextId() {
        return String.format("SOD-%06d", jdbc.queryForObject("select nextval('sod_finding_seq')", Long.class));
    }

    void insert(SodFinding f) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into sod_finding (id, rule_id, identity_id, severity, held_keys, target_key,"
                    + " recommended_action, confidence, status, detail, recommendation_seq, decision_seq, approval_id, detected_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, f.id());
            ps.setString(2, f.ruleId());
            ps.setString(3, f.identityId());
            ps.setString(4, f.severity());
            ps.setArray(5, con.createArrayOf("text", f.heldKeys().toArray()));
            ps.setString(6, f.targetKey());
            ps.setString(7, f.recommendedAction());
            ps.setDouble(8, f.confidence());
            ps.setString(9, f.status().name());
            ps.setString(10, f.detail());
            ps.setLong(11, f.recommendationSeq());
            ps.setObject(12, f.decisionSeq());
            ps.setString(13, f.approvalId());
            ps.setTimestamp(14, Timestamp.from(f.detectedAt()));
            return ps;
        });
    }

    void update(String id, SodFindingStatus status, String detail, Long resolutionSeq) {
        boolean resolved = status != SodFindingStatus.REMEDIATING && status != SodFindingStatus.PENDING_APPROVAL;
        jdbc.update("update sod_finding set status = ?, detail = ?, resolution_seq = coalesce(?, resolution_seq),"
                        + " resolved_at = case when ? then now() else resolved_at end where id = ?",
                status.name(), detail, resolutionSeq, resolved, id);
    }

    void attachApproval(String id, String approvalId) {
        jdbc.update("update sod_finding set approval_id = ? where id = ?", approvalId, id);
    }

    Optional<SodFinding> find(String id) {
        return jdbc.query("select * from sod_finding where id = ?", FindingStore::row, id).stream().findFirst();
    }

    List<SodFinding> list(int limit) {
        return jdbc.query("select * from sod_finding order by id limit ?", FindingStore::row, limit);
    }

    private static SodFinding row(ResultSet rs, int i) throws SQLException {
        return new SodFinding(rs.getString("id"), rs.getString("rule_id"), rs.getString("identity_id"), rs.getString("severity"),
                Arrays.asList((String[]) rs.getArray("held_keys").getArray()), rs.getString("target_key"),
                rs.getString("recommended_action"), rs.getDouble("confidence"), SodFindingStatus.valueOf(rs.getString("status")),
                rs.getString("detail"), rs.getLong("recommendation_seq"), (Long) rs.getObject("decision_seq"),
                rs.getString("approval_id"), (Long) rs.getObject("resolution_seq"), instant(rs, "detected_at"), instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
