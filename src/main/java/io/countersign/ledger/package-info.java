/**
 * The decision ledger: what the AI proposed, what policy decided, who approved, what was executed and
 * what the target said afterwards, in one append-only, hash-chained record.
 *
 * <p>The entry class is {@link io.countersign.ledger.Ledger}. Every entry is RFC 8785 canonical JSON;
 * its hash is SHA-256 over those bytes and the next entry carries it as {@code prev_hash}. Checkpoints
 * sign the head with an Ed25519 key kept in the data directory. The database refuses UPDATE, DELETE and
 * TRUNCATE on the ledger tables; only this module's internals write them, one writer at a time.
 * Callers append before they act (write-before-act): an external action starts only after the entry
 * that authorises it is committed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package io.countersign.ledger;
