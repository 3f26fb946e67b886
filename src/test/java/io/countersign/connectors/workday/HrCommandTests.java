package io.countersign.connectors.workday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.countersign.cli.CountersignCli;
import io.countersign.testing.TestDataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign hr import}: a bad file lists every bad row and exits 2 before anything starts; a dry run needs no database. */
class HrCommandTests {

    @TempDir Path dir;

    @Test
    void aBadFileListsEveryBadRowOnItsOwnLineAndExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("workers.csv"), WorkerCsvTests.HEADER + "\r\n"
                + "x-1,hire,2026-03-02,E1,,,,,,,,,,,,,,\r\n"
                + "x-2,retire,2026-03-02,E2,,,,,,,,,,,,,,\r\n");

        Result result = countersign("hr", "import", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).hasSize(10)
                .startsWith(file + ":2: name: is required for a hire")
                .contains(file + ":3: kind: must be one of hire, transfer, termination, contract_end, leave_start, leave_return; was 'retire'")
                .endsWith("countersign: 9 problem(s) in " + file + ", nothing was imported");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aDryRunOfAGoodFileSaysWhatItHolds() throws IOException {
        Path file = Files.writeString(dir.resolve("workers.csv"), WorkerCsvTests.HEADER + "\n"
                + "x-1,leave_start,2026-03-02,E1,,,,,,,,,,,,,,\n");

        Result result = countersign("hr", "import", file.toString(), "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(file + ": 1 worker event(s) are valid (leave_start 1); nothing imported (dry run)" + System.lineSeparator());
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Result result = countersign("hr", "import", dir.resolve("absent.csv").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("countersign: FILE: " + dir.resolve("absent.csv") + " is not a readable file");
    }

    private static Result countersign(String... args) {
        String[] withDataDir = new String[args.length + 2];
        withDataDir[0] = "--data-dir";
        withDataDir[1] = Path.of(System.getProperty(TestDataDirectory.PROPERTY), "hr-cli").toString();
        System.arraycopy(args, 0, withDataDir, 2, args.length);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exitCode = CountersignCli.run(withDataDir);
            return new Result(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
