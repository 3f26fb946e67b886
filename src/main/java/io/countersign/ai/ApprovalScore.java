package io.countersign.ai;

import java.util.List;

/**
 * The approval model's answer for one request.
 *
 * @param probability calibrated probability that the request would be approved
 * @param factors     the named factors behind it on the log-odds scale, largest |contribution| first; their
 *                    contributions (including the {@code prior} base term) add up to the logit of {@code probability}
 */
public record ApprovalScore(double probability, List<FactorContribution> factors) {

    public ApprovalScore {
        factors = List.copyOf(factors);
    }

    /** The log-odds of approval: the sum of the factor contributions. */
    public double logit() {
        return Math.log(probability / (1 - probability));
    }
}
