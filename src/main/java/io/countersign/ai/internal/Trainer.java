package io.countersign.ai.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.countersign.ai.DecisionTable;
import io.countersign.ai.ModelSettings;

/**
 * Trains the approval model. The regression's calibration is fitted on out-of-fold predictions (each fold's
 * model never saw the rows it predicts), then the regression is trained on every row; the trees learn from
 * out-of-fold approval shares, several ensembles on several fold assignments averaged. Folds train in parallel,
 * each seeded on its own, so the result does not depend on the thread schedule.
 */
public final class Trainer {

    private static final long MODEL_SEED_STEP = 1;
    private static final int BORDERS = 64;

    private Trainer() {
    }

    public static TrainedModel train(DecisionTable table, ModelSettings settings) {
        boolean[] labels = labels(table);
        int folds = Math.min(settings.calibrationFolds(), table.size());
        int[] fold = folds(table.size(), folds, settings.seed());
        FeatureSpace space = FeatureSpace.build(table, settings.crossOrder());
        int[][] rows = encode(space, table);
        double[] calibration = folds >= 2 ? calibrate(table, settings, fold, folds) : new double[] {1, 0};
        double[] weights = regression(space, rows, labels, settings);
        ObliviousBoosting trees = settings.trees() == 0 || settings.regressionShare() == 1 ? null
                : trees(space, rows, labels, fold, folds, settings);
        int approvals = (int) IntStream.range(0, labels.length).filter(r -> labels[r]).count();
        return new TrainedModel(space, new TrainedModel.Regression(weights, calibration[0], calibration[1]), trees,
                trees == null ? 1 : settings.regressionShare(), settings.priorWeight(), table.size(), approvals);
    }

    /**
     * The average of {@code treeModels} boosted ensembles. Each learns from approval shares out of its own random
     * folds (the first from the regression's folds) and samples rows from its own seed, so the noise of any one
     * fold assignment averages out. All share bucket borders at the quantiles of every ensemble's inputs pooled,
     * so the average is one ensemble and no ensemble's values fall between another's borders.
     */
    private static ObliviousBoosting trees(FeatureSpace space, int[][] rows, boolean[] labels, int[] fold, int folds,
                                           ModelSettings settings) {
        int count = settings.treeModels();
        float[][][] inputs = new float[count][][];
        for (int m = 0; m < count; m++) {
            int[] modelFold = m == 0 ? fold : folds(rows.length, folds, modelSeed(settings, m));
            inputs[m] = TargetStatistics.training(space, rows, labels, modelFold, folds, settings.priorWeight());
        }
        float[][] borders = new float[inputs[0].length][];
        IntStream.range(0, borders.length).parallel().forEach(f -> {
            float[] pooled = new float[count * rows.length];
            for (int m = 0; m < count; m++) {
                System.arraycopy(inputs[m][f], 0, pooled, m * rows.length, rows.length);
            }
            borders[f] = Buckets.borders(pooled, BORDERS);
        });
        List<ObliviousBoosting> models = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            models.add(ObliviousBoosting.train(inputs[m], labels, plan(settings.withSeed(modelSeed(settings, m))), borders));
            inputs[m] = null;
        }
        return ObliviousBoosting.average(models);
    }

    private static long modelSeed(ModelSettings settings, int model) {
        return settings.seed() + MODEL_SEED_STEP * model;
    }

    private static ObliviousBoosting.Plan plan(ModelSettings settings) {
        return new ObliviousBoosting.Plan(settings.trees(), settings.depth(), settings.boostRate(), settings.boostL2(),
                settings.subsample(), settings.inputShare(), BORDERS, settings.seed());
    }

    private static double[] regression(FeatureSpace space, int[][] rows, boolean[] labels, ModelSettings settings) {
        return new Ftrl(space.size(), settings.learningRate(), settings.l1(), settings.l2())
                .train(rows, labels, settings.epochs(), settings.seed());
    }

    private static double[] calibrate(DecisionTable table, ModelSettings settings, int[] fold, int folds) {
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
        FeatureSpace space = FeatureSpace.build(train, settings.crossOrder());
        double[] weights = regression(space, encode(space, train), labels(train), settings.withSeed(settings.seed() + 1 + k));
        double[] logits = new double[held.size()];
        int[][] heldRows = encode(space, held);
        for (int r = 0; r < held.size(); r++) {
            logits[r] = TrainedModel.rawLogit(weights, heldRows[r]);
        }
        return logits;
    }

    /** A fold number per row, drawn by shuffling the rows from the seed. */
    static int[] folds(int size, int folds, long seed) {
        Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        Collections.shuffle(Arrays.asList(order), new Random(seed));
        int[] fold = new int[size];
        for (int i = 0; i < size; i++) {
            fold[order[i]] = i % Math.max(folds, 1);
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
