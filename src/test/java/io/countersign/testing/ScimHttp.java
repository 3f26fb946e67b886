package io.countersign.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to a SCIM service provider, for tests that set up state or check the wire without our connector. */
public final class ScimHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI baseUrl;
    private final String token;

    public ScimHttp(URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A request with the bearer token; {@code body} may be null; {@code headers} alternate names and values. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode get(String path) {
        return expect(send("GET", path, null), 200);
    }

    /** POSTs {@code resource} as JSON and answers what the provider created. */
    public JsonNode post(String path, Map<String, Object> resource) {
        return expect(send("POST", path, JSON.writeValueAsString(resource)), 201);
    }

    public void delete(String path) {
        expect(send("DELETE", path, null), 204);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : json(response);
    }
}
