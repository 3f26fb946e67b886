package io.countersign.lifecycle.internal;

import java.time.Instant;

/**
 * A planned write of a case. {@code key} is the entitlement key for grants and removals, {@code platform:login} for
 * account-level items. Statuses as in the V9 migration.
 */
record CaseItem(String caseId, String key, String action, String platform, String login, String riskTier, String status,
                String approvalId, Instant dueAt, String detail, Long resultSeq) {

    static final java.util.Set<String> OPEN = java.util.Set.of("PENDING_APPROVAL", "APPROVED", "SCHEDULED", "EXECUTING");

    boolean open() {
        return OPEN.contains(status);
    }
}
