package io.countersign.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.countersign.ledger.internal.ExportVerifier;

/**
 * The decision ledger.
 *
 * <p>Who writes: every module that proposes, decides or acts, through {@link #append}, before it acts.
 * Who reads: the explain API, auditors (through export and verify) and reconciliation. Nothing is ever
 * changed or removed; a correction is a new entry linked to the old one.
 */
public interface Ledger {

    /**
     * Appends an entry and returns it as recorded. Joins the caller's transaction if there is one (so a
     * state change and its entry commit together), otherwise commits before returning, so the caller may
     * act on it at once. A checkpoint is signed every {@code countersign.ledger.checkpoint-every} entries.
     */
    LedgerEntry append(LedgerDraft draft);

    Optional<LedgerEntry> entry(long seq);

    /** The entries that follow from {@code seq}: those linking to it, and to those, and so on, in order. */
    List<LedgerEntry> followUps(long seq);

    /** The entry, the entries it followed from, and those that followed from it. */
    Optional<Explanation> explain(long seq);

    /** Newest first, before {@code beforeSeq}, optionally only those about {@code subject}. */
    List<LedgerEntry> page(long beforeSeq, int limit, String subject);

    long size();

    /** Checks the whole chain and every checkpoint in the database. */
    VerificationReport verify();

    /** Signs a checkpoint at the current head (if it has none yet) and returns the latest checkpoint. */
    Optional<Checkpoint> checkpoint();

    /**
     * Writes the ledger to {@code file} as JSON lines: a header with the public key, every entry's canonical
     * JSON exactly as hashed, then the signed checkpoints. A checkpoint at the head is signed first.
     */
    ExportSummary export(Path file);

    /** The public key that verifies checkpoints, as SubjectPublicKeyInfo PEM. */
    String publicKeyPem();

    String keyId();

    /**
     * Verifies an export offline. With {@code pinnedPublicKeyPem} the checkpoints must verify with that
     * key; without it, with the key the file carries (which only proves internal consistency).
     */
    static VerificationReport verifyExport(Path file, Optional<String> pinnedPublicKeyPem) {
        return ExportVerifier.verify(file, pinnedPublicKeyPem);
    }
}
