package io.countersign.policy;

import java.util.List;
import java.util.Objects;

/**
 * A role baseline that applies to an identity.
 *
 * @param baselineId the baseline's id
 * @param grants     the entitlement keys the baseline grants
 * @param policy     the baseline file
 */
public record BaselineMatch(String baselineId, List<String> grants, PolicyRef policy) {

    public BaselineMatch {
        Objects.requireNonNull(baselineId, "baselineId == null");
        grants = List.copyOf(grants);
        Objects.requireNonNull(policy, "policy == null");
    }
}
