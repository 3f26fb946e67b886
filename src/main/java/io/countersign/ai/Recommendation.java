package io.countersign.ai;

import java.util.List;

import io.countersign.ledger.ModelRef;
import io.countersign.ledger.TemplateRef;

/**
 * A reasoner's advice, as recorded in the ledger at {@code ledgerSeq}.
 *
 * @param action     what it advises, e.g. {@code revoke} or {@code review}
 * @param target     the option it advises acting on (an option id), or {@code null}
 * @param confidence calibrated probability that the action is right, in [0, 1]
 */
public record Recommendation(long ledgerSeq, String action, String target, double confidence,
                             List<FactorContribution> contributions, String narrative, ModelRef model, TemplateRef template) {

    public Recommendation {
        contributions = List.copyOf(contributions);
    }
}
