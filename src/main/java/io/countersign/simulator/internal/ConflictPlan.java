package io.countersign.simulator.internal;

import java.util.List;

/**
 * A separation-of-duties conflict to plant: {@code entitlement} given to someone whose role holds the other
 * side of {@code rule}, either kept from {@code movedFrom} (a mover's leftover) or, when that is
 * {@code null}, granted directly.
 *
 * @param preferredUnits desks whose people are chosen first
 */
record ConflictPlan(SodRule rule, int entitlement, Role movedFrom, List<Integer> preferredUnits) {

    boolean moved() {
        return movedFrom != null;
    }
}
