/**
 * Human in the loop: approval requests, routing, dual control and expiry.
 *
 * <p>The entry class is {@link io.countersign.approval.Approvals}. A request is routed by its risk tier
 * (high risk to the chief compliance officer, standard to the head of the subject's desk). Dual control:
 * the requester never approves, nobody decides on their own access, and an approver whose own access
 * conflicts with the item under the SoD matrix is refused. Every step (requested, approved, rejected,
 * expired, refused) is a ledger entry written in the same transaction as the state change; decisions
 * are published as durable events ({@link io.countersign.approval.ApprovalGranted} and friends) for the
 * owning workflow to act on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval")
package io.countersign.approval;
