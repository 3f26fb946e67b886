package io.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.countersign.ledger.EntryKind;
import io.countersign.ledger.ExportSummary;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestDataDirectory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * The command line's contract, run in this JVM: {@code --help} exits 0, bad input prints exactly one line
 * {@code countersign: <reason>} on stderr and exits 2, a failed check exits 1. Almost every case fails
 * before Spring starts; the two that start it say why.
 */
class CommandLineTests {

    @TempDir
    Path scratch;

    @Test
    void helpListsEveryCommand() {
        Result result = countersign("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Usage: countersign ");
        for (CommandLine command : new CommandLine(new CountersignCli()).getSubcommands().values()) {
            assertThat(result.out()).contains("  " + command.getCommandName() + " ");
        }
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("everyCommand")
    void everyCommandAnswersHelp(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        Result result = countersign(args.toArray(String[]::new));

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Usage: countersign " + command + " ");
    }

    @Test
    void versionIsPrinted() {
        Result result = countersign("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("countersign 0.1.0" + System.lineSeparator());
    }

    @Test
    void noCommandIsBadInput() {
        assertBadInput(countersign(), "countersign: a command is required (see 'countersign --help')");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWithSubcommands")
    void aCommandGroupWithoutItsSubcommandIsBadInput(String group) {
        Result result = countersign(group.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("countersign: " + group + " needs a subcommand: ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownCommandIsBadInput() {
        assertBadInput(countersign("frobnicate"),
                "countersign: 'frobnicate' is not a countersign command (see 'countersign --help')");
        assertBadInput(countersign("ledger", "frobnicate"),
                "countersign: 'frobnicate' is not a countersign ledger command (see 'countersign ledger --help')");
    }

    @Test
    void anUnknownFlagIsBadInput() {
        assertBadInput(countersign("--bogus"), "countersign: Unknown option: '--bogus' (see 'countersign --help')");
        assertBadInput(countersign("ledger", "verify", "--bogus"),
                "countersign: Unknown option: '--bogus' (see 'countersign ledger verify --help')");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsOneLineNamingTheFlag(String commandLine, String expected) {
        assertBadInput(countersign(commandLine.split(" ")), expected);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("approvals list --limit 0", "countersign: --limit: must be between 1 and 10000, was 0"),
                Arguments.of("approvals list --limit many", "countersign: Invalid value for option '--limit': 'many' is not an int"
                        + " (see 'countersign approvals list --help')"),
                Arguments.of("approvals list --status NOPE", "countersign: Invalid value for option '--status': expected one of"
                        + " [PENDING, APPROVED, REJECTED, EXPIRED] (case-sensitive) but was 'NOPE'"
                        + " (see 'countersign approvals list --help')"),
                Arguments.of("serve --port 70000", "countersign: --port: must be between 0 and 65535, was 70000"),
                Arguments.of("explain 0", "countersign: SEQ: must be a positive ledger sequence number, was 0"),
                Arguments.of("explain abc", "countersign: Invalid value for positional parameter at index 0 (SEQ): 'abc' is not a long"
                        + " (see 'countersign explain --help')"),
                Arguments.of("explain", "countersign: Missing required parameter: 'SEQ' (see 'countersign explain --help')"),
                Arguments.of("users add x --role wizard --no-password", "countersign: --role: unknown role 'wizard'"
                        + " (expected one of admin, compliance_officer, approver, reviewer, auditor, agent)"),
                Arguments.of("users add x --role admin", "countersign: --password-file or --no-password: exactly one is required"),
                Arguments.of("tokens create x --ttl-days 0", "countersign: --ttl-days: must be at least 1, was 0"),
                Arguments.of("ledger verify --file /no/such/file", "countersign: --file: cannot read /no/such/file"),
                Arguments.of("ledger verify --file", "countersign: Missing required parameter for option '--file' (FILE)"
                        + " (see 'countersign ledger verify --help')"),
                Arguments.of("policy check /no/such/dir", "countersign: DIR: /no/such/dir is not a directory"),
                Arguments.of("approvals approve APR-1 --as bob", "countersign: --password-file or --token-file: exactly one is"
                        + " required to prove who --as bob is"),
                Arguments.of("approvals approve APR-1", "countersign: Missing required option: '--as=USER'"
                        + " (see 'countersign approvals approve --help')"),
                Arguments.of("--db-url mysql://x", "countersign: --db-url: 'mysql://x' is not a PostgreSQL JDBC URL"
                        + " (jdbc:postgresql://host:port/db) (see 'countersign --help')"),
                Arguments.of("ledger verify --db-url mysql://x", "countersign: --db-url: 'mysql://x' is not a PostgreSQL JDBC URL"
                        + " (jdbc:postgresql://host:port/db) (see 'countersign --help')"),
                Arguments.of("policy check /no/such/dir --db-password-file /no/such/file",
                        "countersign: --db-password-file: cannot read /no/such/file (see 'countersign --help')"),
                Arguments.of("request list --limit 0", "countersign: --limit: must be between 1 and 10000, was 0"),
                Arguments.of("request submit --for E-1 --entitlement Murex:AMEND_TRADE --justification needed --days 0",
                        "countersign: --days: must be at least 1, was 0"),
                Arguments.of("request submit --for E-1", "countersign: Missing required options: '--entitlement=SYSTEM:PERMISSION',"
                        + " '--justification=TEXT' (see 'countersign request submit --help')"),
                Arguments.of("sod review --policy-dir /no/such/dir",
                        "countersign: --policy-dir: /no/such/dir is not a directory (see 'countersign --help')"));
    }

    @Test
    void inputHoldingALineBreakStillGivesOneLine() {
        assertBadInput(countersign("ledger", "verify", "--file", "/no/such\nfile"),
                "countersign: --file: cannot read /no/such file");
    }

    @Test
    void aFileThatIsNotAnExportIsBadInputNamingTheFlag() throws IOException {
        Path notAnExport = Files.writeString(scratch.resolve("notes.txt"), "hello\n");

        assertBadInput(countersign("ledger", "verify", "--file", notAnExport.toString()),
                "countersign: --file: " + notAnExport + ": line 1: not a Countersign ledger export header");
    }

    @Test
    void policyCheckPassesOnTheShippedDefaults() throws IOException {
        Path policies = copyOfShippedPolicies();

        Result result = countersign("policy", "check", policies.toString());

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().toList().getLast()).startsWith("0 problems, ").endsWith(" 0 failed");
    }

    @Test
    void policyCheckNamesFileAndLineOfABrokenPolicyAndFails() throws IOException {
        Path policies = copyOfShippedPolicies();
        Path sod = policies.resolve("sod-matrix.yaml");
        List<String> lines = new ArrayList<>(Files.readAllLines(sod));
        int broken = indexOfFirst(lines, "severity:");
        lines.set(broken, lines.get(broken).replace("severity:", "severty:"));
        Files.write(sod, lines);

        Result result = countersign("policy", "check", policies.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).contains("sod-matrix.yaml:" + (broken + 1) + ": unknown key 'severty' in sod rule"
                + " (expected one of: id, name, severity, sides, min_sides, applies_when, mitigations)");
    }

    /** Starts the application here, once: the only way to see that a command reaches the database and keys it was given. */
    @Test
    void aCommandUsesTheDataDirectoryItIsGiven() throws IOException {
        Path dataDir = Path.of(System.getProperty(TestDataDirectory.PROPERTY), "cli-public-key");
        try {
            Result result = run("ledger", "public-key", "--data-dir", dataDir.toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo(Files.readString(dataDir.resolve("keys/ledger-signing-key.pem.pub")));
            assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
        } finally {
            TestDataDirectory.delete(dataDir);
        }
    }

    /** Starts Spring without an embedded database: nothing listens on port 1. */
    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndExitOne() {
        Result result = countersign("ledger", "public-key", "--db-url", "jdbc:postgresql://127.0.0.1:1/countersign");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("countersign: cannot connect to jdbc:postgresql://127.0.0.1:1/countersign: Connection to 127.0.0.1:1 refused");
        assertThat(result.out()).isEmpty();
    }

    /** Offline verification of a real export, written by the shared application context. */
    @Nested
    @CountersignTest
    class VerifyingAnExport {

        @Autowired
        Ledger ledger;

        @Test
        void anIntactExportPasses() {
            ExportSummary export = ledger.export(scratch.resolve("ledger.jsonl"));

            Result result = countersign("ledger", "verify", "--file", export.file().toString());

            assertThat(result.exitCode()).as(result.out()).isZero();
            assertThat(result.out()).startsWith("ledger intact: " + export.entries() + " entries, ");
        }

        @Test
        void anEditedEntryFailsNamingItsSequenceNumber() throws IOException {
            LedgerEntry edited = ledger.append(entryAbout("identity:cli-edited"));
            ledger.append(entryAbout("identity:cli-after"));
            Path file = ledger.export(scratch.resolve("ledger.jsonl")).file();
            Files.writeString(file, Files.readString(file).replace("identity:cli-edited", "identity:cli-someone-else"));

            Result result = countersign("ledger", "verify", "--file", file.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).startsWith("ledger BROKEN at seq " + edited.seq() + ": edited");
            assertThat(result.err()).isEmpty();
        }

        @Test
        void checkpointsSignedByAnotherKeyFail() throws IOException, NoSuchAlgorithmException {
            Path file = ledger.export(scratch.resolve("ledger.jsonl")).file();
            Path otherKey = Files.writeString(scratch.resolve("other.pub"), publicKeyPem(
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()));

            Result result = countersign("ledger", "verify", "--file", file.toString(), "--public-key", otherKey.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).startsWith("ledger BROKEN at seq ").contains(": bad_signature");
        }

        @Test
        void aPublicKeyThatIsNotPemIsBadInputNamingTheFlag() throws IOException {
            Path file = ledger.export(scratch.resolve("ledger.jsonl")).file();
            Path notAKey = Files.writeString(scratch.resolve("key.txt"), "not a key\n");

            assertBadInput(countersign("ledger", "verify", "--file", file.toString(), "--public-key", notAKey.toString()),
                    "countersign: --public-key: the public key is not an Ed25519 PEM public key: not a PEM public key");
        }

        private static LedgerDraft entryAbout(String subject) {
            return LedgerDraft.of(EntryKind.RECOMMENDATION, "cli_test").subject(subject).build();
        }
    }

    static Stream<String> everyCommand() {
        return commands(new CommandLine(new CountersignCli()), "");
    }

    static Stream<String> commandsWithSubcommands() {
        return everyCommand().filter(name -> !commandAt(name).getSubcommands().isEmpty());
    }

    private static Stream<String> commands(CommandLine parent, String prefix) {
        return parent.getSubcommands().values().stream().flatMap(command -> {
            String name = prefix + command.getCommandName();
            return Stream.concat(Stream.of(name), commands(command, name + " "));
        });
    }

    private static CommandLine commandAt(String name) {
        CommandLine command = new CommandLine(new CountersignCli());
        for (String word : name.split(" ")) {
            command = command.getSubcommands().get(word);
        }
        return command;
    }

    private Path copyOfShippedPolicies() throws IOException {
        try {
            Path shipped = Path.of(Objects.requireNonNull(getClass().getResource("/policies")).toURI());
            Path copy = Files.createDirectories(scratch.resolve("policies"));
            try (Stream<Path> files = Files.list(shipped)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOfFirst(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line holds " + text);
    }

    private static String publicKeyPem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    private static void assertBadInput(Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(expected);
        assertThat(result.out()).isEmpty();
    }

    /**
     * Runs a command line with {@code --data-dir} under this run's test data directory, so a command that got
     * past its checks would never touch {@code var/}.
     */
    private static Result countersign(String... args) {
        Path dataDir = Path.of(System.getProperty(TestDataDirectory.PROPERTY), "cli");
        return run(Stream.concat(Stream.of("--data-dir", dataDir.toString()), Stream.of(args)).toArray(String[]::new));
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exitCode = CountersignCli.run(args);
            return new Result(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
