package io.countersign.ledger;

/** How a ledger was found to be broken. */
public enum BreachKind {
    /** An entry's content, a copy of it, or an earlier part of the chain was changed. */
    EDITED,
    /** Entries are missing from the middle of the chain. */
    MISSING,
    /** Entries are out of order. */
    REORDERED,
    /** Entries covered by a signed checkpoint are gone from the end. */
    TRUNCATED,
    /** A checkpoint's signature does not verify with the ledger's public key. */
    BAD_SIGNATURE,
    /** An entry or export line is not readable at all. */
    MALFORMED
}
