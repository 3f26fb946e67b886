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
 * A trained approval model: logistic regression over the one-hot {@link FeatureSpace}, then a Platt
 * calibration {@code a * logit + b} fitted out of fold. The calibrated logit is a sum of named parts: the
 * {@code prior} (calibrated bias) and one contribution per column or combination whose value was seen.
 */
public final class TrainedModel {

    static final String PRIOR = "prior";

    private final FeatureSpace space;
    private final double[] weights;
    private final double scale;
    private final double shift;
    private final int requests;
    private final int approvals;

    TrainedModel(FeatureSpace space, double[] weights, double scale, double shift, int requests, int approvals) {
        this.space = space;
        this.weights = weights;
        this.scale = scale;
        this.shift = shift;
        this.requests = requests;
        this.approvals = approvals;
    }

    /** The uncalibrated logit of encoded feature ids. */
    double rawLogit(int[] ids) {
        double logit = weights[weights.length - 1];
        for (int id : ids) {
            if (id >= 0) {
                logit += weights[id];
            }
        }
        return logit;
    }

    public double probability(String[] row) {
        return Logistic.sigmoid(scale * rawLogit(space.encode(row)) + shift);
    }

    /** The calibrated logit split into its named parts, largest |contribution| first. */
    public List<FactorContribution> factors(String[] row) {
        List<FactorContribution> factors = new ArrayList<>();
        factors.add(new FactorContribution(PRIOR, (double) approvals / requests, scale * weights[weights.length - 1] + shift,
                String.format(Locale.ROOT, "%d of %d past requests were approved", approvals, requests)));
        int[] ids = space.encode(row);
        for (int id : ids) {
            if (id >= 0 && weights[id] != 0) {
                int[] template = space.template(space.templateOf(id));
                int seen = space.requests(id);
                int approved = space.approvals(id);
                factors.add(new FactorContribution(FactorNames.name(space.columns(), template), (double) approved / seen,
                        scale * weights[id], FactorNames.explain(space.columns(), template, approved, seen)));
            }
        }
        factors.sort(Comparator.comparingDouble((FactorContribution f) -> Math.abs(f.contribution())).reversed());
        return factors;
    }

    public List<String> columns() {
        return space.columns();
    }

    public void write(DataOutputStream out) throws IOException {
        space.write(out);
        out.writeInt(weights.length);
        for (double w : weights) {
            out.writeDouble(w);
        }
        out.writeDouble(scale);
        out.writeDouble(shift);
        out.writeInt(requests);
        out.writeInt(approvals);
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
        return new TrainedModel(space, weights, in.readDouble(), in.readDouble(), in.readInt(), in.readInt());
    }
}
