package io.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.countersign.testing.TestDataDirectory;
import org.junit.jupiter.api.Test;

/**
 * {@code request submit} against a started application (its own data directory, an empty directory): input the
 * checks before start-up cannot judge is still one line naming the flag, exit 2, and nothing recorded.
 */
class RequestCommandTests {

    @Test
    void anUnknownRequesterIsOneLineNamingTheFlag() {
        Path dataDir = Path.of(System.getProperty(TestDataDirectory.PROPERTY), "cli-request");
        try {
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exitCode;
            try {
                exitCode = CountersignCli.run(new String[] {"--data-dir", dataDir.toString(), "request", "submit", "--for", "E-404",
                        "--entitlement", "Refinitiv Eikon:EIKON", "--justification", "Covering the Asia desk from Monday"});
            } finally {
                System.setOut(out);
                System.setErr(err);
            }

            assertThat(exitCode).as(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(2);
            assertThat(stderr.toString(StandardCharsets.UTF_8).lines()).containsExactly("countersign: --for: no identity or employee E-404");
            assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            TestDataDirectory.delete(dataDir);
        }
    }
}
