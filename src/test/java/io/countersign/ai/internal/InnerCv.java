package io.countersign.ai.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.countersign.ai.DecisionTable;
import io.countersign.ai.ModelSettings;

/**
 * Tuning harness, not a test: inner cross-validation on three stratified random 80/20 splits of the CatBoost
 * paper's TRAINING rows only (its test rows are never read). Prints each split's logloss for the settings, and
 * the logloss the same components would give at other regression shares.
 * Run: java [-Dcv.seed=N -Dcv.trees=N -Dcv.priorWeight=X -Dcv.treeModels=N] -cp target/classes:target/test-classes
 * io.countersign.ai.internal.InnerCv [splits]
 */
public final class InnerCv {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("../shared/data/amazon-employee-access");
        DecisionTable all = DecisionTable.readCsv(dir.resolve("train.csv"), "ACTION");
        int[] trainRows = Files.readAllLines(dir.resolve("catboost_stratified_train_idx.txt")).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        DecisionTable training = all.rows(trainRows);
        int splits = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ModelSettings d = ModelSettings.defaults().withSeed(Long.getLong("cv.seed", 42));
        ModelSettings settings = new ModelSettings(d.seed(), d.crossOrder(), d.epochs(), d.learningRate(), d.l1(), d.l2(),
                d.calibrationFolds(), Integer.getInteger("cv.trees", d.trees()), d.depth(), d.boostRate(), d.boostL2(),
                d.subsample(), d.inputShare(), Double.parseDouble(System.getProperty("cv.priorWeight", "" + d.priorWeight())),
                d.regressionShare(), Integer.getInteger("cv.treeModels", d.treeModels()));
        double[] shares = {0.2, 0.25, 0.3, 0.35, 0.4, 0.5};
        double[] scales = {0.9, 0.95, 1.05, 1.1, 1.15};
        double[] scaleSums = new double[scales.length];
        double[] sums = new double[shares.length];
        double total = 0;
        double seconds = 0;
        for (int s = 1; s <= splits; s++) {
            DecisionTable.Split split = training.stratifiedSplit(0.2, s);
            DecisionTable train = training.rows(split.train());
            DecisionTable test = training.rows(split.test());
            long start = System.nanoTime();
            TrainedModel model = Trainer.train(train, settings);
            double took = (System.nanoTime() - start) / 1e9;
            seconds += took;
            String[] row = new String[test.columns().size()];
            double loss = 0;
            double[] losses = new double[shares.length];
            double[] scaled = new double[scales.length];
            for (int r = 0; r < test.size(); r++) {
                Rows.read(test, r, row);
                double y = test.approved(r) ? 1 : 0;
                loss += ll(model.probability(row), y);
                double[] parts = model.parts(row);
                double blended = settings.regressionShare() * parts[0] + (1 - settings.regressionShare()) * parts[1];
                for (int i = 0; i < scales.length; i++) {
                    scaled[i] += ll(Logistic.sigmoid(scales[i] * blended), y);
                }
                for (int i = 0; i < shares.length; i++) {
                    losses[i] += ll(Logistic.sigmoid(shares[i] * parts[0] + (1 - shares[i]) * parts[1] + parts[2]), y);
                }
            }
            loss /= test.size();
            total += loss;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "split %d: %.5f (%.1fs) shares:", s, loss, took));
            for (int i = 0; i < shares.length; i++) {
                sums[i] += losses[i] / test.size();
                line.append(String.format(Locale.ROOT, " %.2f=%.5f", shares[i], losses[i] / test.size()));
            }
            for (int i = 0; i < scales.length; i++) {
                scaleSums[i] += scaled[i] / test.size();
            }
            System.out.println(line);
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "MEAN %.5f train %.1fs shares:", total / splits, seconds / splits));
        for (int i = 0; i < shares.length; i++) {
            line.append(String.format(Locale.ROOT, " %.2f=%.5f", shares[i], sums[i] / splits));
        }
        line.append(" scales:");
        for (int i = 0; i < scales.length; i++) {
            line.append(String.format(Locale.ROOT, " %.2f=%.5f", scales[i], scaleSums[i] / splits));
        }
        System.out.println(line);
    }

    private static double ll(double p, double y) {
        p = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }
}
