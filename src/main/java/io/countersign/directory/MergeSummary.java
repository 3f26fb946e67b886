package io.countersign.directory;

/** What merging a platform snapshot changed. */
public record MergeSummary(String platform, int users, int accountsAdded, int accountsUpdated, int accountsRemoved,
                           int orphanAccounts, int groups, int memberships, int assignmentsAdded, int assignmentsRemoved,
                           int entitlementsCreated) {
}
