package io.countersign.remediation;

import java.util.List;

/**
 * What one review found and did.
 *
 * @param violations    violations in the directory now
 * @param raised        new findings (each with a ledgered recommendation)
 * @param alreadyOpen   violations already under review, not raised again
 * @param routedToHuman findings sent for approval
 * @param automated     findings remediated without a person, as policy allowed
 */
public record SodReviewSummary(int identitiesScanned, int violations, int raised, int alreadyOpen, int routedToHuman,
                               int automated, List<String> findingIds) {

    public SodReviewSummary {
        findingIds = List.copyOf(findingIds);
    }
}
