package io.countersign.connectors.scim;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Passes requests through to a SCIM provider, and before the next {@code n} writes (PUT, PATCH) runs an edit of
 * the tenant: another administrator changing the resource between the connector's read and its write.
 */
final class InterferingProxy implements AutoCloseable {

    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept", "If-Match");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "ETag", "Location", "Retry-After");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final AtomicInteger editsLeft = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private volatile Runnable edit = () -> { };

    InterferingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::forward);
        server.start();
    }

    URI baseUrl(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Runs {@code edit} before each of the next {@code times} writes. */
    void editBeforeWrites(int times, Runnable edit) {
        this.edit = edit;
        editsLeft.set(times);
    }

    /** The writes (PUT, PATCH) that passed through. */
    int writes() {
        return writes.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (method.equals("PUT") || method.equals("PATCH")) {
                writes.incrementAndGet();
                if (editsLeft.getAndDecrement() > 0) {
                    edit.run();
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            REQUEST_HEADERS.forEach(h -> exchange.getRequestHeaders().getOrDefault(h, List.of()).forEach(v -> request.header(h, v)));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            RESPONSE_HEADERS.forEach(h -> response.headers().firstValue(h).ifPresent(v -> exchange.getResponseHeaders().set(h, v)));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
