package io.countersign.ai;

/**
 * Hyper-parameters of the approval model. {@link #defaults()} holds the values chosen by cross-validation
 * on random splits of the Amazon employee-access data (see {@code bench model}).
 *
 * @param seed              seeds every random choice (row order, folds); same seed and data give the same model bytes
 * @param crossOrder        the largest combination of columns crossed into one feature (1 = columns alone, 2 = pairs, 3 = triples)
 * @param epochs            passes over the training rows
 * @param learningRate      FTRL-proximal alpha (per-coordinate learning rate scale)
 * @param l1                L1 penalty (drops weights of rare combinations)
 * @param l2                L2 penalty
 * @param calibrationFolds  folds of out-of-fold predictions used to fit the final Platt calibration (0 = none)
 */
public record ModelSettings(long seed, int crossOrder, int epochs, double learningRate, double l1, double l2,
                            int calibrationFolds) {

    public ModelSettings {
        if (crossOrder < 1 || crossOrder > 3) {
            throw new ModelException("bad-settings", "crossOrder: " + crossOrder + " is not 1, 2 or 3");
        }
        if (epochs < 1) {
            throw new ModelException("bad-settings", "epochs: " + epochs + " is not positive");
        }
        if (learningRate <= 0 || l1 < 0 || l2 < 0) {
            throw new ModelException("bad-settings", "learningRate must be positive, l1 and l2 not negative");
        }
        if (calibrationFolds == 1 || calibrationFolds < 0) {
            throw new ModelException("bad-settings", "calibrationFolds: " + calibrationFolds + " is not 0 or at least 2");
        }
    }

    public static ModelSettings defaults() {
        return new ModelSettings(42, 2, 6, 0.1, 0.0, 1.0, 5);
    }

    public ModelSettings withSeed(long newSeed) {
        return new ModelSettings(newSeed, crossOrder, epochs, learningRate, l1, l2, calibrationFolds);
    }
}
