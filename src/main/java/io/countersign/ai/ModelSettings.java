package io.countersign.ai;

/**
 * Hyper-parameters of the approval model, an average (on the log-odds scale) of two learners over the same
 * one-hot columns and column combinations: a logistic regression, and boosted oblivious trees over each
 * combination's out-of-fold approval share and count (several tree ensembles, each on its own random folds,
 * averaged). {@link #defaults()} holds the values chosen by cross-validation on random splits of the Amazon
 * employee-access training rows (never its test rows).
 *
 * @param seed             seeds every random choice (row order, folds, row sampling); same seed and data give the same model bytes
 * @param crossOrder       the largest combination of columns crossed into one feature (1 = columns alone, 2 = pairs, 3 = triples)
 * @param epochs           passes of the logistic regression over the training rows
 * @param learningRate     FTRL-proximal alpha of the logistic regression
 * @param l1               L1 penalty of the logistic regression
 * @param l2               L2 penalty of the logistic regression
 * @param calibrationFolds folds for out-of-fold predictions and statistics (at least 2)
 * @param trees            boosted trees (0 = logistic regression only)
 * @param depth            depth of each oblivious tree
 * @param boostRate        shrinkage of each tree
 * @param boostL2          L2 penalty on tree leaf values
 * @param subsample        share of rows each tree sees
 * @param inputShare       share of the inputs each tree may split on
 * @param priorWeight      pseudo-count pulling a combination's approval share towards the overall share
 * @param regressionShare  weight of the logistic regression in the average (the trees get the rest)
 * @param treeModels       tree ensembles averaged, each on approval shares from its own random folds (less noise from
 *                         any one fold assignment); each has {@code trees} trees
 */
public record ModelSettings(long seed, int crossOrder, int epochs, double learningRate, double l1, double l2,
                            int calibrationFolds, int trees, int depth, double boostRate, double boostL2,
                            double subsample, double inputShare, double priorWeight, double regressionShare,
                            int treeModels) {

    public ModelSettings {
        require(crossOrder >= 1 && crossOrder <= 3, "crossOrder", crossOrder + " is not 1, 2 or 3");
        require(epochs >= 1, "epochs", epochs + " is not positive");
        require(learningRate > 0 && l1 >= 0 && l2 >= 0, "learningRate", "must be positive, l1 and l2 not negative");
        require(calibrationFolds >= 2, "calibrationFolds", calibrationFolds + " is under 2");
        require(trees >= 0 && depth >= 1 && depth <= 10, "depth", "trees must not be negative, depth 1 to 10");
        require(boostRate > 0 && boostL2 >= 0, "boostRate", "must be positive, boostL2 not negative");
        require(subsample > 0 && subsample <= 1, "subsample", subsample + " is not in (0, 1]");
        require(inputShare > 0 && inputShare <= 1, "inputShare", inputShare + " is not in (0, 1]");
        require(priorWeight > 0, "priorWeight", priorWeight + " is not positive");
        require(regressionShare >= 0 && regressionShare <= 1, "regressionShare", regressionShare + " is not in [0, 1]");
        require(trees > 0 || regressionShare == 1, "regressionShare", "must be 1 without trees");
        require(treeModels >= 1, "treeModels", treeModels + " is not positive");
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new ModelException("bad-settings", field + ": " + reason);
        }
    }

    public static ModelSettings defaults() {
        return new ModelSettings(42, 3, 6, 0.1, 0.0, 1.0, 5, 200, 6, 0.1, 3.0, 0.8, 0.25, 3.0, 0.3, 3);
    }

    public ModelSettings withSeed(long newSeed) {
        return new ModelSettings(newSeed, crossOrder, epochs, learningRate, l1, l2, calibrationFolds, trees, depth,
                boostRate, boostL2, subsample, inputShare, priorWeight, regressionShare, treeModels);
    }
}
