package io.countersign.directory;

/** Stable id of a {@link Application} within Countersign. */
public record ApplicationId(String value) implements Comparable<ApplicationId> {

    public ApplicationId {
        Ids.require(value, "applicationId");
    }

    @Override
    public int compareTo(ApplicationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
