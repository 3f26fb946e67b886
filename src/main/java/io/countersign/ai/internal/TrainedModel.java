package io.countersign.ai.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.countersign.ai.FactorContribution;

/**
 * A trained approval model: {@code share × (a × regression + b) + (1 − share) × trees} on the log-odds scale,
 * where the regression is logistic over the one-hot {@link FeatureSpace} with a Platt calibration {@code a, b}
 * fitted out of fold, and the trees are {@link ObliviousBoosting} over each combination's approval share and
 * count. The logit splits into named parts: the {@code prior} and one part per column or combination.
 */
public final class TrainedModel {

    static final String PRIOR = "prior";

    /** The logistic-regression half: weights (bias last) and the Platt calibration of its logit. */
    record Regression(double[] weights, double scale, double shift) {
    }

    private final FeatureSpace space;
    private final Regression regression;
    private final ObliviousBoosting trees;
    private final double share;
    private final double priorWeight;
    private final int requests;
    private final int approvals;
    private final String[] names;
    private final String[] peers;

    TrainedModel(FeatureSpace space, Regression regression, ObliviousBoosting trees, double share, double priorWeight,
                 int requests, int approvals) {
        this.space = space;
        this.regression = regression;
        this.trees = trees;
        this.share = share;
        this.priorWeight = priorWeight;
        this.requests = requests;
        this.approvals = approvals;
        this.names = new String[space.templateCount()];
        this.peers = new String[space.templateCount()];
        for (int t = 0; t < names.length; t++) {
            names[t] = FactorNames.name(space.columns(), space.template(t));
            peers[t] = FactorNames.peers(space.columns(), space.template(t));
        }
    }

    static double rawLogit(double[] weights, int[] ids) {
        double logit = weights[weights.length - 1];
        for (int id : ids) {
            if (id >= 0) {
                logit += weights[id];
            }
        }
        return logit;
    }

    public double probability(String[] row) {
        int[] ids = space.encode(row);
        double logit = share * (regression.scale() * rawLogit(regression.weights(), ids) + regression.shift());
        if (share < 1) {
            logit += (1 - share) * trees.logit(TargetStatistics.row(space, ids, prior(), priorWeight));
        }
        return Logistic.sigmoid(logit);
    }

    /** The two learners' logits before averaging, {calibrated regression, trees, 0}; for tuning and diagnostics. */
    double[] parts(String[] row) {
        int[] ids = space.encode(row);
        double regressionLogit = regression.scale() * rawLogit(regression.weights(), ids) + regression.shift();
        double treeLogit = share < 1 ? trees.logit(TargetStatistics.row(space, ids, prior(), priorWeight)) : regressionLogit;
        return new double[] {regressionLogit, treeLogit, 0};
    }

    /** The logit split into its named parts, largest |contribution| first; parts that add nothing are left out. */
    public List<FactorContribution> factors(String[] row) {
        int[] ids = space.encode(row);
        double[] weights = regression.weights();
        double[] fromTrees = new double[2 * ids.length];
        float[] inputs = TargetStatistics.row(space, ids, prior(), priorWeight);
        double base = share * (regression.scale() * weights[weights.length - 1] + regression.shift())
                + (share < 1 ? (1 - share) * trees.contributions(inputs, fromTrees) : 0);
        List<FactorContribution> factors = new ArrayList<>();
        factors.add(new FactorContribution(PRIOR, prior(), base,
                String.format(Locale.ROOT, "%d of %d past requests were approved", approvals, requests)));
        for (int t = 0; t < ids.length; t++) {
            double contribution = (1 - share) * (fromTrees[2 * t] + fromTrees[2 * t + 1])
                    + (ids[t] < 0 ? 0 : share * regression.scale() * weights[ids[t]]);
            if (contribution != 0) {
                int seen = ids[t] < 0 ? 0 : space.requests(ids[t]);
                int approved = ids[t] < 0 ? 0 : space.approvals(ids[t]);
                factors.add(new FactorContribution(names[t], inputs[2 * t], contribution,
                        FactorNames.explain(peers[t], approved, seen)));
            }
        }
        factors.sort(Comparator.comparingDouble((FactorContribution f) -> Math.abs(f.contribution())).reversed());
        return factors;
    }

    private double prior() {
        return (double) approvals / requests;
    }

    public List<String> columns() {
        return space.columns();
    }

    public void write(DataOutputStream out) throws IOException {
        space.write(out);
        out.writeInt(regression.weights().length);
        for (double w : regression.weights()) {
            out.writeDouble(w);
        }
        out.writeDouble(regression.scale());
        out.writeDouble(regression.shift());
        out.writeDouble(share);
        out.writeDouble(priorWeight);
        out.writeInt(requests);
        out.writeInt(approvals);
        if (share < 1) {
            trees.write(out);
        }
    }

    public static TrainedModel read(DataInputStream in) throws IOException {
        FeatureSpace space = FeatureSpace.read(in);
        double[] weights = new double[in.readInt()];
        if (weights.length != space.size() + 1) {
            throw new IOException("weights: " + weights.length + " for " + space.size() + " features");
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readDouble();
        }
        Regression regression = new Regression(weights, in.readDouble(), in.readDouble());
        double share = in.readDouble();
        double priorWeight = in.readDouble();
        int requests = in.readInt();
        int approvals = in.readInt();
        ObliviousBoosting trees = share < 1 ? ObliviousBoosting.read(in) : null;
        return new TrainedModel(space, regression, trees, share, priorWeight, requests, approvals);
    }
}
