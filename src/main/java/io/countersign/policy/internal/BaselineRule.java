package io.countersign.policy.internal;

import java.util.List;

import io.countersign.policy.PolicyRef;

/**
 * A role baseline: what every identity for which {@code when} holds should have.
 *
 * @param idAt where the baseline's id is written, for duplicate-id problems
 */
record BaselineRule(String id, Condition when, List<String> grants, PolicyRef policy, Location idAt) {

    BaselineRule {
        grants = List.copyOf(grants);
    }
}
