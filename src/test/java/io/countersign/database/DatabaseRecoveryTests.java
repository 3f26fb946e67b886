package io.countersign.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.countersign.CountersignApplication;
import io.countersign.database.LedgerWriterProcess.Acknowledged;
import io.countersign.database.LedgerWriterProcess.Mode;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.ledger.VerificationReport;
import io.countersign.testing.TestDataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database with real processes: a Countersign JVM killed while it owns PostgreSQL, leftovers
 * in the cluster directory, and two processes on one data directory. Each test has its own data directory
 * and starts the application itself (in a child JVM or here), never the shared test context.
 */
class DatabaseRecoveryTests {

    private final List<LedgerWriterProcess> processes = new ArrayList<>();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    @AfterEach
    void stopEverythingStartedHere() {
        contexts.reversed().forEach(ConfigurableApplicationContext::close);
        processes.forEach(LedgerWriterProcess::close);
        dataDirs.forEach(DatabaseRecoveryTests::stopPostgresLeftRunning);
        dataDirs.forEach(TestDataDirectory::delete);
    }

    @Test
    void keepsEveryAcknowledgedEntryWhenTheOwningProcessIsKilled() {
        Path dataDir = newDataDir();
        LedgerWriterProcess writer = startWriter(dataDir, 20, Mode.KEEP_WRITING);
        long ready = writer.awaitReady();
        writer.awaitAcknowledged(ready + 50);
        ProcessHandle postgres = postmaster(dataDir).orElseThrow();

        writer.kill();

        assertThat(postgres.isAlive()).as("PostgreSQL outlives the killed process that started it").isTrue();
        List<Acknowledged> acknowledged = writer.acknowledged();
        Ledger ledger = startApplication(dataDir).getBean(Ledger.class);
        assertThat(postgres.isAlive()).as("the orphaned PostgreSQL was stopped before a new one started").isFalse();
        assertEveryAcknowledgedEntryIsRecorded(ledger, acknowledged);
        assertIntact(ledger.verify());
        LedgerEntry next = ledger.append(entry());
        assertThat(next.seq()).isGreaterThan(acknowledged.getLast().seq());
        assertIntact(ledger.verify());
    }

    @Test
    void keepsEveryAcknowledgedEntryWhenPostgresIsKilledWithItsOwner() {
        Path dataDir = newDataDir();
        LedgerWriterProcess writer = startWriter(dataDir, 20, Mode.KEEP_WRITING);
        long ready = writer.awaitReady();
        writer.awaitAcknowledged(ready + 50);
        ProcessHandle postgres = postmaster(dataDir).orElseThrow();

        postgres.descendants().forEach(ProcessHandle::destroyForcibly);
        postgres.destroyForcibly();
        writer.kill();

        List<Acknowledged> acknowledged = writer.acknowledged();
        Ledger ledger = startApplication(dataDir).getBean(Ledger.class);
        assertEveryAcknowledgedEntryIsRecorded(ledger, acknowledged);
        assertIntact(ledger.verify());
        assertThat(ledger.append(entry()).seq()).isGreaterThan(acknowledged.getLast().seq());
    }

    @Test
    void startsDespiteAStalePidFileNamingAProcessThatIsNotPostgres() throws IOException {
        Path dataDir = newDataDir();
        long seq;
        try (ConfigurableApplicationContext first = startApplication(dataDir)) {
            seq = first.getBean(Ledger.class).append(entry()).seq();
        }
        Path pidFile = cluster(dataDir).resolve("postmaster.pid");
        assertThat(pidFile).as("a clean stop removes the pid file").doesNotExist();
        long notPostgres = ProcessHandle.current().pid();
        Files.writeString(pidFile, pidFileContent(notPostgres, cluster(dataDir)));

        Ledger ledger = startApplication(dataDir).getBean(Ledger.class);

        assertThat(ledger.entry(seq)).isPresent();
        assertThat(postmaster(dataDir)).hasValueSatisfying(p -> assertThat(p.pid()).isNotEqualTo(notPostgres));
    }

    @Test
    void leavesAnotherDirectorysPostgresRunningWhenAStalePidFileNamesIt() throws IOException {
        Path otherDataDir = newDataDir();
        Ledger otherLedger = startApplication(otherDataDir).getBean(Ledger.class);
        ProcessHandle otherPostgres = postmaster(otherDataDir).orElseThrow();
        Path dataDir = newDataDir();
        startApplication(dataDir).close();
        Files.writeString(cluster(dataDir).resolve("postmaster.pid"), pidFileContent(otherPostgres.pid(), cluster(dataDir)));

        Ledger ledger = startApplication(dataDir).getBean(Ledger.class);

        assertThat(ledger.append(entry()).seq()).isEqualTo(1);
        assertThat(otherPostgres.isAlive()).as("the other data directory's PostgreSQL still runs").isTrue();
        assertThat(otherLedger.append(entry()).seq()).isEqualTo(1);
    }

