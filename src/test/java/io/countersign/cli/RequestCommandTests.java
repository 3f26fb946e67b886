package io.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.countersign.testing.TestDataDirectory;
import org.junit.jupiter.api.Test;

/**
 * {@code request submit} and {@code request model} against a started application (its own data directory, an empty
 * directory): input the checks before start-up cannot judge is still one line naming the flag, exit 2, and nothing
 * recorded; a CSV of past requests trains the approval model.
 */
class RequestCommandTests {

    record Outcome(int exitCode, String stdout, String stderr) { }

    @Test
    void anUnknownRequesterIsOneLineNamingTheFlag() {
        Outcome outcome = run("cli-request", "request", "submit", "--for", "E-404", "--entitlement", "Refinitiv Eikon:EIKON",
                "--justification", "Covering the Asia desk from Monday");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        assertThat(outcome.stderr().lines()).containsExactly("countersign: --for: no identity or employee E-404");
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    void trainsTheApprovalModelOnACsvOfPastRequests() throws IOException {
        Path csv = Files.createTempFile("past-requests", ".csv");
        try {
            Files.write(csv, pastRequests(600));

            Outcome outcome = run("cli-request-csv", "request", "model", "--train-csv", csv.toString(), "--label", "approved");

            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            assertThat(outcome.stdout()).contains("trained on 480 requests").contains("held out 120: logloss");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void aTrainingCsvWithAColumnThatIsNoRequestFeatureIsOneLineNamingIt() throws IOException {
        Path csv = Files.createTempFile("past-requests", ".csv");
        try {
            Files.write(csv, List.of("resource,shoe_size,approved", "Murex:EXECUTE_TRADE,42,1", "Murex:EXECUTE_TRADE,43,0"));

            Outcome outcome = run("cli-request-bad-csv", "request", "model", "--train-csv", csv.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.stderr().lines()).singleElement().asString().startsWith("countersign: ")
                    .contains("countersign.requests.training-csv").contains("shoe_size: not a request feature");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Traders are approved for Murex, others mostly not; everyone gets mail. */
    private static List<String> pastRequests(int rows) {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("resource,title,department,approved"));
        for (int i = 0; i < rows; i++) {
            boolean trader = random.nextBoolean();
            boolean murex = random.nextBoolean();
            boolean approved = !murex || trader || random.nextDouble() < 0.1;
            lines.add((murex ? "Murex:EXECUTE_TRADE" : "Outlook:MAILBOX") + "," + (trader ? "Trader" : "Analyst") + ",Equities,"
                    + (approved ? 1 : 0));
        }
        return lines;
    }

    private static Outcome run(String dataDirName, String... args) {
        Path dataDir = Path.of(System.getProperty(TestDataDirectory.PROPERTY), dataDirName);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
            all.addAll(List.of(args));
            int exitCode = CountersignCli.run(all.toArray(String[]::new));
            return new Outcome(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            TestDataDirectory.delete(dataDir);
        }
    }
}
