package io.countersign.connectors.scim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.json.JsonMapper;

/**
 * A SCIM service provider nobody here wrote the protocol side of: scimmy and scimmy-routers on Express, from
 * {@code src/test/node/scim-server}. Installs its packages with {@code npm ci} when {@code node_modules} is
 * missing, starts {@code node server.js} on a free loopback port, and stops it on {@link #close()} (the server
 * also exits by itself when this JVM goes away, since it watches its standard input). Without Node.js it fails
 * loudly: the tests that need it must not pass by being skipped.
 */
final class ScimmyServer implements AutoCloseable {

    private static final Path DIRECTORY = Path.of("src", "test", "node", "scim-server");
    private static final Path LOG = Path.of("target", "scimmy-server.log");

    private final Process process;
    private final URI baseUrl;

    private ScimmyServer(Process process, int port) {
        this.process = process;
        this.baseUrl = URI.create("http://127.0.0.1:" + port + "/scim/v2");
    }

    static ScimmyServer start(String token) {
        requireNode();
        install();
        try {
            Files.createDirectories(LOG.getParent());
            ProcessBuilder builder = new ProcessBuilder("node", "server.js", "--port", "0").directory(DIRECTORY.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
            builder.environment().put("SCIM_TOKEN", token);
            Process process = builder.start();
            return new ScimmyServer(process, port(process));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node server.js in " + DIRECTORY, e);
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void requireNode() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("node --version did not answer; the SCIM tests need Node.js 18 or newer");
            }
        } catch (IOException e) {
            throw new IllegalStateException("node is not on the PATH: the SCIM connector tests run scimmy, an independent SCIM server, "
                    + "on Node.js 18 or newer with npm; install them (e.g. apt-get install nodejs npm)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for node", e);
        }
    }

    /** {@code npm ci} from the committed lock file (or {@code npm install} without one), once per fresh clone. */
    private static void install() {
        if (Files.isDirectory(DIRECTORY.resolve("node_modules").resolve("scimmy-routers"))) {
            return;
        }
        List<String> command = Files.exists(DIRECTORY.resolve("package-lock.json"))
                ? List.of("npm", "ci", "--no-audit", "--no-fund") : List.of("npm", "install", "--no-audit", "--no-fund");
        try {
            Files.createDirectories(LOG.getParent());
            Process npm = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed in " + DIRECTORY + "; see " + LOG);
            }
        } catch (IOException e) {
            throw new IllegalStateException("npm is not on the PATH: the SCIM connector tests install scimmy with it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the SCIM test server", e);
        }
    }

    /** The server prints {@code {"port": N}} once it listens. */
    private static int port(Process process) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String first = line.get(60, TimeUnit.SECONDS);
            if (first == null) {
                throw new IllegalStateException("node server.js exited before listening; see " + LOG);
            }
            return JsonMapper.builder().build().readTree(first).path("port").asInt();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("node server.js did not say its port within 60 s; see " + LOG, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the SCIM test server", e);
        }
    }
}
