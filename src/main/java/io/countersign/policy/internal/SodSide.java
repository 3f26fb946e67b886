package io.countersign.policy.internal;

import java.util.Set;

/**
 * One side of a separation-of-duties rule: entitlements named by exact key and/or matched by a CEL
 * expression over {@code entitlement}.
 *
 * @param match {@code null} when the side is keys only
 */
record SodSide(Set<String> keys, Condition match) {

    SodSide {
        keys = Set.copyOf(keys);
    }
}
