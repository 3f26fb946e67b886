package io.countersign.directory;

import java.util.List;
import java.util.Objects;

/** The entitlements a title on a desk gets by default. */
public record RoleBundle(RoleBundleId id, String name, String title, String department, String desk,
                         List<EntitlementId> entitlements) {

    public RoleBundle {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(department, "department == null");
        Objects.requireNonNull(desk, "desk == null");
        entitlements = List.copyOf(entitlements);
    }
}
