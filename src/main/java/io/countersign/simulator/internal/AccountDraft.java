package io.countersign.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;

/** An account while the bank is being generated; {@code owner} is {@code null} for an orphan. */
final class AccountDraft {

    final Person owner;
    final Platform platform;
    final String login;
    final AccountStatus status;
    Instant createdAt;
    Instant lastLoginAt;
    /** Entitlement indices whose groups the account is a member of, in the order they were joined. */
    final List<Integer> groups = new ArrayList<>();
    AccountId id;

    AccountDraft(Person owner, Platform platform, String login, AccountStatus status, Instant createdAt) {
        this.owner = owner;
        this.platform = platform;
        this.login = login;
        this.status = status;
        this.createdAt = createdAt;
    }

    /** Moves the creation back and the last login forward so they cover a use of the account. */
    void cover(Instant grantedAt, Instant usedAt) {
        if (grantedAt.isBefore(createdAt)) {
            createdAt = grantedAt;
        }
        if (usedAt != null && (lastLoginAt == null || usedAt.isAfter(lastLoginAt))) {
            lastLoginAt = usedAt;
        }
    }
}
