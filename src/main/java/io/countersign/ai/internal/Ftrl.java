package io.countersign.ai.internal;

import java.util.Random;

/**
 * Logistic regression on one-hot features by FTRL-proximal (McMahan et al., 2013): per-coordinate adaptive
 * steps with L1 and L2. Row order is shuffled from the seed each epoch, so training is deterministic.
 */
final class Ftrl {

    private static final double BETA = 1.0;

    private final double alpha;
    private final double l1;
    private final double l2;
    private final double[] z;
    private final double[] n;

    /** {@code size} features plus one bias at index {@code size}. */
    Ftrl(int size, double alpha, double l1, double l2) {
        this.alpha = alpha;
        this.l1 = l1;
        this.l2 = l2;
        this.z = new double[size + 1];
        this.n = new double[size + 1];
    }

    /** Trains on encoded rows (feature ids, -1 for none) and returns the weights, the bias last. */
    double[] train(int[][] rows, boolean[] labels, int epochs, long seed) {
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int r : order) {
                update(rows[r], labels[r]);
            }
        }
        double[] weights = new double[z.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(i);
        }
        return weights;
    }

    private void update(int[] ids, boolean approved) {
        int bias = z.length - 1;
        double logit = weight(bias);
        for (int id : ids) {
            if (id >= 0) {
                logit += weight(id);
            }
        }
        double gradient = Logistic.sigmoid(logit) - (approved ? 1 : 0);
        step(bias, gradient);
        for (int id : ids) {
            if (id >= 0) {
                step(id, gradient);
            }
        }
    }

    private void step(int i, double gradient) {
        double w = weight(i);
        double squared = gradient * gradient;
        double sigma = (Math.sqrt(n[i] + squared) - Math.sqrt(n[i])) / alpha;
        z[i] += gradient - sigma * w;
        n[i] += squared;
    }

    private double weight(int i) {
        double penalty = i == z.length - 1 ? 0 : l1;
        if (Math.abs(z[i]) <= penalty) {
            return 0;
        }
        double ridge = i == z.length - 1 ? 0 : l2;
        return -(z[i] - Math.signum(z[i]) * penalty) / ((BETA + Math.sqrt(n[i])) / alpha + ridge);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
