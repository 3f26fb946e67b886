package io.countersign.directory;

import java.util.Objects;

/** An account's membership of a platform group. */
public record GroupMembership(GroupId groupId, AccountId accountId) {

    public GroupMembership {
        Objects.requireNonNull(groupId, "groupId == null");
        Objects.requireNonNull(accountId, "accountId == null");
    }
}
