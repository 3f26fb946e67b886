package io.countersign.connectors;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP with basic authentication, for REST APIs like Jira's and ServiceNow's: one call, the
 * platform's refusal of the credential named by its reference (never its value), any other non-2xx as
 * {@code <platform>.rejected} with the platform's own error text, and a body that is not JSON as
 * {@code <platform>.response}.
 */
public final class BasicAuthJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String platform;
    private final URI base;
    private final String user;
    private final SecretRef secret;
    private final String credentialName;
    private final ResilientHttp http;
    private final Function<String, String> errorText;

    /**
     * @param credentialName how the credential is named in a refusal, e.g. {@code "e-mail"} / {@code "API token"} pairs as "the e-mail … and API token …"
     * @param errorText      turns an error body into one line in the platform's own words
     */
    public BasicAuthJson(String platform, URI base, String user, SecretRef secret, String credentialName, ResilientHttp http,
                         Function<String, String> errorText) {
        this.platform = platform;
        this.base = base;
        this.user = user;
        this.secret = secret;
        this.credentialName = credentialName;
        this.http = http;
        this.errorText = errorText;
    }

    /** Calls {@code method path} with {@code body} as JSON (none when null); {@code what} says what for, in errors. */
    public JsonNode call(String method, String path, Object body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build());
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ConnectorException(platform + ".unauthorized", platform + " answered " + status + " to " + what + ": " + credentialName
                    .formatted(user, secret) + " were refused");
        }
        if (status < 200 || status > 299) {
            throw new ConnectorException(platform + ".rejected", platform + " answered " + status + " to " + what + ": " + errorText.apply(response.body()));
        }
        try {
            return response.body() == null || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ConnectorException(platform + ".response", platform + "'s answer to " + what + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
