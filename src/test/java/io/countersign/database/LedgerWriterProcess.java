package io.countersign.database;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.countersign.CountersignApplication;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another Countersign process on a data directory: the whole application without a web server, in a JVM of
 * its own, so a test can kill it the way an operating system would.
 *
 * <p>The child ({@link #main}) appends {@code count} ledger entries, printing {@code ACK <seq> <hash>} as
 * each commits and then {@code READY <seq>}. With {@link Mode#KEEP_WRITING} it goes on appending until it is
 * killed; with {@link Mode#ON_REQUEST} it appends one entry per line it reads. When its standard input
 * closes it shuts down cleanly, so it never outlives the test that started it.
 */
final class LedgerWriterProcess implements AutoCloseable {

    static final String WORKFLOW = "recovery_test";
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    enum Mode { KEEP_WRITING, ON_REQUEST }

    record Acknowledged(long seq, String hash) {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Mode mode = Mode.valueOf(args[2]);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CountersignApplication.class)
                .web(WebApplicationType.NONE)
                .run("--countersign.data-dir=" + dataDir);
        Ledger ledger = context.getBean(Ledger.class);
        long last = 0;
        for (int i = 0; i < count; i++) {
            last = append(ledger);
        }
        System.out.println("READY " + last);
        System.out.flush();
        if (mode == Mode.KEEP_WRITING) {
            Thread.ofPlatform().daemon().start(() -> exitWhenInputCloses(context));
            while (true) {
                append(ledger);
            }
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                append(ledger);
            }
        }
        context.close();
        System.exit(0);
    }

    private static long append(Ledger ledger) {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.RECOMMENDATION, WORKFLOW)
                .subject("process:" + ProcessHandle.current().pid()).build());
        System.out.println("ACK " + entry.seq() + " " + entry.hash());
        System.out.flush();
        return entry.seq();
    }

    private static void exitWhenInputCloses(ConfigurableApplicationContext context) {
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the parent is gone either way
        }
        context.close();
        System.exit(0);
    }

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final PrintStream input;

    private LedgerWriterProcess(Process process) {
        this.process = process;
        this.input = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("ledger-writer-" + process.pid()).start(this::collectOutput);
    }

    /** Starts a child JVM on the test classpath; stdout and stderr are collected together. */
    static LedgerWriterProcess start(Path dataDir, int count, Mode mode) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                LedgerWriterProcess.class.getName(), dataDir.toString(), Integer.toString(count), mode.name()));
        try {
            return new LedgerWriterProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code READY} and returns the sequence number of the last entry written before it. */
    long awaitReady() {
        return Long.parseLong(awaitLine("READY ").substring("READY ".length()));
    }

    /** Waits until the child has acknowledged the entry {@code seq}. */
    Acknowledged awaitAcknowledged(long seq) {
        String line = awaitLine("ACK " + seq + " ");
        return new Acknowledged(seq, line.substring(line.lastIndexOf(' ') + 1));
    }

    /** Asks a child in {@link Mode#ON_REQUEST} for one more entry and waits for it. */
    Acknowledged appendOne() {
        int before = acknowledged().size();
        input.println("append");
        await().atMost(STARTUP).until(() -> acknowledged().size() > before);
        return acknowledged().getLast();
    }

    /** Every entry acknowledged so far, in order. */
    List<Acknowledged> acknowledged() {
        return output.stream().filter(line -> line.startsWith("ACK ")).map(line -> line.split(" "))
                .map(parts -> new Acknowledged(Long.parseLong(parts[1]), parts[2])).toList();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, the database is not stopped, the lock is released by the kernel. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Closes the child's input, so it shuts down cleanly; kills it if it does not. */
    @Override
    public void close() {
        if (process.isAlive()) {
            input.close();
            try {
                process.onExit().get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            process.onExit().get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("process " + process.pid() + " did not exit", e);
        }
    }

    private String awaitLine(String prefix) {
        try {
            return await().atMost(STARTUP).pollInterval(Duration.ofMillis(50))
                    .failFast("the process exited", () -> !process.isAlive() && line(prefix).isEmpty())
                    .until(() -> line(prefix), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("no line starting '" + prefix + "' from process " + process.pid()
                    + "; its output:\n" + String.join("\n", output), e);
        }
    }

    private Optional<String> line(String prefix) {
        return output.stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    private void collectOutput() {
        try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output closed: " + e.getMessage() + ")");
        }
    }
}
