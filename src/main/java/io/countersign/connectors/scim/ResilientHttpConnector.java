package io.countersign.connectors.scim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ResilientHttp;
import jakarta.ws.rs.ProcessingException;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.message.internal.Statuses;

/**
 * Carries the SCIM SDK's JAX-RS requests over {@link ResilientHttp}: java.net.http speaks PATCH (Jersey's
 * default HttpURLConnection transport does not without reflection the JDK forbids), and the SDK's calls get the
 * same bounded retries of 429, 5xx and connection failures, with {@code Retry-After} honoured, as every other
 * connector. The bearer token is added here, after Jersey is done with the request, so nothing in Jersey sees it.
 */
final class ResilientHttpConnector implements Connector {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final ResilientHttp http;
    private final String authorization;

    ResilientHttpConnector(ResilientHttp http, String bearerToken) {
        this.http = http;
        this.authorization = "Bearer " + bearerToken;
    }

    @Override
    public ClientResponse apply(ClientRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri());
        byte[] body = entity(request);
        request.getStringHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !"authorization".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.header("Authorization", authorization);
        builder.method(request.getMethod(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response;
        try {
            response = http.send(builder.build());
        } catch (ConnectorException e) {
            throw new ProcessingException(e.getMessage(), e);
        }
        ClientResponse answer = new ClientResponse(Statuses.from(response.statusCode()), request);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                answer.getHeaders().addAll(name, values);
            }
        });
        answer.setEntityStream(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        return answer;
    }

    private static byte[] entity(ClientRequest request) {
        if (!request.hasEntity()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.setStreamProvider(contentLength -> out);
        try {
            request.writeEntity();
        } catch (IOException e) {
            throw new ProcessingException("cannot write the request body: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
        try {
            callback.response(apply(request));
        } catch (ProcessingException e) {
            callback.failure(e);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String getName() {
        return "countersign-resilient-http";
    }

    @Override
    public void close() {
        // java.net.http's client needs no closing here; it is shared with the connector that owns it.
    }
}
