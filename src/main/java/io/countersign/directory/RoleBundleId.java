package io.countersign.directory;

/** Stable id of a {@link RoleBundle} within Countersign. */
public record RoleBundleId(String value) implements Comparable<RoleBundleId> {

    public RoleBundleId {
        Ids.require(value, "roleBundleId");
    }

    @Override
    public int compareTo(RoleBundleId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
