package io.countersign.ai.internal;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Grows one oblivious tree on the log-loss gradients: level by level, the input and threshold that most
 * reduce the second-order loss over all nodes of the level. Inputs are scanned in parallel; ties go to the
 * lower input number, so the tree does not depend on the thread schedule.
 */
final class TreeGrower {

    /** A grown tree: the split of each level, heap-ordered node values, and the leaf each training row fell in. */
    record Tree(int[] inputs, int[] buckets, double[] nodeValues, int[] leafOfRow) {

        double leafValue(int row) {
            return nodeValues[leafOfRow[row]];
        }
    }

    private record Split(int input, int bucket, double gain) {
    }

    private final byte[][] buckets;
    private final ObliviousBoosting.Plan plan;
    private final int bucketCount;

    TreeGrower(byte[][] buckets, ObliviousBoosting.Plan plan) {
        this.buckets = buckets;
        this.plan = plan;
        this.bucketCount = plan.borders() + 1;
    }

    Tree grow(double[] logits, boolean[] labels, Random random) {
        int rows = labels.length;
        double[] gradients = new double[rows];
        double[] hessians = new double[rows];
        int[] sampled = new int[rows];
        int count = 0;
        for (int r = 0; r < rows; r++) {
            if (random.nextDouble() < plan.subsample()) {
                double p = Logistic.sigmoid(logits[r]);
                gradients[r] = p - (labels[r] ? 1 : 0);
                hessians[r] = Math.max(p * (1 - p), 1e-6);
                sampled[count++] = r;
            }
        }
        int[] sample = Arrays.copyOf(sampled, count);
        int[] candidates = candidates(random);
        int depth = plan.depth();
        int[] node = new int[rows];
        int[] inputs = new int[depth];
        int[] thresholds = new int[depth];
        for (int level = 0; level < depth; level++) {
            int nodes = 1 << level;
            Split best = Arrays.stream(candidates).parallel()
                    .mapToObj(f -> bestSplit(f, sample, node, nodes, gradients, hessians))
                    .reduce(new Split(-1, 0, 0), (a, b) -> b.gain() > a.gain() || b.gain() == a.gain() && b.input() < a.input() ? b : a);
            int input = Math.max(best.input(), 0);
            inputs[level] = input;
            thresholds[level] = best.bucket();
            for (int r = 0; r < rows; r++) {
                node[r] = 2 * node[r] + ((buckets[input][r] & 0xFF) > best.bucket() ? 1 : 0);
            }
        }
        return tree(inputs, thresholds, node, gradients, hessians, depth);
    }

    /** The inputs this tree may split on: a random share of them, in ascending order. */
    private int[] candidates(Random random) {
        int[] all = IntStream.range(0, buckets.length).toArray();
        int keep = Math.max(1, (int) Math.ceil(plan.inputShare() * all.length));
        for (int i = 0; i < keep; i++) {
            int j = i + random.nextInt(all.length - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, keep);
        Arrays.sort(chosen);
        return chosen;
    }

    private Split bestSplit(int input, int[] sample, int[] node, int nodes, double[] gradients, double[] hessians) {
        double[] g = new double[nodes * bucketCount];
        double[] h = new double[nodes * bucketCount];
        byte[] column = buckets[input];
        for (int r : sample) {
            int at = node[r] * bucketCount + (column[r] & 0xFF);
            g[at] += gradients[r];
            h[at] += hessians[r];
        }
        double[] totalG = new double[nodes];
        double[] totalH = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            for (int b = 0; b < bucketCount; b++) {
                totalG[n] += g[n * bucketCount + b];
                totalH[n] += h[n * bucketCount + b];
            }
        }
        Split best = new Split(-1, 0, 0);
        double[] leftG = new double[nodes];
        double[] leftH = new double[nodes];
        double l2 = plan.l2();
        for (int b = 0; b < bucketCount - 1; b++) {
            double gain = 0;
            for (int n = 0; n < nodes; n++) {
                leftG[n] += g[n * bucketCount + b];
                leftH[n] += h[n * bucketCount + b];
                double rightG = totalG[n] - leftG[n];
                double rightH = totalH[n] - leftH[n];
                gain += leftG[n] * leftG[n] / (leftH[n] + l2) + rightG * rightG / (rightH + l2)
                        - totalG[n] * totalG[n] / (totalH[n] + l2);
            }
            if (gain > best.gain() + 1e-12) {
                best = new Split(input, b, gain);
            }
        }
        return best;
    }

    /** Leaf values by one Newton step, shrunk by the learning rate; inner nodes hold the hessian-weighted mean below. */
    private Tree tree(int[] inputs, int[] thresholds, int[] node, double[] gradients, double[] hessians, int depth) {
        int leaves = 1 << depth;
        double[] g = new double[leaves];
        double[] h = new double[leaves];
        for (int r = 0; r < node.length; r++) {
            g[node[r]] += gradients[r];
            h[node[r]] += hessians[r];
        }
        double[] values = new double[2 * leaves - 1];
        double[] weights = new double[2 * leaves - 1];
        for (int leaf = 0; leaf < leaves; leaf++) {
            values[leaves - 1 + leaf] = -plan.learningRate() * g[leaf] / (h[leaf] + plan.l2());
            weights[leaves - 1 + leaf] = h[leaf];
        }
        for (int n = leaves - 2; n >= 0; n--) {
            double w = weights[2 * n + 1] + weights[2 * n + 2];
            weights[n] = w;
            values[n] = w == 0 ? (values[2 * n + 1] + values[2 * n + 2]) / 2
                    : (values[2 * n + 1] * weights[2 * n + 1] + values[2 * n + 2] * weights[2 * n + 2]) / w;
        }
        int[] leafOfRow = Arrays.stream(node).map(leaf -> leaves - 1 + leaf).toArray();
        return new Tree(inputs, thresholds, values, leafOfRow);
    }
}
