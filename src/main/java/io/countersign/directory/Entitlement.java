package io.countersign.directory;

import java.util.Objects;

/**
 * One permission within an application, e.g. Murex {@code EXECUTE_TRADE}.
 *
 * @param system     the application's name, denormalised for policies and narratives
 * @param permission the permission's name within the application
 * @param groupId    the platform group that carries it, when it is granted by group membership
 */
public record Entitlement(EntitlementId id, ApplicationId applicationId, String system, String permission,
                          PrivilegeLevel privilege, Sensitivity sensitivity, String description, GroupId groupId) {

    public Entitlement {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(applicationId, "applicationId == null");
        Objects.requireNonNull(system, "system == null");
        Objects.requireNonNull(permission, "permission == null");
        Objects.requireNonNull(privilege, "privilege == null");
        Objects.requireNonNull(sensitivity, "sensitivity == null");
    }

    /** The key policies use for this entitlement: {@code system:permission}. */
    public String key() {
        return system + ":" + permission;
    }
}
