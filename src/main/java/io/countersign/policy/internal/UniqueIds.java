package io.countersign.policy.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Remembers where each id was first written, to report duplicates with both places. */
final class UniqueIds {

    private final Map<String, Location> seen = new HashMap<>();

    /** Records {@code id} at {@code location}; answers where it was written before, if it was. */
    Optional<Location> claim(String id, Location location) {
        return Optional.ofNullable(seen.putIfAbsent(id, location));
    }
}
