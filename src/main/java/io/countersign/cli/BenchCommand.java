package io.countersign.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.countersign.ai.ApprovalModel;
import io.countersign.ai.DecisionTable;
import io.countersign.ai.ModelMetrics;
import io.countersign.ai.ModelSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench model}: the approval model on random stratified splits — quality spread, training time, scoring latency. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Countersign's parts.",
        subcommands = BenchCommand.Model.class)
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("bench needs a subcommand: model (see 'countersign bench --help')");
    }

    @Command(name = "model", mixinStandardHelpOptions = true,
            description = "Train the approval model on N random stratified 80/20 splits; report mean and spread of "
                    + "logloss and AUC, training seconds and single-request scoring latency (p50/p99).")
    static final class Model implements Callable<Integer> {

        private static final int LATENCY_CALLS = 50_000;

        @Option(names = "--data", paramLabel = "FILE", defaultValue = "../shared/data/amazon-employee-access/train.csv",
                description = "CSV of past decisions, label column ACTION (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "ACTION", description = "Label column (default: ${DEFAULT-VALUE}).")
        String label;

        @Option(names = "--splits", paramLabel = "N", defaultValue = "5", description = "Random splits (default: ${DEFAULT-VALUE}).")
        int splits;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the splits (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON result here.")
        Path out;

        @Option(names = "--json", description = "Print the JSON result instead of a summary.")
        boolean json;

        @Override
        public Integer call() {
            if (splits < 1 || splits > 100) {
                throw CliException.badInput("--splits: " + splits + " is not between 1 and 100");
            }
            DecisionTable table = ModelData.table(data, ModelData.labelColumn(ModelData.CSV, label));
            ModelSettings settings = ModelSettings.defaults();
            List<double[]> runs = new ArrayList<>();
            double[] latency = null;
            for (int split = 0; split < splits; split++) {
                DecisionTable.Split parts = table.stratifiedSplit(0.2, seed + split);
                DecisionTable train = table.rows(parts.train());
                DecisionTable test = table.rows(parts.test());
                long start = System.nanoTime();
                ApprovalModel model = ApprovalModel.train(train, settings);
                double seconds = (System.nanoTime() - start) / 1e9;
                ModelMetrics metrics = ModelMetrics.of(model.probabilities(test), test);
                runs.add(new double[] {metrics.logloss(), metrics.auc(), metrics.errorRate(), seconds});
                ModelData.progress(json, String.format(Locale.ROOT, "split %d/%d: logloss %.4f auc %.4f error %.4f, trained in %.1f s",
                        split + 1, splits, metrics.logloss(), metrics.auc(), metrics.errorRate(), seconds));
                if (latency == null) {
                    latency = latency(model, test);
                }
            }
            Map<String, Object> result = result(runs, latency, table.size(), settings);
            if (out != null) {
                ModelData.writeJson(out, result);
            }
            if (json) {
                ContextCommand.printJson(result);
            } else {
                printSummary(runs, latency);
            }
            return 0;
        }

        /** Microseconds per single-request score, p50 and p99, after a warm-up of as many calls. */
        private static double[] latency(ApprovalModel model, DecisionTable test) {
            List<Map<String, String>> requests = new ArrayList<>();
            for (int r = 0; r < test.size(); r++) {
                Map<String, String> request = new LinkedHashMap<>();
                for (int c = 0; c < test.columns().size(); c++) {
                    request.put(test.columns().get(c), test.value(r, c));
                }
                requests.add(request);
            }
            double sink = 0;
            for (int i = 0; i < LATENCY_CALLS; i++) {
                sink += model.score(requests.get(i % requests.size())).probability();
            }
            long[] nanos = new long[LATENCY_CALLS];
            for (int i = 0; i < LATENCY_CALLS; i++) {
                long start = System.nanoTime();
                sink += model.score(requests.get(i % requests.size())).probability();
                nanos[i] = System.nanoTime() - start;
            }
            if (!Double.isFinite(sink)) {
                throw CliException.failed("scoring returned a probability that is not a number");
            }
            Arrays.sort(nanos);
            return new double[] {nanos[LATENCY_CALLS / 2] / 1e3, nanos[LATENCY_CALLS * 99 / 100] / 1e3};
        }

        private Map<String, Object> result(List<double[]> runs, double[] latency, int rows, ModelSettings settings) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("data", data.toString());
            result.put("rows", rows);
            result.put("splits", runs.size());
            result.put("seed", seed);
            String[] names = {"logloss", "auc", "error_rate", "train_seconds"};
            for (int m = 0; m < names.length; m++) {
                result.put(names[m], Map.of("mean", mean(runs, m), "std", std(runs, m),
                        "values", column(runs, m)));
            }
            result.put("score_latency_us", Map.of("p50", latency[0], "p99", latency[1]));
            result.put("settings", settings);
            return result;
        }

        private static void printSummary(List<double[]> runs, double[] latency) {
            System.out.printf(Locale.ROOT, "%d random stratified 80/20 splits: logloss %.4f ± %.4f  auc %.4f ± %.4f  error rate %.4f ± %.4f%n",
                    runs.size(), mean(runs, 0), std(runs, 0), mean(runs, 1), std(runs, 1), mean(runs, 2), std(runs, 2));
            System.out.printf(Locale.ROOT, "training %.1f s ± %.1f s; scoring one request p50 %.1f µs, p99 %.1f µs%n",
                    mean(runs, 3), std(runs, 3), latency[0], latency[1]);
        }

        private static List<Double> column(List<double[]> runs, int m) {
            return runs.stream().map(run -> run[m]).toList();
        }

        private static double mean(List<double[]> runs, int m) {
            return runs.stream().mapToDouble(run -> run[m]).average().orElse(Double.NaN);
        }

        private static double std(List<double[]> runs, int m) {
            double mean = mean(runs, m);
            return Math.sqrt(runs.stream().mapToDouble(run -> (run[m] - mean) * (run[m] - mean)).sum() / Math.max(1, runs.size() - 1));
        }
    }
}
