package io.countersign.simulator;

import java.util.Objects;

import io.countersign.directory.DirectorySnapshot;

/**
 * A synthetic bank: its directory, and the list of problems planted in it on purpose.
 *
 * @param snapshot the whole directory, ready to load
 * @param planted  what a governance review of {@code snapshot} should find
 */
public record GeneratedBank(DirectorySnapshot snapshot, PlantedMess planted) {

    public GeneratedBank {
        Objects.requireNonNull(snapshot, "snapshot == null");
        Objects.requireNonNull(planted, "planted == null");
    }
}
