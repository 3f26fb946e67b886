package io.countersign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.countersign.ledger.ExportSummary;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerException;
import io.countersign.ledger.VerificationReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ledger verify|export|public-key}. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Verify, export or show the key of the decision ledger.",
        subcommands = {LedgerCommand.Verify.class, LedgerCommand.Export.class, LedgerCommand.PublicKey.class})
final class LedgerCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("ledger needs a subcommand: verify, export or public-key (see 'countersign ledger --help')");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the whole chain and every signed checkpoint. Exit 0 when intact, 1 with the first bad sequence number otherwise.")
    static final class Verify extends ContextCommand {

        @Option(names = "--file", paramLabel = "FILE", description = "Verify an export file offline instead of the database.")
        Path file;

        @Option(names = "--public-key", paramLabel = "PEM", description = "Pin the Ed25519 public key the checkpoints must verify with.")
        Path publicKey;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Override
        public void validate() {
            if (file != null && !Files.isReadable(file)) {
                throw CliException.badInput("--file: cannot read " + file);
            }
            if (publicKey != null && !Files.isReadable(publicKey)) {
                throw CliException.badInput("--public-key: cannot read " + publicKey);
            }
        }

        /** An export is verified without starting the database. */
        @Override
        public Integer call() {
            if (file == null) {
                return super.call();
            }
            validate();
            try {
                return report(Ledger.verifyExport(file, pinnedKey()));
            } catch (LedgerException e) {
                boolean keyProblem = publicKey != null && e.code().equals("ledger.public-key");
                throw CliException.badInput((keyProblem ? "--public-key: " : "--file: ") + e.getMessage());
            }
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            return report(context.getBean(Ledger.class).verify());
        }

        private Optional<String> pinnedKey() {
            try {
                return publicKey == null ? Optional.empty() : Optional.of(Files.readString(publicKey));
            } catch (IOException e) {
                throw CliException.badInput("--public-key: cannot read " + publicKey);
            }
        }

        private int report(VerificationReport report) {
            if (json) {
                printJson(report);
            } else if (report.intact()) {
                System.out.printf("ledger intact: %d entries, %d signed checkpoints, head seq %d (%s), key %s%n",
                        report.entries(), report.checkpoints(), report.headSeq(), report.headHash(), report.keyId());
            } else {
                System.out.println("ledger BROKEN at " + report.breach().orElseThrow());
            }
            return report.intact() ? 0 : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the ledger as JSON lines with its checkpoints and public key, for offline verification.")
    static final class Export extends ContextCommand {

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the export.")
        Path out;

        @Override
        public void validate() {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                throw CliException.badInput("--out: " + parent + " is not a directory");
            }
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            ExportSummary summary = context.getBean(Ledger.class).export(out);
            System.out.printf("exported %d entries and %d signed checkpoints to %s (head %s, key %s)%n",
                    summary.entries(), summary.checkpoints(), summary.file(), summary.headHash(), summary.keyId());
            return 0;
        }
    }

    @Command(name = "public-key", mixinStandardHelpOptions = true, description = "Print the PEM public key that verifies the checkpoints.")
    static final class PublicKey extends ContextCommand {

        @Override
        int run(ConfigurableApplicationContext context) {
            System.out.print(context.getBean(Ledger.class).publicKeyPem());
            return 0;
        }
    }
}
