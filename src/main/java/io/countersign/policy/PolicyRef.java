package io.countersign.policy;

import java.util.Objects;

/**
 * The exact policy file that shaped a decision, for the ledger.
 *
 * @param id          the file's declared {@code id}
 * @param version     the file's declared {@code version}, set by its authors
 * @param contentHash first 16 hex characters of the SHA-256 of the file's bytes, so an edit made without a
 *                    version bump is still visible
 */
public record PolicyRef(String id, int version, String contentHash) {

    public PolicyRef {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(contentHash, "contentHash == null");
    }
}