    @Test
    void rebuildsAClusterWhoseInitialisationWasInterrupted() throws IOException {
        Path dataDir = newDataDir();
        Path cluster = cluster(dataDir);
        Files.createDirectories(cluster.resolve("base"));
        Files.writeString(cluster.resolve("PG_VERSION"), "14\n");
        Files.writeString(cluster.resolve("postgresql.conf"), "# initdb stopped before it wrote the rest\n");
        Files.writeString(cluster.resolve("base").resolve("half-written"), "");

        Ledger ledger = startApplication(dataDir).getBean(Ledger.class);

        assertThat(ledger.append(entry()).seq()).isEqualTo(1);
        assertIntact(ledger.verify());
        assertThat(cluster.resolve("base").resolve("half-written")).doesNotExist();
        assertThat(cluster.resolve(".countersign-initialised")).exists();
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryAttachesToTheRunningDatabase() {
        Path dataDir = newDataDir();
        LedgerWriterProcess owner = startWriter(dataDir, 3, Mode.ON_REQUEST);
        long ready = owner.awaitReady();
        ProcessHandle postgres = postmaster(dataDir).orElseThrow();

        Ledger ledger = startApplication(dataDir).getBean(Ledger.class);

        assertEveryAcknowledgedEntryIsRecorded(ledger, owner.acknowledged());
        LedgerEntry mine = ledger.append(entry());
        assertThat(mine.seq()).isEqualTo(ready + 1);
        Acknowledged theirs = owner.appendOne();
        assertThat(theirs.seq()).as("the owner appends after the entry written here").isEqualTo(ready + 2);
        assertThat(ledger.entry(theirs.seq()).orElseThrow().prevHash()).isEqualTo(mine.hash());
        assertThat(postmaster(dataDir)).as("still the owner's PostgreSQL").contains(postgres);
        assertIntact(ledger.verify());
    }

    private static void assertEveryAcknowledgedEntryIsRecorded(Ledger ledger, List<Acknowledged> acknowledged) {
        assertThat(acknowledged).isNotEmpty();
        for (Acknowledged ack : acknowledged) {
            assertThat(ledger.entry(ack.seq())).as("acknowledged entry %d", ack.seq())
                    .hasValueSatisfying(entry -> assertThat(entry.hash()).isEqualTo(ack.hash()));
        }
    }

    private static void assertIntact(VerificationReport report) {
        assertThat(report.breach()).as("ledger breach").isEmpty();
    }

    private static LedgerDraft entry() {
        return LedgerDraft.of(EntryKind.RECOMMENDATION, LedgerWriterProcess.WORKFLOW).subject("process:test").build();
    }

    private Path newDataDir() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty(TestDataDirectory.PROPERTY)), "recovery-");
            dataDirs.add(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private LedgerWriterProcess startWriter(Path dataDir, int count, Mode mode) {
        LedgerWriterProcess process = LedgerWriterProcess.start(dataDir, count, mode);
        processes.add(process);
        return process;
    }

    /** The application in this JVM; the data directory is an argument so it beats the run-wide system property. */
    private ConfigurableApplicationContext startApplication(Path dataDir) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CountersignApplication.class)
                .web(WebApplicationType.NONE)
                .run("--countersign.data-dir=" + dataDir);
        contexts.add(context);
        return context;
    }

    private static Path cluster(Path dataDir) {
        return dataDir.resolve("pg");
    }

    /** The PostgreSQL server the cluster's pid file names, if it is running. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = cluster(dataDir).resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().orElse("").endsWith("/postgres"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What PostgreSQL writes into postmaster.pid, naming {@code pid}. */
    private static String pidFileContent(long pid, Path cluster) {
        return pid + "\n" + cluster + "\n" + Instant.now().getEpochSecond() + "\n54321\n/tmp\n127.0.0.1\n  54321001         0\nready   \n";
    }

    /** After a failed test, a server whose owner was killed would run on forever. */
    private static void stopPostgresLeftRunning(Path dataDir) {
        postmaster(dataDir)
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(cluster(dataDir).toString()))
                .ifPresent(postgres -> {
                    postgres.destroy();
                    try {
                        postgres.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        postgres.destroyForcibly();
                    }
                });
    }
}
