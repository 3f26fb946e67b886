package io.countersign.ai.internal;

/**
 * The numeric inputs of the boosted trees: for every column and combination, the approval share of the
 * value among past requests (smoothed towards the overall share) and how many past requests carried it.
 *
 * <p>For training rows the share is out of fold: it counts only rows of the other folds, so a row's own
 * label never leaks into its inputs. Feature {@code 2t} is template t's share, {@code 2t + 1} its count.
 */
final class TargetStatistics {

    private TargetStatistics() {
    }

    /** Column-major inputs of the training rows, encoded in the space the table built. */
    static float[][] training(FeatureSpace space, int[][] rows, boolean[] labels, int[] fold, int folds, double priorWeight) {
        int size = space.size();
        int[] requests = new int[size * folds];
        int[] approvals = new int[size * folds];
        for (int r = 0; r < rows.length; r++) {
            for (int id : rows[r]) {
                requests[id * folds + fold[r]]++;
                approvals[id * folds + fold[r]] += labels[r] ? 1 : 0;
            }
        }
        double prior = prior(labels);
        int templates = space.templateCount();
        float[][] inputs = new float[2 * templates][rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int t = 0; t < templates; t++) {
                int id = rows[r][t];
                int k = id * folds + fold[r];
                int seen = space.requests(id) - requests[k];
                int approved = space.approvals(id) - approvals[k];
                inputs[2 * t][r] = (float) ((approved + prior * priorWeight) / (seen + priorWeight));
                inputs[2 * t + 1][r] = space.requests(id) - 1;
            }
        }
        return inputs;
    }

    /** The inputs of one encoded request, from every training row; an unseen value has the prior share and count 0. */
    static float[] row(FeatureSpace space, int[] ids, double prior, double priorWeight) {
        float[] inputs = new float[2 * ids.length];
        for (int t = 0; t < ids.length; t++) {
            int seen = ids[t] < 0 ? 0 : space.requests(ids[t]);
            int approved = ids[t] < 0 ? 0 : space.approvals(ids[t]);
            inputs[2 * t] = (float) ((approved + prior * priorWeight) / (seen + priorWeight));
            inputs[2 * t + 1] = seen;
        }
        return inputs;
    }

    static double prior(boolean[] labels) {
        int approved = 0;
        for (boolean label : labels) {
            approved += label ? 1 : 0;
        }
        return (double) approved / labels.length;
    }
}
