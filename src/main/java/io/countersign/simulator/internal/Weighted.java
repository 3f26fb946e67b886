package io.countersign.simulator.internal;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** Items drawn in proportion to their weights. */
record Weighted<T>(List<T> items, double[] cumulative) {

    static <T> Weighted<T> of(List<T> items, List<Double> weights) {
        if (items.isEmpty() || items.size() != weights.size()) {
            throw new IllegalArgumentException("need one weight per item, and at least one item");
        }
        double[] cumulative = new double[weights.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weights.get(i);
            cumulative[i] = total;
        }
        return new Weighted<>(List.copyOf(items), cumulative);
    }

    T pick(RandomGenerator random) {
        return items.get(indexOf(random.nextDouble() * cumulative[cumulative.length - 1]));
    }

    T first() {
        return items.getFirst();
    }

    private int indexOf(double point) {
        int found = Arrays.binarySearch(cumulative, point);
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }
}
