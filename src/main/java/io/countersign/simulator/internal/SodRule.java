package io.countersign.simulator.internal;

import java.util.BitSet;

/** A separation-of-duties rule over entitlement indices: nobody may hold one of {@code left} and one of {@code right}. */
record SodRule(int index, String id, int[] left, int[] right) {

    boolean conflicts(BitSet held, int entitlement) {
        return (contains(left, entitlement) && any(held, right)) || (contains(right, entitlement) && any(held, left));
    }

    /** The other side from the one {@code entitlement} is on, or an empty array when it is on neither. */
    int[] opposite(int entitlement) {
        if (contains(left, entitlement)) {
            return right;
        }
        return contains(right, entitlement) ? left : new int[0];
    }

    private static boolean contains(int[] side, int entitlement) {
        for (int member : side) {
            if (member == entitlement) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(BitSet held, int[] side) {
        for (int member : side) {
            if (held.get(member)) {
                return true;
            }
        }
        return false;
    }
}
