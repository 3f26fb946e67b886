package io.countersign.policy;

import java.util.List;
import java.util.Objects;

/**
 * A separation-of-duties rule that an identity's entitlements break.
 *
 * @param ruleId             the rule's id in the SoD matrix
 * @param name               the rule's human-readable name
 * @param severity           {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param matchedKeysPerSide for each side of the rule in declaration order, the held entitlement keys that fall
 *                           on it (empty for a side not held)
 * @param mitigations        the mitigations the rule names, e.g. {@code dual_authorisation}
 * @param policy             the file that holds the rule
 */
public record SodViolation(String ruleId, String name, String severity, List<List<String>> matchedKeysPerSide,
        List<String> mitigations, PolicyRef policy) {

    public SodViolation {
        Objects.requireNonNull(ruleId, "ruleId == null");
        matchedKeysPerSide = matchedKeysPerSide.stream().<List<String>>map(List::copyOf).toList();
        mitigations = List.copyOf(mitigations);
        Objects.requireNonNull(policy, "policy == null");
    }
}
