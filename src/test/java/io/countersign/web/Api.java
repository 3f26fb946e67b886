package io.countersign.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running application; {@code authorization} is an {@code Authorization} header value or {@code null} for none. */
final class Api {

    static final String PROBLEM = "application/problem+json";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    Api(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    Reply get(String path, String authorization) {
        return send("GET", path, null, authorization);
    }

    Reply post(String path, String json, String authorization) {
        return send("POST", path, json, authorization);
    }

    Reply send(String method, String path, String json, String authorization) {
        return send(method, path, json, json == null ? null : "application/json", authorization);
    }

    /** A POST whose body is plain text, for endpoints that take only JSON. */
    Reply sendText(String path, String text, String authorization) {
        return send("POST", path, text, "text/plain;charset=UTF-8", authorization);
    }

    private Reply send(String method, String path, String body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + method + " " + path, e);
        }
    }

    record Reply(int status, String contentType, String challenge, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        String detail() {
            return json().path("detail").asString();
        }

        /** Asserts an RFC 7807 document with this status; returns it for more checks. */
        Reply assertProblem(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith(PROBLEM);
            assertThat(contentType.toLowerCase(Locale.ROOT)).satisfiesAnyOf(
                    type -> assertThat(type).doesNotContain("charset"), type -> assertThat(type).contains("charset=utf-8"));
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("type").asString()).startsWith("https://countersign.io/problems/");
            assertThat(problem.path("title").asString()).isNotBlank();
            assertThat(problem.path("detail").asString()).isNotBlank();
            return this;
        }
    }
}
