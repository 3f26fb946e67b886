package io.countersign.directory;

/** Stable id of a {@link Account} within Countersign. */
public record AccountId(String value) implements Comparable<AccountId> {

    public AccountId {
        Ids.require(value, "accountId");
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
