package io.countersign.directory;

/** Stable id of a {@link Identity} within Countersign. */
public record IdentityId(String value) implements Comparable<IdentityId> {

    public IdentityId {
        Ids.require(value, "identityId");
    }

    @Override
    public int compareTo(IdentityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
