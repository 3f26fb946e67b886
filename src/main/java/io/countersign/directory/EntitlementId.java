package io.countersign.directory;

/** Stable id of a {@link Entitlement} within Countersign. */
public record EntitlementId(String value) implements Comparable<EntitlementId> {

    public EntitlementId {
        Ids.require(value, "entitlementId");
    }

    @Override
    public int compareTo(EntitlementId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
