package io.countersign.directory;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The directory: identities, their HR records, accounts, entitlements and assignments.
 *
 * <p>It mirrors the platforms and the HR source; it is filled by {@link #load} (a synthetic bank or a
 * sync) and changed by confirmed platform state (after a write was read back), never by a proposal.
 * Reads are open to every module.
 */
public interface Directory {

    /** Replaces the whole directory with {@code snapshot} in one transaction: all of it or none of it. */
    void load(DirectorySnapshot snapshot);

    /**
     * Brings one platform's accounts, groups, memberships and assignments in line with what the platform
     * holds, in one transaction. Accounts are matched to identities by employee id, then e-mail; an account
     * matching no one is an orphan. Assignments that stay keep their history (granted at, by, last used);
     * new ones are recorded as granted by {@code sync:<platform>}; entitlements the catalogue lacks are created.
     */
    MergeSummary mergePlatform(PlatformSnapshot snapshot);

    /** Where the current contents came from, e.g. {@code synthetic:seed=42,employees=2000,days=180}. */
    Optional<String> source();

    DirectoryCounts counts();

    Optional<Identity> identity(IdentityId id);

    Optional<Identity> identityByEmployeeId(String employeeId);

    Optional<HrRecord> hrRecord(IdentityId id);

    List<Identity> identities(int offset, int limit);

    List<Account> accountsOf(IdentityId id);

    List<Assignment> assignmentsOf(IdentityId id);

    /** The entitlement catalogue. */
    List<Entitlement> entitlements();

    Optional<Entitlement> entitlement(EntitlementId id);

    /** By policy key {@code system:permission}. */
    Optional<Entitlement> entitlementByKey(String key);

    Optional<Account> account(AccountId id);

    Optional<Group> group(GroupId id);

    /**
     * The name of the group that carries an entitlement on its platform, or empty when it is an application permission.
     * Throws {@link IllegalStateException} when the entitlement names a group the directory does not hold.
     */
    default Optional<String> carryingGroup(Entitlement entitlement) {
        if (entitlement.groupId() == null) {
            return Optional.empty();
        }
        return Optional.of(group(entitlement.groupId()).orElseThrow(() -> new IllegalStateException(
                entitlement.key() + " is carried by group " + entitlement.groupId().value() + ", which the directory does not hold")).name());
    }

    Optional<Application> application(ApplicationId id);

    /** The person titled "Head of {desk}" in {@code department}, if there is exactly one. */
    Optional<IdentityId> deskHead(String department, String desk);

    /** Active identities with exactly this title. */
    List<IdentityId> withTitle(String title);

    /** Identities holding an entitlement, in id order. */
    List<IdentityId> holdersOf(EntitlementId entitlementId);

    /** Calls {@code sink} once per identity with an HR record, in id order, with everything it holds. */
    void forEachHolder(Consumer<Holdings> sink);

    /** How common each entitlement is among each (department, desk, title) peer group of active people. */
    PeerStatistics peerStatistics();

    /**
     * Applies an HR change to the identity with that employee id (creating it for a first hire), in the caller's
     * transaction if there is one. Never deletes and re-creates: a rename or a re-hire keeps the identity id, its
     * accounts and its history. Throws {@link IllegalArgumentException} when a new worker lacks a required field.
     */
    WorkerUpdate.Applied applyWorker(WorkerUpdate update);

    /** Records an account a platform confirmed (created, re-enabled or disabled); returns its id. */
    AccountId confirmAccount(IdentityId identityId, String platform, String login, AccountStatus status);

    /** Records that a platform confirmed an assignment is gone; returns false if it was not held. */
    boolean confirmRevoked(IdentityId identityId, EntitlementId entitlementId);

    /** Calls {@code sink} once per past access request, oldest first: the approval model's training data. */
    void forEachPastRequest(Consumer<PastAccessRequest> sink);

    /**
     * Records an assignment a platform confirmed after a grant; returns false if it was already held, in which case the
     * assignment keeps its history.
     */
    boolean confirmGranted(Assignment assignment);
}
