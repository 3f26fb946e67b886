package io.countersign.approval;

import java.time.Instant;

/** A request for a human decision was opened (and ledgered at {@code requestSeq}); e.g. a ticket may follow. */
public record ApprovalRequested(String approvalId, String workflow, String subjectIdentityId, String itemKey, String summary,
                                String riskTier, String route, String routeIdentityId, Instant expiresAt, long requestSeq) {
}
