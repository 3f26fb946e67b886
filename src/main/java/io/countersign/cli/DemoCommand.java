package io.countersign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.countersign.demo.Demo;
import io.countersign.demo.DemoReport;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the whole pipeline on a synthetic bank, with a readable summary and {@code OUT/summary.json}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every workflow end to end on a synthetic bank (embedded database, no network).")
final class DemoCommand extends ContextCommand {


    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Where summary.json goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic bank (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--employees", defaultValue = "2000", description = "People in the bank, 50 to 200000 (default: ${DEFAULT-VALUE}).")
    int employees;

    @Option(names = "--days", defaultValue = "180", description = "Days of history, 1 to 3650 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--fresh", description = "Start from an empty data directory (deletes the embedded database and keys).")
    boolean fresh;

    @Option(names = "--json", description = "Print the summary as JSON instead of text.")
    boolean json;

    private final long started = System.nanoTime();

    @Override
    void validate() {
        if (employees < 50 || employees > 200_000) {
            throw CliException.badInput("--employees: must be between 50 and 200000, was " + employees);
        }
        if (days < 1 || days > 3650) {
            throw CliException.badInput("--days: must be between 1 and 3650, was " + days);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliException.badInput("--out: " + out + " exists and is not a directory");
        }
        if (fresh) {
            wipe(global().dataDir);
        }
    }

    @Override
    boolean web() {
        return true;
    }

    @Override
    Map<String, Object> properties() {
        return Map.of("server.port", 0, "server.address", "127.0.0.1", "countersign.connectors.simulated.enabled", true);
    }

    @Override
    int run(ConfigurableApplicationContext context) {
        long startupMillis = (System.nanoTime() - started) / 1_000_000;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        AtomicInteger step = new AtomicInteger();
        createOut();
        DemoReport report = context.getBean(Demo.class).run(new Demo.Options(seed, employees, days, LocalDate.now(), out), port,
                message -> System.err.printf("[%d/%d] %s%n", step.incrementAndGet(), Demo.STEPS, message));
        Map<String, Object> summary = new LinkedHashMap<>(JSON.convertValue(report, Map.class));
        summary.put("startupMillis", startupMillis);
        writeSummary(summary);
        if (json) {
            printJson(summary);
        } else {
            DemoSummaryPrinter.print(report, startupMillis, out.resolve("summary.json"));
        }
        return report.ledgerVerified() ? 0 : 1;
    }

    private void createOut() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw CliException.badInput("--out: cannot create " + out + ": " + e.getMessage());
        }
    }

    private void writeSummary(Map<String, Object> summary) {
        try {
            Path temporary = out.resolve("summary.json.partial");
            Files.writeString(temporary, JSON.writeValueAsString(summary));
            Files.move(temporary, out.resolve("summary.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw CliException.failed("--out: cannot write " + out.resolve("summary.json") + ": " + e.getMessage());
        }
    }

    /** Deletes a data directory, but only one that looks like Countersign's, and never while a database is set elsewhere. */
    private void wipe(Path dataDir) {
        if (global().dbUrl != null) {
            throw CliException.badInput("--fresh: only the embedded database can be wiped; drop the schema of " + global().dbUrl + " yourself");
        }
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dataDir)) {
            boolean ours = children.map(p -> p.getFileName().toString())
                    .allMatch(name -> name.equals("pg") || name.equals("pg.lock") || name.equals("keys"));
            if (!ours) {
                throw CliException.badInput("--fresh: " + dataDir + " holds files that are not Countersign's; not deleting it");
            }
        } catch (IOException e) {
            throw CliException.badInput("--fresh: cannot read " + dataDir + ": " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw CliException.failed("--fresh: cannot delete " + dataDir + " (is another Countersign using it?): " + e.getMessage());
        }
    }
}
