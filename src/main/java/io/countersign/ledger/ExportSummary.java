package io.countersign.ledger;

import java.nio.file.Path;

/** What an export wrote. */
public record ExportSummary(Path file, long entries, long checkpoints, long headSeq, String headHash, String keyId) {
}
