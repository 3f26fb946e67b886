package io.countersign.directory;

/**
 * What merging a platform snapshot changed.
 *
 * @param identitiesCreated people the platform vouched for (an employee id) whom the directory did not know yet
 */
public record MergeSummary(String platform, int users, int identitiesCreated, int accountsAdded, int accountsUpdated, int accountsRemoved,
                           int orphanAccounts, int groups, int memberships, int assignmentsAdded, int assignmentsRemoved,
                           int entitlementsCreated) {
}
