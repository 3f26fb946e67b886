package io.countersign.connectors.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.countersign.connectors.TicketRef;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code approval_ticket} rows. Callers hold a transaction: {@link #claim} then {@link #lock} serialise work on one request. */
final class TicketStore {

    private static final String COLUMNS = "approval_id, kind, ticket_key, ticket_id, url, status, outcome, opened_at, resolved_at";

    private final JdbcTemplate jdbc;

    TicketStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure the request has a row; waits while another transaction is claiming the same one. */
    void claim(String approvalId, String kind) {
        jdbc.update("insert into approval_ticket (approval_id, kind) values (?, ?) on conflict (approval_id) do nothing", approvalId, kind);
    }

    ApprovalTicket lock(String approvalId) {
        return jdbc.queryForObject("select " + COLUMNS + " from approval_ticket where approval_id = ? for update", TicketStore::row, approvalId);
    }

    Optional<ApprovalTicket> find(String approvalId) {
        return jdbc.query("select " + COLUMNS + " from approval_ticket where approval_id = ?", TicketStore::row, approvalId).stream().findFirst();
    }

    void opened(String approvalId, TicketRef ticket) {
        jdbc.update("update approval_ticket set ticket_key = ?, ticket_id = ?, url = ?, status = ?, opened_at = now() where approval_id = ?",
                ticket.key(), ticket.id(), ticket.url(), ticket.status(), approvalId);
    }

    void resolved(String approvalId, TicketRef ticket, String outcome) {
        jdbc.update("update approval_ticket set status = ?, outcome = ?, resolved_at = now() where approval_id = ?",
                ticket.status(), outcome, approvalId);
    }

    private static ApprovalTicket row(ResultSet rs, int i) throws SQLException {
        return new ApprovalTicket(rs.getString("approval_id"), rs.getString("kind"), rs.getString("ticket_key"), rs.getString("ticket_id"),
                rs.getString("url"), rs.getString("status"), rs.getString("outcome"), instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("resolved_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
