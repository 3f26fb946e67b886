package io.countersign.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.countersign.ai.ApprovalModel;
import io.countersign.ai.DecisionTable;
import io.countersign.ai.ModelMetrics;
import io.countersign.ai.ModelSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code model evaluate}: trains the production approval model on given rows and scores held-out rows. No database, no Spring. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Work with the approval model.",
        subcommands = ModelCommand.Evaluate.class)
final class ModelCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("model needs a subcommand: evaluate (see 'countersign model --help')");
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Train the approval model on the --train-index rows of a CSV of past decisions, score the "
                    + "--test-index rows and report logloss, AUC and error rate.")
    static final class Evaluate implements Callable<Integer> {

        @Option(names = "--dataset", required = true, paramLabel = "NAME",
                description = "Column layout: amazon-access (label ACTION, every other column a feature) or csv (with --label).")
        String dataset;

        @Option(names = "--label", paramLabel = "COLUMN", description = "Label column (1/0, true/false, approved/denied) for --dataset csv.")
        String label;

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV of past decisions with a header row.")
        Path data;

        @Option(names = "--train-index", required = true, paramLabel = "FILE", description = "0-based data rows to train on, one a line.")
        Path trainIndex;

        @Option(names = "--test-index", required = true, paramLabel = "FILE", description = "0-based data rows to score, one a line.")
        Path testIndex;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON result here.")
        Path out;

        @Option(names = "--json", description = "Print the JSON result instead of a summary.")
        boolean json;

        @Override
        public Integer call() {
            String labelColumn = ModelData.labelColumn(dataset, label);
            ModelData.progress(json, "reading " + data);
            DecisionTable table = ModelData.table(data, labelColumn);
            int[] train = ModelData.indexes("--train-index", trainIndex, table.size());
            int[] test = ModelData.indexes("--test-index", testIndex, table.size());
            ModelData.disjoint(train, test, table.size());
            DecisionTable training = table.rows(train);
            DecisionTable held = table.rows(test);
            ModelSettings settings = ModelSettings.defaults();
            ModelData.progress(json, "training on " + training.size() + " rows (" + training.columns().size() + " columns)...");
            long start = System.nanoTime();
            ApprovalModel model = ApprovalModel.train(training, settings);
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelData.progress(json, String.format(Locale.ROOT, "trained in %.1f s; scoring %d rows", seconds, held.size()));
            ModelMetrics metrics = ModelMetrics.of(model.probabilities(held), held);
            Map<String, Object> result = result(model, metrics, seconds, training.size(), settings);
            if (out != null) {
                ModelData.writeJson(out, result);
            }
            if (json) {
                ContextCommand.printJson(result);
            } else {
                System.out.printf(Locale.ROOT, "logloss %.4f  auc %.4f  error rate %.4f  (%d test rows; trained on %d rows in %.1f s; model %s)%n",
                        metrics.logloss(), metrics.auc(), metrics.errorRate(), metrics.rows(), training.size(), seconds,
                        model.ref().version());
            }
            return 0;
        }

        private Map<String, Object> result(ApprovalModel model, ModelMetrics metrics, double seconds, int trainRows,
                                           ModelSettings settings) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dataset", dataset);
            result.put("data", data.toString());
            result.put("logloss", metrics.logloss());
            result.put("auc", metrics.auc());
            result.put("error_rate", metrics.errorRate());
            result.put("train_seconds", seconds);
            result.put("rows_train", trainRows);
            result.put("rows_test", metrics.rows());
            result.put("model", Map.of("id", model.ref().id(), "version", model.ref().version()));
            result.put("settings", settings);
            return result;
        }
    }
}
