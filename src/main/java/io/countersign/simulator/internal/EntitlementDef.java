package io.countersign.simulator.internal;

import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.Sensitivity;

/**
 * An entitlement of the catalogue.
 *
 * @param groupName the platform group that carries it, {@code null} when it is held on the account directly
 */
record EntitlementDef(int index, ApplicationDef application, String permission, PrivilegeLevel privilege,
                      Sensitivity sensitivity, String description, String groupName) {

    String key() {
        return application.name() + ":" + permission;
    }

    Platform platform() {
        return application.platform();
    }

    boolean grouped() {
        return groupName != null;
    }
}
