package io.countersign.directory;

import java.util.Objects;

/**
 * A person or service known to the bank.
 *
 * @param employeeId the HR source's employee id, the key that survives name changes and re-hires;
 *                   {@code null} for service accounts
 */
public record Identity(IdentityId id, String employeeId, String displayName, String email, IdentityKind kind,
                       IdentityStatus status) {

    public Identity {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(displayName, "displayName == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(status, "status == null");
        if (kind != IdentityKind.SERVICE && (employeeId == null || employeeId.isBlank())) {
            throw new IllegalArgumentException("employeeId is required for a " + kind.name().toLowerCase() + " (identity " + id + ")");
        }
    }
}
