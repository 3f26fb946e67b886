package io.countersign.directory;

import java.util.List;
import java.util.Objects;

/**
 * A complete, self-consistent picture of a bank's directory, loaded in one transaction.
 *
 * @param source where it came from, e.g. {@code synthetic:seed=42,employees=2000,days=365}
 */
public record DirectorySnapshot(String source, List<Identity> identities, List<HrRecord> hrRecords,
                                List<Application> applications, List<Group> groups, List<Entitlement> entitlements,
                                List<Account> accounts, List<GroupMembership> memberships, List<RoleBundle> roleBundles,
                                List<Assignment> assignments, List<PastAccessRequest> requestHistory) {

    public DirectorySnapshot {
        Objects.requireNonNull(source, "source == null");
        identities = List.copyOf(identities);
        hrRecords = List.copyOf(hrRecords);
        applications = List.copyOf(applications);
        groups = List.copyOf(groups);
        entitlements = List.copyOf(entitlements);
        accounts = List.copyOf(accounts);
        memberships = List.copyOf(memberships);
        roleBundles = List.copyOf(roleBundles);
        assignments = List.copyOf(assignments);
        requestHistory = List.copyOf(requestHistory);
    }
}
