package io.countersign.ai.internal;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.countersign.ai.DecisionTable;
import io.countersign.ai.ModelSettings;

/**
 * Trains the approval model: the calibration is fitted on out-of-fold predictions (each fold's model never saw
 * the rows it predicts), then the final model is trained on every row. Folds train in parallel; each is seeded
 * on its own, so the result does not depend on the thread schedule.
 */
public final class Trainer {

    private Trainer() {
    }

    public static TrainedModel train(DecisionTable table, ModelSettings settings) {
        double[] calibration = settings.calibrationFolds() >= 2 && table.size() >= 2 * settings.calibrationFolds()
                ? calibrate(table, settings) : new double[] {1, 0};
        Fit fit = fit(table, settings);
        int approvals = 0;
        for (int r = 0; r < table.size(); r++) {
            approvals += table.approved(r) ? 1 : 0;
        }
        return new TrainedModel(fit.space(), fit.weights(), calibration[0], calibration[1], table.size(), approvals);
    }

    private record Fit(FeatureSpace space, double[] weights) {
    }

    private static Fit fit(DecisionTable table, ModelSettings settings) {
        FeatureSpace space = FeatureSpace.build(table, settings.crossOrder());
        int[][] rows = encode(space, table);
        boolean[] labels = labels(table);
        double[] weights = new Ftrl(space.size(), settings.learningRate(), settings.l1(), settings.l2())
                .train(rows, labels, settings.epochs(), settings.seed());
        return new Fit(space, weights);
    }

    private static double[] calibrate(DecisionTable table, ModelSettings settings) {
        int folds = settings.calibrationFolds();
        int[] fold = folds(table.size(), folds, settings.seed());
        double[] logits = new double[table.size()];
        List<double[]> predictions = IntStream.range(0, folds).parallel()
                .mapToObj(k -> outOfFold(table, settings, fold, k)).toList();
        for (int k = 0; k < folds; k++) {
            int i = 0;
            for (int r = 0; r < table.size(); r++) {
                if (fold[r] == k) {
                    logits[r] = predictions.get(k)[i++];
                }
            }
        }
        return Logistic.platt(logits, labels(table));
    }

    private static double[] outOfFold(DecisionTable table, ModelSettings settings, int[] fold, int k) {
        DecisionTable train = table.rows(IntStream.range(0, table.size()).filter(r -> fold[r] != k).toArray());
        DecisionTable held = table.rows(IntStream.range(0, table.size()).filter(r -> fold[r] == k).toArray());
        Fit fit = fit(train, settings.withSeed(settings.seed() + 1 + k));
        TrainedModel model = new TrainedModel(fit.space(), fit.weights(), 1, 0, 1, 1);
        double[] logits = new double[held.size()];
        String[] row = new String[held.columns().size()];
        for (int r = 0; r < held.size(); r++) {
            Rows.read(held, r, row);
            logits[r] = model.rawLogit(fit.space().encode(row));
        }
        return logits;
    }

    /** A fold number per row, drawn by shuffling the rows from the seed. */
    static int[] folds(int size, int folds, long seed) {
        Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        java.util.Collections.shuffle(java.util.Arrays.asList(order), new Random(seed));
        int[] fold = new int[size];
        for (int i = 0; i < size; i++) {
            fold[order[i]] = i % folds;
        }
        return fold;
    }

    private static int[][] encode(FeatureSpace space, DecisionTable table) {
        int[][] rows = new int[table.size()][];
        String[] row = new String[table.columns().size()];
        for (int r = 0; r < table.size(); r++) {
            Rows.read(table, r, row);
            rows[r] = space.encode(row);
        }
        return rows;
    }

    private static boolean[] labels(DecisionTable table) {
        boolean[] labels = new boolean[table.size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = table.approved(r);
        }
        return labels;
    }
}
