package io.countersign.directory;

import java.util.Objects;

/** A group on a platform, e.g. an AD security group or an Okta group. */
public record Group(GroupId id, String platform, String name, String description) {

    public Group {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(platform, "platform == null");
        Objects.requireNonNull(name, "name == null");
    }
}
