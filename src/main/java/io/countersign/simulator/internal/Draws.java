package io.countersign.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random draws the generator needs beyond uniform ones. Uses {@link StrictMath} so that a seed gives the
 * same bank on every JVM.
 */
final class Draws {

    private Draws() {
    }

    /** An exponentially distributed value with the given mean. */
    static double exponential(RandomGenerator random, double mean) {
        return -mean * StrictMath.log(1 - random.nextDouble());
    }

    /** A standard normal value (Box-Muller). */
    static double normal(RandomGenerator random) {
        double u = 1 - random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
    }

    /** A whole number of days in {@code [from, to]}. */
    static int days(RandomGenerator random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** A shuffled copy (Fisher-Yates). */
    static <T> List<T> shuffled(List<T> items, RandomGenerator random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    static double logistic(double logit) {
        return 1 / (1 + StrictMath.exp(-logit));
    }
}
