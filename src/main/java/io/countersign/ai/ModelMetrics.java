package io.countersign.ai;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Quality of approval probabilities against the true decisions.
 *
 * @param logloss   mean negative log-likelihood (probabilities clipped to [1e-15, 1 - 1e-15])
 * @param auc       area under the ROC curve (ties count half)
 * @param errorRate share of rows misclassified at threshold 0.5
 * @param rows      number of rows scored
 */
public record ModelMetrics(double logloss, double auc, double errorRate, int rows) {

    private static final double EPSILON = 1e-15;

    public static ModelMetrics of(double[] probabilities, DecisionTable truth) {
        if (probabilities.length != truth.size()) {
            throw new IllegalArgumentException("probabilities: " + probabilities.length + " values for " + truth.size() + " rows");
        }
        double loss = 0;
        int errors = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]));
            loss -= truth.approved(i) ? Math.log(p) : Math.log(1 - p);
            if ((probabilities[i] >= 0.5) != truth.approved(i)) {
                errors++;
            }
        }
        int n = probabilities.length;
        return new ModelMetrics(n == 0 ? 0 : loss / n, auc(probabilities, truth), n == 0 ? 0 : (double) errors / n, n);
    }

    /** Mann–Whitney: the average rank of the approved rows among all rows, tied scores sharing their mean rank. */
    private static double auc(double[] probabilities, DecisionTable truth) {
        Integer[] order = IntStream.range(0, probabilities.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && probabilities[order[j + 1]] == probabilities[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth.approved(order[k])) {
                    rankSum += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = probabilities.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
