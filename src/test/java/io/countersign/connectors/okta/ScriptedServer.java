package io.countersign.connectors.okta;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers each request with the next scripted answer (the last one repeats), and
 * remembers what it was asked: for failure modes the stand-in does not produce on purpose.
 */
final class ScriptedServer implements AutoCloseable {

    record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    record Request(String method, String uri, String authorization) { }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer last;

    ScriptedServer(Answer... answers) throws IOException {
        this.script = new ConcurrentLinkedQueue<>(List.of(answers));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                Answer answer = script.isEmpty() ? last : script.poll();
                last = answer;
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value.replace("{base}", base().toString())));
                byte[] body = answer.body().replace("{base}", base().toString()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
