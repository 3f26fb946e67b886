package io.countersign.lifecycle.requests.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.countersign.lifecycle.requests.AccessRequest;
import io.countersign.lifecycle.requests.RequestReason;
import io.countersign.lifecycle.requests.RequestRoute;
import io.countersign.lifecycle.requests.RequestStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The access_request table. */
final class RequestStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "select id, requester_id, entitlement_id, entitlement_key, justification, duration_days,"
            + " submitted_by, status, route, catalogue_item, probability, factors, detail, approval_id, ledger_seqs, submitted_at,"
            + " decided_at, access_ends_at from access_request";

    private final JdbcTemplate jdbc;

    RequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String nextId() {
        return String.format("REQ-%06d", jdbc.queryForObject("select nextval('access_request_seq')", Long.class));
    }

    void insert(AccessRequest r) {
        jdbc.update("insert into access_request (id, requester_id, entitlement_id, entitlement_key, justification, duration_days,"
                        + " submitted_by, status, route, catalogue_item, probability, factors, detail, approval_id, ledger_seqs, submitted_at,"
                        + " decided_at, access_ends_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.requesterId(), r.entitlementId(), r.entitlementKey(), r.justification(), r.durationDays(), r.submittedBy(),
                r.status().name(), r.route().name(), r.catalogueItem(), r.probability(), JSON.writeValueAsString(r.reasons()), r.detail(),
                r.approvalId(), r.ledgerSeqs().toArray(Long[]::new), Timestamp.from(r.submittedAt()), time(r.decidedAt()), time(r.accessEndsAt()));
    }

    void attachApproval(String id, String approvalId, long seq) {
        jdbc.update("update access_request set approval_id = ?, ledger_seqs = array_append(ledger_seqs, ?) where id = ?", approvalId, seq, id);
    }

    void reroute(String id, RequestRoute route, String detail) {
        jdbc.update("update access_request set route = ?, detail = ? where id = ?", route.name(), detail, id);
    }

    /** Moves the request on; {@code seqs} are appended to its ledger entries. */
    void update(String id, RequestStatus status, String detail, List<Long> seqs) {
        jdbc.update("update access_request set status = ?, detail = ?, ledger_seqs = ledger_seqs || ?::bigint[],"
                        + " decided_at = case when ? then coalesce(decided_at, now()) else decided_at end where id = ?",
                status.name(), detail, seqs.toArray(Long[]::new), status != RequestStatus.PENDING_APPROVAL, id);
    }

    /** Moves a request only if it is still in {@code from}: false when another path already moved it. */
    boolean move(String id, RequestStatus from, RequestStatus to) {
        return jdbc.update("update access_request set status = ? where id = ? and status = ?", to.name(), id, from.name()) == 1;
    }

    void fulfilled(String id, String detail, List<Long> seqs, Instant endsAt) {
        update(id, RequestStatus.FULFILLED, detail, seqs);
        jdbc.update("update access_request set access_ends_at = ? where id = ?", time(endsAt), id);
    }

    Optional<AccessRequest> find(String id) {
        return jdbc.query(SELECT + " where id = ?", RequestStore::row, id).stream().findFirst();
    }

    Optional<AccessRequest> findOpen(String requesterId, String entitlementId) {
        return jdbc.query(SELECT + " where requester_id = ? and entitlement_id = ? and status in ('PENDING_APPROVAL', 'PROVISIONING')",
                RequestStore::row, requesterId, entitlementId).stream().findFirst();
    }

    List<AccessRequest> list(RequestStatus status, int limit) {
        return status == null
                ? jdbc.query(SELECT + " order by submitted_at desc, id desc limit ?", RequestStore::row, limit)
                : jdbc.query(SELECT + " where status = ? order by submitted_at desc, id desc limit ?", RequestStore::row, status.name(), limit);
    }

    List<String> ended(Instant now) {
        return jdbc.queryForList("select id from access_request where status = 'FULFILLED' and access_ends_at <= ? order by id",
                String.class, Timestamp.from(now));
    }

    private static AccessRequest row(ResultSet rs, int i) throws SQLException {
        Number duration = (Number) rs.getObject("duration_days");
        Number probability = (Number) rs.getObject("probability");
        return new AccessRequest(rs.getString("id"), rs.getString("requester_id"), rs.getString("entitlement_id"),
                rs.getString("entitlement_key"), rs.getString("justification"), duration == null ? null : duration.intValue(),
                rs.getString("submitted_by"), RequestStatus.valueOf(rs.getString("status")), RequestRoute.valueOf(rs.getString("route")),
                rs.getString("catalogue_item"), probability == null ? null : probability.doubleValue(),
                JSON.readValue(rs.getString("factors"), new TypeReference<List<RequestReason>>() { }), rs.getString("detail"),
                rs.getString("approval_id"), seqs(rs.getArray("ledger_seqs")), instant(rs, "submitted_at"), instant(rs, "decided_at"),
                instant(rs, "access_ends_at"));
    }

    private static List<Long> seqs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
