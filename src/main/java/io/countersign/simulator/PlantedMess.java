package io.countersign.simulator;

import java.util.List;

import io.countersign.directory.AccountId;
import io.countersign.directory.IdentityId;

/**
 * The problems planted in a synthetic bank. Each list is exactly what its definition finds in the
 * snapshot, in snapshot order, so a detector can be scored against it.
 *
 * @param sodViolations                 every (identity, rule, left entitlement, right entitlement) combination
 *                                      held across the identity's assignments; nothing else in the bank
 *                                      breaks a rule
 * @param dormantAssignments            assignments never used, or last used more than 90 days before
 *                                      {@code asOf}; about 5% of all
 * @param priorRoleLeftovers            assignments kept after a move to another desk or title (source
 *                                      {@code PRIOR_ROLE}), including most of the planted violations
 * @param orphanAccounts                accounts no identity could be matched to
 * @param terminatedWithActiveAccounts  terminated identities that still have an active account
 * @param expiredContractorsActive      contractors past their end date whose HR status and accounts are
 *                                      still active
 */
public record PlantedMess(List<SodViolation> sodViolations, List<AssignmentKey> dormantAssignments,
                          List<AssignmentKey> priorRoleLeftovers, List<AccountId> orphanAccounts,
                          List<IdentityId> terminatedWithActiveAccounts, List<IdentityId> expiredContractorsActive) {

    /** How long an assignment may go unused before it counts as dormant. */
    public static final int DORMANT_AFTER_DAYS = 90;

    public PlantedMess {
        sodViolations = List.copyOf(sodViolations);
        dormantAssignments = List.copyOf(dormantAssignments);
        priorRoleLeftovers = List.copyOf(priorRoleLeftovers);
        orphanAccounts = List.copyOf(orphanAccounts);
        terminatedWithActiveAccounts = List.copyOf(terminatedWithActiveAccounts);
        expiredContractorsActive = List.copyOf(expiredContractorsActive);
    }
}
