package io.countersign.directory;

import java.util.Objects;

/** Guards shared by the directory's typed ids. */
final class Ids {

    private Ids() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }
}
