package io.countersign.ledger;

import java.util.List;

/**
 * Why something happened: a ledger entry, what it followed from, and what followed from it.
 *
 * @param antecedents the entries it links to, directly or through others, oldest first
 * @param followUps   the entries linking to it, directly or through others (approval, execution, read-back), oldest first
 */
public record Explanation(LedgerEntry decision, List<LedgerEntry> antecedents, List<LedgerEntry> followUps) {

    public Explanation {
        antecedents = List.copyOf(antecedents);
        followUps = List.copyOf(followUps);
    }
}
