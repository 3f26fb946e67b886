package io.countersign.connectors.tickets;

import java.time.Instant;

/**
 * The ticket mirroring an approval request.
 *
 * @param key        the ticket's name in its system ({@code IAM-42}, {@code SCTASK0010001}); {@code null} while it is being opened
 * @param status     the ticket system's word for where it stands
 * @param outcome    how the request ended ({@code approved}, {@code rejected}, {@code expired}), once the ticket is closed
 */
public record ApprovalTicket(String approvalId, String kind, String key, String id, String url, String status, String outcome,
                             Instant openedAt, Instant resolvedAt) {
}
