package io.countersign.demo;

import java.util.Map;

/**
 * What the demo did, with its sizes and timings; written as {@code summary.json}.
 *
 * @param approval      the approval a second person gave through the API, and what came of it
 * @param scopeRefusal  the out-of-scope write the guard refused
 * @param standIns      where the platforms' stand-ins listened
 * @param sync          per platform: users, groups, memberships read over HTTP, drift found, users per second
 * @param events        per feed: events read over HTTP, stored (new), events per second
 * @param delivered     tickets opened, OCSF documents written to the file and received by the HEC collector
 * @param lifecycle     the hire (its access package, approvals and provisioning) and the transfer
 * @param deprovisioning the batch of leavers: {@code leavers, p50_ms, p99_ms, max_ms, accounts_disabled}, from the HR event's
 *                      arrival to the last account confirmed disabled
 * @param timingsMillis per step
 * @param requests      self-service requests: how many were submitted, auto-approved, routed, blocked and refused, and the
 *                      approval model's held-out metrics and training time
 */
public record DemoReport(long seed, int employees, int days, long identities, long accounts, long applications,
                         long entitlements, long assignments, long pastRequests, int sodViolations, int findingsRaised,
                         int findingsAlreadyOpen, int approvalsPending, Map<String, Object> approval,
                         Map<String, Object> scopeRefusal, String standIns, Map<String, Object> sync, Map<String, Object> events,
                         Map<String, Object> delivered, Map<String, Object> lifecycle, Map<String, Object> deprovisioning, long ledgerEntries,
                         boolean ledgerVerified, String ledgerHead, Map<String, Long> timingsMillis, Map<String, Object> requests) {
}
