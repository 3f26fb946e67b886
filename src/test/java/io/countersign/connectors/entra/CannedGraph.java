package io.countersign.connectors.entra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Graph written out by hand for one test: a token endpoint that always issues, and API answers the test scripts
 * (status and body for a request URI, or no answer at all), so malformed, truncated, hanging and tricky pages can be
 * served exactly. Records every API request it sees.
 */
final class CannedGraph implements AutoCloseable {

    /** A scripted answer; {@link #SILENCE} never answers. */
    record Answer(int status, String body, Map<String, String> headers) {

        static final Answer SILENCE = new Answer(0, "", Map.of());

        static Answer json(String body) {
            return new Answer(200, body, Map.of());
        }
    }

    final List<URI> requests = new CopyOnWriteArrayList<>();
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Function<URI, Answer> api;

    CannedGraph(Function<URI, Answer> api) {
        this.api = api;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
        server.start();
    }

    void answer(Function<URI, Answer> api) {
        this.api = api;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The connector's configuration against this server, secrets from {@code tenant}'s files. */
    Map<String, String> configuration(GraphTenant files) {
        Map<String, String> configuration = new HashMap<>(files.configuration());
        configuration.put("graph-url", base() + "/graph/v1.0");
        configuration.put("authority", base() + "/graph");
        return configuration;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = URI.create(base() + exchange.getRequestURI());
            if (uri.getPath().endsWith("/oauth2/v2.0/token")) {
                tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                send(exchange, new Answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"canned-" + tokenRequests.size() + "\"}",
                        Map.of()));
                return;
            }
            requests.add(uri);
            Answer answer = api.apply(uri);
            if (answer == Answer.SILENCE) {
                awaitStop();
                return;
            }
            send(exchange, answer);
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
    }
}
