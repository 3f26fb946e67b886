package io.countersign.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * The risk tier of an item and how its approval is routed.
 *
 * @param tierId            the first tier whose condition held
 * @param route             who approves
 * @param approvalsRequired how many distinct approvers must agree
 * @param expiresAfter      how long the approval request stays open
 * @param policy            the risk-tier file
 */
public record RiskAssessment(String tierId, Route route, int approvalsRequired, Duration expiresAfter,
        PolicyRef policy) {

    public RiskAssessment {
        Objects.requireNonNull(tierId, "tierId == null");
        Objects.requireNonNull(route, "route == null");
        Objects.requireNonNull(expiresAfter, "expiresAfter == null");
        Objects.requireNonNull(policy, "policy == null");
    }
}
