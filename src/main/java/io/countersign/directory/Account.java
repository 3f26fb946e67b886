package io.countersign.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * An account on one platform.
 *
 * @param identityId the owner, {@code null} for an orphan account nobody could be matched to
 */
public record Account(AccountId id, IdentityId identityId, String platform, String login, AccountStatus status,
                      Instant createdAt, Instant lastLoginAt) {

    public Account {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(platform, "platform == null");
        Objects.requireNonNull(login, "login == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }

    public boolean orphan() {
        return identityId == null;
    }
}
