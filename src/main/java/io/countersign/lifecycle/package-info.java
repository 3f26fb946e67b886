/**
 * Joiner, mover, leaver: Workday worker events become access changes.
 *
 * <p>Input: HR events waiting in the inbox (platform {@code workday}, stream {@code worker_events}). Each is
 * processed once per HR event id: a {@code lifecycle_case} row and the inbox's processed marker commit together, and
 * a future effective date waits until it is due. The directory's identity and HR record are updated, matched on the
 * employee id (a rename or a re-hire never re-creates an identity).
 *
 * <ul>
 * <li><b>Joiner</b> (hire): role baseline (policy) plus peers' access, SoD across all platforms, compliance flags
 * (compliance API), an {@link io.countersign.lifecycle.AccessPackage} ledgered as the recommendation's output, one
 * approval request per entitlement routed by risk (high risk to the chief compliance officer, the rest to the desk
 * head), and on approval provisioning under the {@code onboarding-agent}'s scope, read back and noted on the profile.
 * <li><b>Mover</b> (transfer): the new role's package as for a joiner; what only the old role needed is removed after
 * the policy's grace period (durably scheduled) by the {@code offboarding-agent}; SoD is re-checked on the result.
 * <li><b>Leaver</b> (termination, contract end, and contractors found past their end date): guarded automation under the
 * {@code offboarding-agent}: every account disabled, sessions ended, access removed, all read back, a note written;
 * the time from the event's arrival to the last account confirmed disabled is kept for p50/p99.
 * </ul>
 *
 * <p>Who authorises: approvers through {@link io.countersign.approval.Approvals} for grants; the autonomy policy for
 * leavers; the scope guard for every write. Ledgered: the recommendation (package), the policy decision and route,
 * the approvals, every write (executing, executed, read back), refusals, and alerts for accounts active after an
 * HR end date.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Joiner, mover, leaver")
package io.countersign.lifecycle;
