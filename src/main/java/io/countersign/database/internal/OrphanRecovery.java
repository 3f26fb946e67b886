package io.countersign.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a cluster directory back into a startable state after its owner was killed.
 *
 * <p>Called only while holding the data directory's lock, so nothing found here belongs to a live
 * Countersign process: a half-made cluster (initdb interrupted) is removed, a PostgreSQL server still
 * running on the directory is stopped (PostgreSQL replays its WAL on the next start), and a stale
 * {@code postmaster.pid} whose process is gone or not PostgreSQL is removed, since a reused pid would
 * otherwise stop PostgreSQL from starting.
 */
final class OrphanRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrphanRecovery.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanRecovery() {
    }

    static void prepare(Path dir, String initialisedMarker) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(initialisedMarker))) {
            log.warn("removing the incompletely initialised database directory {}", dir);
            deleteRecursively(dir);
            return;
        }
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = postmaster(pidFile);
        if (orphan.isPresent()) {
            stop(dir, orphan.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static void stop(Path dir, ProcessHandle postmaster) throws IOException {
        log.warn("stopping PostgreSQL (pid {}) left running on {} by a process that did not shut down", postmaster.pid(), dir);
        Optional<Path> pgCtl = postmaster.info().command().map(Path::of).map(p -> p.resolveSibling("pg_ctl"));
        if (pgCtl.isPresent() && Files.isExecutable(pgCtl.get())) {
            runPgCtlStop(pgCtl.get(), dir);
        } else {
            postmaster.destroy();
        }
        try {
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL (pid " + postmaster.pid() + ") on " + dir + " did not stop within "
                    + STOP_WAIT.toSeconds() + " s; stop it and start again", e);
        }
    }

    private static void runPgCtlStop(Path pgCtl, Path dir) throws IOException {
        Process process = new ProcessBuilder(pgCtl.toString(), "-D", dir.toString(), "stop", "-m", "fast", "-w",
                "-t", Long.toString(STOP_WAIT.toSeconds()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            process.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL on " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
