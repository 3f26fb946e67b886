package io.countersign.lifecycle.requests.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access request settings.
 *
 * @param autoApproveProbability  the approval model's probability a catalogued request needs to be approved without a person
 * @param justificationMinLength  the fewest characters a justification may have (after trimming)
 * @param maxDurationDays         the longest time-bound request
 * @param sodBlockSeverities      conflict severities self-service never routes for mitigation: such a request is blocked
 * @param reasonsShown            how many of the model's reasons a request and its approval carry
 * @param holdoutShare            the share of the request history kept out of training to measure the model
 * @param modelSeed               seeds the model's training and the held-out split (same history, same model)
 * @param revocationCheck         how often ended time-bound grants are looked for and removed
 * @param trainingCsv             a CSV of past requests to train the approval model on instead of the directory's request
 *                                history; its columns are some of {@code resource, manager, department, desk, title, location,
 *                                cost_centre, employment_type} (resource required) and the label column
 * @param trainingLabel           the training CSV's label column: 1/0, true/false or approved/denied
 */
@ConfigurationProperties("countersign.requests")
record RequestProperties(@DefaultValue("0.8") double autoApproveProbability, @DefaultValue("20") int justificationMinLength,
                         @DefaultValue("365") int maxDurationDays, @DefaultValue("critical") List<String> sodBlockSeverities,
                         @DefaultValue("3") int reasonsShown, @DefaultValue("0.2") double holdoutShare,
                         @DefaultValue("42") long modelSeed, @DefaultValue("PT1M") Duration revocationCheck,
                         Path trainingCsv, @DefaultValue("approved") String trainingLabel) {

    RequestProperties {
        if (autoApproveProbability <= 0 || autoApproveProbability > 1) {
            throw new IllegalArgumentException("countersign.requests.auto-approve-probability must be in (0, 1], was " + autoApproveProbability);
        }
        if (holdoutShare < 0 || holdoutShare >= 1) {
            throw new IllegalArgumentException("countersign.requests.holdout-share must be in [0, 1), was " + holdoutShare);
        }
        if (justificationMinLength < 1 || maxDurationDays < 1 || reasonsShown < 1) {
            throw new IllegalArgumentException("countersign.requests: justification-min-length, max-duration-days and reasons-shown must be positive");
        }
        sodBlockSeverities = List.copyOf(sodBlockSeverities);
    }
}
