package io.countersign.ai.internal;

/** The logistic function and a Platt calibration fitted by Newton's method. */
final class Logistic {

    private Logistic() {
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** {@code {a, b}} minimising the log-loss of {@code sigmoid(a * logit + b)}; starts from the identity. */
    static double[] platt(double[] logits, boolean[] labels) {
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < logits.length; i++) {
                double p = sigmoid(a * logits[i] + b);
                double g = p - (labels[i] ? 1 : 0);
                double h = p * (1 - p);
                ga += g * logits[i];
                gb += g;
                haa += h * logits[i] * logits[i];
                hab += h * logits[i];
                hbb += h;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }
}
