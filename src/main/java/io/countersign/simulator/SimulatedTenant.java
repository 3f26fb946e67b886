package io.countersign.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.directory.AccountStatus;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import io.countersign.simulator.internal.PlatformState;
import io.countersign.simulator.internal.TenantSeeder;
import io.countersign.simulator.internal.WorkerRoster;
import org.springframework.stereotype.Component;

/**
 * The platforms' side of a synthetic bank, held in memory: per platform, its users (with the profile the
 * platform keeps), groups and members, applications and assignments, profile notes, and an event log; and the
 * HR source's workers.
 * Seeded from a snapshot; changed only through its operations, which answer as a platform would (changed,
 * already so, no such account or group) and append to the platform's event log. The HTTP stand-ins and the
 * simulated connector both work on it. Thread-safe; platform ids are deterministic for a snapshot.
 */
@Component
public final class SimulatedTenant {

    /** A platform's answer to a change. */
    public enum Answer { CHANGED, UNCHANGED, NO_SUCH_ACCOUNT, NO_SUCH_GROUP }

    /** A user as the platform holds it. {@code externalId} is the platform's id (Okta's 00u…, a Graph GUID). */
    public record User(String platform, String externalId, String login, String email, String firstName, String lastName,
                       String employeeNumber, String department, String title, String city, String managerLogin,
                       AccountStatus status, Instant created, Instant lastLogin, String reasonNote) {
    }

    /** A group and its members' external ids. */
    public record Group(String platform, String externalId, String name, String description, Set<String> members) {
    }

    /** An application and its assignments: user external id to the roles (permissions) the assignment carries. */
    public record App(String platform, String externalId, String name, Map<String, Set<String>> assignments) {
    }

    /** An entry in a platform's event log, in the order the platform recorded it. */
    public record Event(String platform, String id, String type, Instant at, String actorLogin, String targetLogin,
                        String outcome, String ip, String city, String country, Map<String, Object> details) {
    }

    /** A person as the HR source holds them (the Workday-style feed is generated from these). */
    public record Worker(String employeeId, String name, String email, String title, String department, String desk,
                         String costCentre, String location, String managerEmployeeId, IdentityKind employmentType,
                         LocalDate hireDate, LocalDate endDate, IdentityStatus status) {
    }

    private final Map<String, PlatformState> platforms = new LinkedHashMap<>();
    private List<Worker> workers = List.of();
    private final Map<String, Instant> sessionsEnded = new LinkedHashMap<>();

    /** Replaces everything with the platforms of {@code snapshot}, and a sign-in history of {@code eventsPerUser} each. */
    public synchronized void seed(DirectorySnapshot snapshot, long seed, int eventsPerUser) {
        platforms.clear();
        sessionsEnded.clear();
        new TenantSeeder(snapshot, seed, eventsPerUser).platforms().forEach(state -> platforms.put(state.platform(), state));
        workers = WorkerRoster.of(snapshot);
    }

    public synchronized void seed(DirectorySnapshot snapshot) {
        seed(snapshot, 1, 0);
    }

    public synchronized Set<String> platformNames() {
        return Set.copyOf(platforms.keySet());
    }

    /** The HR source's workers, ordered by employee id. */
    public synchronized List<Worker> workers() {
        return workers;
    }

    public synchronized List<User> users(String platform) {
        return state(platform).users();
    }

    public synchronized Optional<User> user(String platform, String externalId) {
        return state(platform).user(externalId);
    }

    public synchronized Optional<User> userByLogin(String platform, String login) {
        return Optional.ofNullable(state(platform).byLogin(login));
    }

    public synchronized List<Group> groups(String platform) {
        return state(platform).groups();
    }

    public synchronized Optional<Group> group(String platform, String externalId) {
        return state(platform).group(externalId);
    }

    public synchronized List<App> apps(String platform) {
        return state(platform).apps();
    }

