package io.countersign.ledger;

import java.util.Optional;

/**
 * The outcome of checking a ledger (in the database or an export).
 *
 * @param entries     entries checked
 * @param checkpoints signed checkpoints checked
 * @param headSeq     the last sequence number seen
 * @param headHash    the hash of the last entry seen
 * @param keyId       id of the public key the checkpoints were verified with
 * @param breach      the first breach, if any
 */
public record VerificationReport(long entries, long checkpoints, long headSeq, String headHash, String keyId,
                                 Optional<Breach> breach) {

    public boolean intact() {
        return breach.isEmpty();
    }
}
