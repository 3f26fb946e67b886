package io.countersign.simulator;

import java.util.Objects;

import io.countersign.directory.IdentityId;

/**
 * One identity holding both sides of a separation-of-duties rule.
 *
 * @param ruleId   the rule, e.g. {@code sod-payment-maker-checker}
 * @param leftKey  the entitlement held from the rule's first set, as {@code system:permission}
 * @param rightKey the entitlement held from the rule's second set, as {@code system:permission}
 */
public record SodViolation(IdentityId identityId, String ruleId, String leftKey, String rightKey) {

    public SodViolation {
        Objects.requireNonNull(identityId, "identityId == null");
        Objects.requireNonNull(ruleId, "ruleId == null");
        Objects.requireNonNull(leftKey, "leftKey == null");
        Objects.requireNonNull(rightKey, "rightKey == null");
    }
}
