package io.countersign.directory;

/** Stable id of a {@link Group} within Countersign. */
public record GroupId(String value) implements Comparable<GroupId> {

    public GroupId {
        Ids.require(value, "groupId");
    }

    @Override
    public int compareTo(GroupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