    /** The platform's events from {@code fromIndex} on (the log only grows, so an index is a stable cursor). */
    public synchronized List<Event> events(String platform, int fromIndex) {
        return state(platform).events(fromIndex);
    }

    public synchronized int eventCount(String platform) {
        return state(platform).eventCount();
    }

    public synchronized User createUser(String platform, User user) {
        return state(platform).create(user);
    }

    public synchronized Answer createUser(String platform, String login) {
        return state(platform).byLogin(login) != null ? Answer.UNCHANGED : state(platform).createMinimal(login);
    }

    /** Deletes a user, and with it its group memberships and application assignments. */
    public synchronized Answer deleteUser(String platform, String externalId) {
        return state(platform).delete(externalId);
    }

    /** Creates an empty group; empty when the platform already has a group of that name. */
    public synchronized Optional<Group> createGroup(String platform, String name, String description) {
        return state(platform).createGroup(name, description);
    }

    /** Deletes a group; its members keep their accounts. */
    public synchronized Answer deleteGroup(String platform, String externalId) {
        return state(platform).deleteGroup(externalId);
    }

    public synchronized Answer updateUser(String platform, String externalId, Map<String, String> profile) {
        return state(platform).update(externalId, profile);
    }

    public synchronized Answer disable(String platform, String login) {
        return state(platform).setStatus(login, AccountStatus.DISABLED);
    }

    public synchronized Answer enable(String platform, String login) {
        return state(platform).setStatus(login, AccountStatus.ACTIVE);
    }

    public synchronized Answer addMember(String platform, String groupName, String login) {
        return state(platform).membership(groupName, login, true);
    }

    public synchronized Answer removeMember(String platform, String groupName, String login) {
        return state(platform).membership(groupName, login, false);
    }

    public synchronized Answer assignApp(String platform, String login, String entitlementKey) {
        return state(platform).assignment(login, entitlementKey, true);
    }

    public synchronized Answer unassignApp(String platform, String login, String entitlementKey) {
        return state(platform).assignment(login, entitlementKey, false);
    }

    /** Ends the user's sign-in sessions (every one, whether or not any was open) and logs it as the platform would. */
    public synchronized Answer endSessions(String platform, String login) {
        if (state(platform).byLogin(login) == null) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        sessionsEnded.put(platform + "/" + login.toLowerCase(java.util.Locale.ROOT), Instant.now());
        state(platform).log("user.session.clear", null, login, "SUCCESS", Map.of());
        return Answer.CHANGED;
    }

    /** When the user's sessions were last ended, if ever since the tenant was seeded. */
    public synchronized Optional<Instant> sessionsEndedAt(String platform, String login) {
        return Optional.ofNullable(sessionsEnded.get(platform + "/" + login.toLowerCase(java.util.Locale.ROOT)));
    }

    public synchronized Answer setNote(String platform, String login, String note) {
        return state(platform).note(login, note);
    }

    /** Records an event the platform would log itself, e.g. a sign-in the stand-in was asked to simulate. */
    public synchronized Event record(String platform, String type, String actorLogin, String targetLogin, String outcome,
                                     Map<String, Object> details) {
        return state(platform).log(type, actorLogin, targetLogin, outcome, details);
    }

    public synchronized Optional<AccountStatus> accountStatus(String platform, String login) {
        return Optional.ofNullable(state(platform).byLogin(login)).map(User::status);
    }

    public synchronized boolean isMember(String platform, String groupName, String login) {
        return state(platform).isMember(groupName, login);
    }

    public synchronized boolean hasApp(String platform, String login, String entitlementKey) {
        return state(platform).hasApp(login, entitlementKey);
    }

    public synchronized Optional<String> note(String platform, String login) {
        return Optional.ofNullable(state(platform).byLogin(login)).map(User::reasonNote);
    }

    private PlatformState state(String platform) {
        return platforms.computeIfAbsent(platform, PlatformState::empty);
    }
}
