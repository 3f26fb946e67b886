package io.countersign.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one platform holds, as read from it: users, groups, memberships and application assignments,
 * keyed by the platform's own ids. {@link Directory#mergePlatform} turns it into accounts and assignments.
 */
public record PlatformSnapshot(String platform, Instant readAt, List<User> users, List<PlatformGroup> groups,
                               List<Membership> memberships, List<AppAssignment> appAssignments) {

    public PlatformSnapshot {
        Objects.requireNonNull(platform, "platform == null");
        Objects.requireNonNull(readAt, "readAt == null");
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        memberships = List.copyOf(memberships);
        appAssignments = List.copyOf(appAssignments);
    }

    /**
     * A user account on the platform.
     *
     * @param employeeId the HR employee id the platform carries (e.g. Okta's employeeNumber), used to match the identity
     */
    public record User(String externalId, String login, String email, String displayName, String employeeId,
                       AccountStatus status, Instant createdAt, Instant lastLoginAt) {

        public User {
            Objects.requireNonNull(externalId, "externalId == null");
            Objects.requireNonNull(login, "login == null");
            Objects.requireNonNull(status, "status == null");
        }
    }

    /** A group on the platform. */
    public record PlatformGroup(String externalId, String name, String description) {

        public PlatformGroup {
            Objects.requireNonNull(externalId, "externalId == null");
            Objects.requireNonNull(name, "name == null");
        }
    }

    /** A user in a group, both by the platform's ids. */
    public record Membership(String groupExternalId, String userExternalId) { }

    /**
     * A user assigned to an application, with the role or permission the assignment carries.
     *
     * @param permission e.g. {@code TRADER_BPS}; the entitlement is {@code appName:permission}
     */
    public record AppAssignment(String appName, String permission, String userExternalId) { }
}
