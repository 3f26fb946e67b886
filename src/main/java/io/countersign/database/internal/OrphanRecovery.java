package io.countersign.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a cluster directory back into a startable state after its owner was killed.
 *
 * <p>Called only while holding the data directory's lock, so nothing found here belongs to a live
 * Countersign process: a half-made cluster (initdb interrupted) is removed, a PostgreSQL server still
 * running on the directory is stopped (PostgreSQL replays its WAL on the next start), and a stale
 * {@code postmaster.pid} is removed: its pid may have been reused by anything since, another cluster's
 * PostgreSQL included, and the file would otherwise stop PostgreSQL from starting.
 *
 * <p>The server is stopped with signals rather than {@code pg_ctl}: {@code pg_ctl} refuses to run as root,
 * which is how the embedded server runs in many containers (zonky starts it in a user namespace).
 */
final class OrphanRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrphanRecovery.class);
    private static final Duration SMART_SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

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
        Optional<ProcessHandle> orphan = postmaster(pidFile, dir);
        if (orphan.isPresent()) {
            stop(dir, orphan.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> servesDirectory(p, dir));
    }

    /** A PostgreSQL server whose {@code -D} is this directory; the embedded server is always started with one. */
    private static boolean servesDirectory(ProcessHandle process, Path dir) {
        ProcessHandle.Info info = process.info();
        if (!info.command().map(c -> c.endsWith("/postgres")).orElse(false)) {
            return false;
        }
        List<String> arguments = info.arguments().map(List::of).orElse(List.of());
        int flag = arguments.indexOf("-D");
        if (flag < 0 || flag + 1 >= arguments.size()) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(arguments.get(flag + 1)), dir);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * SIGTERM asks for PostgreSQL's smart shutdown, clean once the dead owner's connections are gone; a server
     * that still has clients after the wait is killed with its backends, and recovers from its WAL on start.
     */
    private static void stop(Path dir, ProcessHandle postmaster) throws IOException {
        log.warn("stopping PostgreSQL (pid {}) left running on {} by a process that did not shut down", postmaster.pid(), dir);
        List<ProcessHandle> server = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        postmaster.destroy();
        if (exited(server, SMART_SHUTDOWN_WAIT)) {
            return;
        }
        log.warn("PostgreSQL (pid {}) on {} did not stop within {} s; killing it", postmaster.pid(), dir,
                SMART_SHUTDOWN_WAIT.toSeconds());
        server.forEach(ProcessHandle::destroyForcibly);
        if (!exited(server, KILL_WAIT)) {
            throw new IOException("PostgreSQL (pid " + postmaster.pid() + ") on " + dir + " did not stop; stop it and start again");
        }
    }

    private static boolean exited(List<ProcessHandle> processes, Duration wait) throws IOException {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
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
