package io.countersign.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run its own fresh data directory (embedded PostgreSQL, keys), so no run sees what an
 * earlier one left behind. The embedded database stops in a shutdown hook after the session ends, so a run's
 * directory is removed by the next run instead, unless another run is still using it.
 */
public final class TestDataDirectory implements LauncherSessionListener {

    public static final String PROPERTY = "countersign.data-dir";
    private Path directory;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Path base = Path.of("target", "test-data");
            Files.createDirectories(base);
            removeFinishedRuns(base);
            directory = Files.createTempDirectory(base.toAbsolutePath(), "run-");
            System.setProperty(PROPERTY, directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeFinishedRuns(Path base) throws IOException {
        try (Stream<Path> runs = Files.list(base)) {
            for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run-")).toList()) {
                if (!inUse(run)) {
                    delete(run);
                }
            }
        }
    }

    /** A run is in use while some process holds the lock of one of its embedded databases. */
    private static boolean inUse(Path run) throws IOException {
        try (Stream<Path> locks = Files.walk(run, 2)) {
            for (Path lock : locks.filter(p -> p.getFileName().toString().endsWith(".lock")).toList()) {
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
                    if (held == null) {
                        return true;
                    }
                } catch (OverlappingFileLockException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Deletes a directory tree; for tests that make their own scratch directories. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
