package io.countersign.ledger;

import java.time.Instant;

/** A signed statement that the ledger's entry {@code seq} has hash {@code headHash}. */
public record Checkpoint(long seq, String headHash, Instant signedAt, String keyId, String signature) {
}
