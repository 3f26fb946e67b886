package io.countersign.lifecycle.requests;

import java.time.Instant;
import java.util.List;

/**
 * An access request and where it stands.
 *
 * @param probability   the approval model's probability, {@code null} when no model could be trained
 * @param reasons       the model's strongest reasons, largest first
 * @param catalogueItem the catalogue item that covers it, {@code null} when none does
 * @param detail        the latest word on it: why it was routed, blocked, refused or how it was fulfilled
 * @param approvalId    the approval request, when it was routed to a person
 * @param ledgerSeqs    every ledger entry written for it, in order
 * @param accessEndsAt  when a time-bound grant ends (set once it is fulfilled)
 */
public record AccessRequest(String id, String requesterId, String entitlementId, String entitlementKey, String justification,
                            Integer durationDays, String submittedBy, RequestStatus status, RequestRoute route,
                            String catalogueItem, Double probability, List<RequestReason> reasons, String detail,
                            String approvalId, List<Long> ledgerSeqs, Instant submittedAt, Instant decidedAt,
                            Instant accessEndsAt) {

    public AccessRequest {
        reasons = List.copyOf(reasons);
        ledgerSeqs = List.copyOf(ledgerSeqs);
    }
}
