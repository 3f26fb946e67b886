package io.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code model evaluate} and {@code bench model}: no database, one line and exit 2 on bad input, JSON results. */
class ModelCommandTests {

    @TempDir
    Path dir;

    private Path data;
    private Path train;
    private Path test;

    /** 300 synthetic decisions: resource r is approved for department r % 3, denied otherwise. */
    @BeforeEach
    void writeData() throws IOException {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("ACTION,RESOURCE,ROLE_DEPTNAME\n");
        for (int i = 0; i < 300; i++) {
            int resource = random.nextInt(9);
            int department = random.nextInt(3);
            boolean approved = resource % 3 == department ? random.nextDouble() < 0.95 : random.nextDouble() < 0.2;
            csv.append(approved ? 1 : 0).append(",r").append(resource).append(",d").append(department).append('\n');
        }
        data = Files.writeString(dir.resolve("train.csv"), csv);
        train = lines("train_idx.txt", IntStream.range(0, 240));
        test = lines("test_idx.txt", IntStream.range(240, 300));
    }

    private Path lines(String name, IntStream rows) throws IOException {
        return Files.writeString(dir.resolve(name), rows.mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
    }

    @Test
    void evaluateWritesTheMetricsAsJson() {
        Path out = dir.resolve("result/amazon.json");
        Result result = run("model", "evaluate", "--dataset", "amazon-access", "--data", data.toString(),
                "--train-index", train.toString(), "--test-index", test.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("logloss ").contains("60 test rows");
        JsonNode json = ContextCommand.JSON.readTree(out.toFile());
        assertThat(json.get("logloss").asDouble()).isBetween(0.0, 0.6);
        assertThat(json.get("auc").asDouble()).as("the rule's best AUC is about 0.84; 60 test rows leave room for chance").isGreaterThan(0.7);
        assertThat(json.get("error_rate").asDouble()).isLessThan(0.3);
        assertThat(json.get("train_seconds").asDouble()).isPositive();
        assertThat(json.get("rows_train").asInt()).isEqualTo(240);
        assertThat(json.get("rows_test").asInt()).isEqualTo(60);
        assertThat(json.get("model").get("version").asString()).matches("[0-9a-f]{12}");
        assertThat(json.get("settings").get("seed").asLong()).isEqualTo(42);
    }

    @Test
    void evaluateTakesAnyCsvWithANamedLabel() {
        Result result = run("model", "evaluate", "--dataset", "csv", "--label", "ACTION", "--data", data.toString(),
                "--train-index", train.toString(), "--test-index", test.toString(), "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(ContextCommand.JSON.readTree(result.out()).get("rows_test").asInt()).isEqualTo(60);
    }

    @Test
    void anUnknownDatasetIsBadInput() {
        assertBadInput(evaluate("--dataset", "kaggle"), "countersign: --dataset: unknown dataset 'kaggle' (known: amazon-access, csv)");
    }

    @Test
    void aCsvDatasetNeedsItsLabel() {
        assertBadInput(evaluate("--dataset", "csv"), "countersign: --label: --dataset csv needs --label COLUMN");
    }

    @Test
    void anAbsentLabelColumnIsBadInput() {
        assertBadInput(evaluate("--dataset", "csv", "--label", "DECISION"),
                "countersign: --data: " + data + ":1: DECISION: no such column (columns: ACTION, RESOURCE, ROLE_DEPTNAME)");
    }

    @Test
    void aMissingDataFileIsBadInput() {
        Path absent = dir.resolve("absent.csv");
        assertBadInput(run("model", "evaluate", "--dataset", "amazon-access", "--data", absent.toString(),
                "--train-index", train.toString(), "--test-index", test.toString()), "countersign: --data: " + absent + ": no such file");
    }

    @Test
    void anIndexOutOfRangeIsBadInput() throws IOException {
        test = lines("bad_idx.txt", IntStream.of(250, 300));
        assertBadInput(evaluate("--dataset", "amazon-access"),
                "countersign: --test-index: " + test + ":2: row 300 is out of range (the data has 300 rows, numbered from 0)");
    }

    @Test
    void aDuplicateIndexIsBadInput() throws IOException {
        train = lines("dup_idx.txt", IntStream.of(1, 2, 1));
        assertBadInput(evaluate("--dataset", "amazon-access"), "countersign: --train-index: " + train + ":3: row 1 is listed twice");
    }

    @Test
    void aTestRowAlsoTrainedOnIsBadInput() throws IOException {
        test = lines("overlap_idx.txt", IntStream.of(250, 7));
        assertBadInput(evaluate("--dataset", "amazon-access"), "countersign: --test-index: row 7 is also in --train-index");
    }

    @Test
    void aMissingIndexFileIsBadInput() {
        train = dir.resolve("absent_idx.txt");
        assertBadInput(evaluate("--dataset", "amazon-access"), "countersign: --train-index: no such file " + train);
    }

    @Test
    void benchReportsSpreadAndLatencyAsJson() {
        Result result = run("bench", "model", "--data", data.toString(), "--splits", "2", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = ContextCommand.JSON.readTree(result.out());
        assertThat(json.get("splits").asInt()).isEqualTo(2);
        assertThat(json.get("logloss").get("values")).hasSize(2);
        assertThat(json.get("auc").get("mean").asDouble()).isGreaterThan(0.7);
        assertThat(json.get("score_latency_us").get("p50").asDouble()).isPositive();
    }

    @Test
    void benchRejectsANonPositiveSplitCount() {
        assertBadInput(run("bench", "model", "--data", data.toString(), "--splits", "0"),
                "countersign: --splits: 0 is not between 1 and 100");
    }

    private Result evaluate(String... datasetFlags) {
        String[] common = {"model", "evaluate", "--data", data.toString(), "--train-index", train.toString(),
                "--test-index", test.toString()};
        String[] args = new String[common.length + datasetFlags.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(datasetFlags, 0, args, common.length, datasetFlags.length);
        return run(args);
    }

    private static void assertBadInput(Result result, String line) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(line);
        assertThat(result.out()).isEmpty();
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            return new Result(CountersignCli.run(args), stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
