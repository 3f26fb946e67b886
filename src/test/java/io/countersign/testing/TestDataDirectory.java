package io.countersign.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run its own fresh data directory (embedded PostgreSQL, keys), removed at the end, so no
 * run sees what an earlier one left behind.
 */
public final class TestDataDirectory implements LauncherSessionListener {

    public static final String PROPERTY = "countersign.data-dir";
    private Path directory;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Path base = Path.of("target", "test-data");
            Files.createDirectories(base);
            directory = Files.createTempDirectory(base.toAbsolutePath(), "run-");
            System.setProperty(PROPERTY, directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
