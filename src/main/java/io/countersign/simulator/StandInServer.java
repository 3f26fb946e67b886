package io.countersign.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.countersign.simulator.internal.http.Exchanges;
import io.countersign.simulator.internal.http.StandIn;
import io.countersign.simulator.internal.http.StandIns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platforms' local stand-ins on one loopback port: each platform's API under its own path, in its own
 * wire format, over a {@link SimulatedTenant}. Used by {@code countersign sim serve}, the demo and the tests.
 */
public final class StandInServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandInServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<StandIn> standIns;

    private StandInServer(HttpServer server, ExecutorService executor, List<StandIn> standIns) {
        this.server = server;
        this.executor = executor;
        this.standIns = standIns;
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static StandInServer start(int port, SimulatedTenant tenant, StandInOptions options) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().name("stand-in-", 0).factory());
            List<StandIn> standIns = StandIns.all(tenant, options).stream()
                    .sorted(Comparator.comparingInt((StandIn s) -> s.prefix().length()).reversed()).toList();
            StandInServer started = new StandInServer(server, executor, standIns);
            server.createContext("/", started::dispatch);
            server.setExecutor(executor);
            server.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-ins on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** One line per platform served: what, where, how to authenticate. */
    public List<String> describe() {
        return standIns.stream().map(s -> s.describe(baseUri().toString())).filter(line -> !line.isBlank()).toList();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            StandIn target = standIns.stream().filter(s -> path.equals(s.prefix()) || path.startsWith(s.prefix().endsWith("/") ? s.prefix() : s.prefix() + "/"))
                    .findFirst().orElse(null);
            if (target == null) {
                Exchanges.json(exchange, 404, java.util.Map.of("error", "no stand-in serves " + path));
                return;
            }
            target.handle(exchange);
        } catch (RuntimeException e) {
            log.warn("stand-in failed on {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            Exchanges.json(exchange, 500, java.util.Map.of("error", "stand-in failure: " + e.getClass().getSimpleName()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        standIns.forEach(StandIn::close);
        executor.shutdownNow();
    }
}
