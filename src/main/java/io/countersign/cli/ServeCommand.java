package io.countersign.cli;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the API, metrics and health until stopped (Ctrl-C or SIGTERM shut down cleanly). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the REST API, OpenAPI docs, health and metrics.")
final class ServeCommand extends ContextCommand {

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    void validate() {
        if (port < 0 || port > 65535) {
            throw CliException.badInput("--port: must be between 0 and 65535, was " + port);
        }
    }

    @Override
    boolean web() {
        return true;
    }

    @Override
    boolean verbose() {
        return true;
    }

    @Override
    Map<String, Object> properties() {
        return Map.of("server.port", port, "server.address", host);
    }

    @Override
    int run(ConfigurableApplicationContext context) {
        int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println("countersign serving on http://" + host + ":" + actual + " (API docs at /swagger-ui.html; Ctrl-C stops)");
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
