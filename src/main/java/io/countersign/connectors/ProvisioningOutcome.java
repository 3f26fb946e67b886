package io.countersign.connectors;

import java.util.List;

/**
 * How a provisioning request ended.
 *
 * @param readBack   the target's state afterwards; {@code null} when nothing was attempted or the write failed
 * @param ledgerSeqs the entries written for it, in order (a refusal, or executing / executed / read_back)
 */
public record ProvisioningOutcome(ChangeResult result, ReadBack readBack, List<Long> ledgerSeqs) {

    public ProvisioningOutcome {
        ledgerSeqs = List.copyOf(ledgerSeqs);
    }

    /** Applied (or already so) and confirmed by reading the target back. */
    public boolean confirmed() {
        return readBack != null && readBack.confirmed()
                && (result instanceof ChangeResult.Applied || result instanceof ChangeResult.AlreadyInState);
    }

    public long lastSeq() {
        return ledgerSeqs.getLast();
    }
}
