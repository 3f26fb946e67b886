package io.countersign.policy.internal;

import java.util.List;

import io.countersign.policy.PolicyRef;

/**
 * A separation-of-duties rule: a violation when entitlements from at least {@code minSides} of its sides are
 * held, by an identity for which {@code appliesWhen} holds (always, when {@code null}).
 *
 * @param idAt where the rule's id is written, for duplicate-id problems
 */
record SodRule(String id, String name, String severity, List<SodSide> sides, int minSides,
        Condition appliesWhen, List<String> mitigations, PolicyRef policy, Location idAt) {

    SodRule {
        sides = List.copyOf(sides);
        mitigations = List.copyOf(mitigations);
    }
}
