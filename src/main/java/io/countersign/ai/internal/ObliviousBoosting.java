package io.countersign.ai.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Gradient-boosted oblivious (symmetric) trees for the log-loss, as CatBoost builds them: every level of a tree
 * splits on the same input and threshold. Inputs are bucketed at quantile borders. Each tree keeps the mean
 * value of its nodes at every level, so a prediction splits into per-input contributions along its path
 * (Saabas): the contributions of a row add up to its logit minus the model's base.
 */
final class ObliviousBoosting {

    /** Settings of one boosting run. */
    record Plan(int trees, int depth, double learningRate, double l2, double subsample, double inputShare, int borders, long seed) {
    }

    private final double base;
    private final float[][] borders;
    private final int[][] splitInput;
    private final int[][] splitBucket;
    private final double[][] nodeValues;

    private ObliviousBoosting(double base, float[][] borders, int[][] splitInput, int[][] splitBucket, double[][] nodeValues) {
        this.base = base;
        this.borders = borders;
        this.splitInput = splitInput;
        this.splitBucket = splitBucket;
        this.nodeValues = nodeValues;
    }

    static ObliviousBoosting train(float[][] inputs, boolean[] labels, Plan plan) {
        return train(inputs, labels, plan, null);
    }

    /** Boosting with the given bucket borders, or borders at the inputs' quantiles when {@code given} is null. */
    static ObliviousBoosting train(float[][] inputs, boolean[] labels, Plan plan, float[][] given) {
        int rows = labels.length;
        float[][] borders = new float[inputs.length][];
        byte[][] buckets = new byte[inputs.length][];
        IntStream.range(0, inputs.length).parallel().forEach(f -> {
            borders[f] = given != null ? given[f] : Buckets.borders(inputs[f], plan.borders());
            buckets[f] = Buckets.of(inputs[f], borders[f]);
        });
        double prior = TargetStatistics.prior(labels);
        double base = Math.log(prior / (1 - prior));
        double[] logits = new double[rows];
        Arrays.fill(logits, base);
        int[][] splitInput = new int[plan.trees()][];
        int[][] splitBucket = new int[plan.trees()][];
        double[][] nodeValues = new double[plan.trees()][];
        Random random = new Random(plan.seed());
        TreeGrower grower = new TreeGrower(buckets, plan);
        for (int t = 0; t < plan.trees(); t++) {
            TreeGrower.Tree tree = grower.grow(logits, labels, random);
            splitInput[t] = tree.inputs();
            splitBucket[t] = tree.buckets();
            nodeValues[t] = tree.nodeValues();
            for (int r = 0; r < rows; r++) {
                logits[r] += tree.leafValue(r);
            }
        }
        return new ObliviousBoosting(base, borders, splitInput, splitBucket, nodeValues);
    }

    float[][] borders() {
        return borders;
    }

    /**
     * The average of models that share their bucket borders, as one model: the mean base and every model's trees
     * with node values divided by the number of models. Its logit is the mean of their logits.
     */
    static ObliviousBoosting average(List<ObliviousBoosting> models) {
        if (models.size() == 1) {
            return models.get(0);
        }
        int m = models.size();
        double base = 0;
        List<int[]> inputs = new ArrayList<>();
        List<int[]> buckets = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (ObliviousBoosting model : models) {
            base += model.base / m;
            for (int t = 0; t < model.splitInput.length; t++) {
                inputs.add(model.splitInput[t]);
                buckets.add(model.splitBucket[t]);
                double[] scaled = model.nodeValues[t].clone();
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] /= m;
                }
                values.add(scaled);
            }
        }
        return new ObliviousBoosting(base, models.get(0).borders, inputs.toArray(int[][]::new),
                buckets.toArray(int[][]::new), values.toArray(double[][]::new));
    }

    double logit(float[] row) {
        int[] bucketOf = buckets(row);
        double logit = base;
        for (int t = 0; t < splitInput.length; t++) {
            logit += nodeValues[t][leaf(t, bucketOf)];
        }
        return logit;
    }

    private int[] buckets(float[] row) {
        int[] bucketOf = new int[row.length];
        for (int input = 0; input < row.length; input++) {
            bucketOf[input] = Buckets.bucket(row[input], borders[input]);
        }
        return bucketOf;
    }

    /** Adds each input's share of the row's logit to {@code into}; returns the part no input explains (the base). */
    double contributions(float[] row, double[] into) {
        int[] bucketOf = buckets(row);
        double unexplained = base;
        for (int t = 0; t < splitInput.length; t++) {
            int node = 0;
            double value = nodeValues[t][0];
            unexplained += value;
            for (int level = 0; level < splitInput[t].length; level++) {
                int input = splitInput[t][level];
                node = 2 * node + 1 + (bucketOf[input] > splitBucket[t][level] ? 1 : 0);
                into[input] += nodeValues[t][node] - value;
                value = nodeValues[t][node];
            }
        }
        return unexplained;
    }

    /** Node numbers are heap-ordered: the root is 0, the children of n are 2n + 1 and 2n + 2. */
    private int leaf(int t, int[] bucketOf) {
        int node = 0;
        for (int level = 0; level < splitInput[t].length; level++) {
            node = 2 * node + 1 + (bucketOf[splitInput[t][level]] > splitBucket[t][level] ? 1 : 0);
        }
        return node;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeDouble(base);
        out.writeInt(borders.length);
        for (float[] b : borders) {
            out.writeInt(b.length);
            for (float v : b) {
                out.writeFloat(v);
            }
        }
        out.writeInt(splitInput.length);
        for (int t = 0; t < splitInput.length; t++) {
            out.writeInt(splitInput[t].length);
            for (int level = 0; level < splitInput[t].length; level++) {
                out.writeInt(splitInput[t][level]);
                out.writeInt(splitBucket[t][level]);
            }
            for (double v : nodeValues[t]) {
                out.writeDouble(v);
            }
        }
    }

    static ObliviousBoosting read(DataInputStream in) throws IOException {
        double base = in.readDouble();
        float[][] borders = new float[in.readInt()][];
        for (int f = 0; f < borders.length; f++) {
            borders[f] = new float[in.readInt()];
            for (int i = 0; i < borders[f].length; i++) {
                borders[f][i] = in.readFloat();
            }
        }
        int trees = in.readInt();
        int[][] splitInput = new int[trees][];
        int[][] splitBucket = new int[trees][];
        double[][] nodeValues = new double[trees][];
        for (int t = 0; t < trees; t++) {
            int depth = in.readInt();
            splitInput[t] = new int[depth];
            splitBucket[t] = new int[depth];
            for (int level = 0; level < depth; level++) {
                splitInput[t][level] = in.readInt();
                splitBucket[t][level] = in.readInt();
            }
            nodeValues[t] = new double[(2 << depth) - 1];
            for (int i = 0; i < nodeValues[t].length; i++) {
                nodeValues[t][i] = in.readDouble();
            }
        }
        return new ObliviousBoosting(base, borders, splitInput, splitBucket, nodeValues);
    }
}
