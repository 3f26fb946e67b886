package io.countersign.database.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL cluster of one data directory.
 *
 * <p>The process holding the lock file owns the server: it recovers what a killed owner left behind,
 * starts PostgreSQL and stops it on {@link #close()}. Any other process finds the lock held and attaches
 * to the port the owner wrote into the lock file.
 *
 * <p>zonky's defaults suit throw-away test databases ({@code -F}, {@code synchronous_commit=off}); this one
 * holds the ledger, so a commit is on disk before the caller is told it happened.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "countersign";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String INITIALISED_MARKER = ".countersign-initialised";
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(60);

    private final int port;
    private final EmbeddedPostgres postgres;
    private final FileLock lock;
    private final RandomAccessFile lockFile;

    private EmbeddedPostgresServer(int port, EmbeddedPostgres postgres, FileLock lock, RandomAccessFile lockFile) {
        this.port = port;
        this.postgres = postgres;
        this.lock = lock;
        this.lockFile = lockFile;
    }

    static EmbeddedPostgresServer startOrAttach(Path clusterDir) {
        Path dir = clusterDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            RandomAccessFile file = new RandomAccessFile(dir.resolveSibling(dir.getFileName() + ".lock").toFile(), "rw");
            FileLock lock = tryLock(file);
            if (lock == null) {
                file.close();
                return attach(dir);
            }
            return own(dir, file, lock);
        } catch (IOException e) {
            throw new DatabaseStartException("cannot start the embedded database in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Null when another process, or another context in this one, holds the lock. */
    private static FileLock tryLock(RandomAccessFile file) throws IOException {
        try {
            return file.getChannel().tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static EmbeddedPostgresServer own(Path dir, RandomAccessFile file, FileLock lock) throws IOException {
        OrphanRecovery.prepare(dir, INITIALISED_MARKER);
        int port = freePort();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        Files.writeString(dir.resolve(INITIALISED_MARKER), Instant.now().toString());
        writePort(file, port);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(port, postgres, lock, file);
        server.createDatabaseIfMissing();
        log.info("embedded PostgreSQL started in {} on port {}", dir, port);
        return server;
    }

    private static EmbeddedPostgresServer attach(Path dir) throws IOException {
        Instant deadline = Instant.now().plus(ATTACH_WAIT);
        Path lockPath = dir.resolveSibling(dir.getFileName() + ".lock");
        while (Instant.now().isBefore(deadline)) {
            String content = Files.readString(lockPath, StandardCharsets.US_ASCII).trim();
            if (!content.isEmpty() && accepts(Integer.parseInt(content))) {
                log.info("attached to the embedded PostgreSQL of {} on port {}", dir, content);
                return new EmbeddedPostgresServer(Integer.parseInt(content), null, null, null);
            }
            pause();
        }
        throw new DatabaseStartException("the data directory " + dir.getParent()
                + " is locked by another Countersign process whose database did not answer within " + ATTACH_WAIT.toSeconds() + " s");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?reWriteBatchedInserts=true";
    }

    String user() {
        return "postgres";
    }

    private void createDatabaseIfMissing() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user(), "");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            lockFile.setLength(0);
            lock.release();
            lockFile.close();
            log.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void writePort(RandomAccessFile file, int port) throws IOException {
        FileChannel channel = file.getChannel();
        channel.truncate(0);
        file.seek(0);
        file.write(Integer.toString(port).getBytes(StandardCharsets.US_ASCII));
        channel.force(true);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("interrupted while waiting for the embedded database", e);
        }
    }
}
