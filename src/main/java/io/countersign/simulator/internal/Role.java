package io.countersign.simulator.internal;

import java.util.Arrays;

/**
 * A title on a desk (or office), with its role bundle.
 *
 * @param unit     index of the desk or office in {@link Organisation#units()}
 * @param cap      most people with this role in a bank of 2,000, 0 for no cap
 * @param bundle   entitlement indices of the role bundle, baseline included, ascending
 * @param requests entitlement indices the role's peers commonly request, outside the bundle
 */
record Role(int index, String title, String department, String desk, String costCentre, RoleLevel level, int unit,
            double weight, int cap, int[] bundle, int[] requests) {

    boolean holds(int entitlement) {
        return Arrays.binarySearch(bundle, entitlement) >= 0;
    }
}
