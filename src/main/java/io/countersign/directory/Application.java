package io.countersign.directory;

import java.util.Objects;

/**
 * A system people get access to, e.g. "Bloomberg Terminal" or "SWIFT Alliance".
 *
 * @param platform the identity platform that provisions it: {@code okta}, {@code entra}, {@code ad},
 *                 {@code scim} or {@code local}
 */
public record Application(ApplicationId id, String name, String platform, String owner, Sensitivity sensitivity) {

    public Application {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(platform, "platform == null");
        Objects.requireNonNull(sensitivity, "sensitivity == null");
    }
}
