package io.countersign.connectors.compliance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.countersign.connectors.SecretRef;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the compliance API which regulatory flags apply to a worker in a role (see the package documentation for
 * the wire format). One call per question, bounded by the configured timeout; a timeout, a refused connection, a
 * non-200 answer or a body that is not the expected JSON is {@link ComplianceCheck.Unavailable}, never a guess.
 * The endpoint is configured at start-up or, for the demo and tests, with {@link #use}.
 */
@Service
@EnableConfigurationProperties(ComplianceProperties.class)
public class ComplianceApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Endpoint(URI url, SecretRef token, Duration timeout) { }

    private final AtomicReference<Endpoint> endpoint = new AtomicReference<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ComplianceApi(ComplianceProperties properties) {
        if (properties.url() != null && !properties.url().isBlank()) {
            endpoint.set(new Endpoint(URI.create(properties.url()),
                    properties.token() == null ? null : SecretRef.parse("countersign.connectors.compliance.token", properties.token()),
                    properties.timeout()));
        }
    }

    /** Points the client at {@code url} (replacing the configured endpoint); {@code token} may be {@code null}. */
    public void use(URI url, SecretRef token, Duration timeout) {
        endpoint.set(new Endpoint(Objects.requireNonNull(url, "url == null"), token, Objects.requireNonNull(timeout, "timeout == null")));
    }

    /** Where the client asks, if anywhere. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint.get()).map(Endpoint::url);
    }

    public ComplianceCheck check(String employeeId, String title, String department, String location) {
        Objects.requireNonNull(employeeId, "employeeId == null");
        Endpoint target = endpoint.get();
        if (target == null) {
            return new ComplianceCheck.Unavailable("no compliance API is configured (countersign.connectors.compliance.url)");
        }
        URI uri = URI.create(target.url().toString().replaceAll("/+$", "") + "/v1/registrations/" + encode(employeeId)
                + "?title=" + encode(title) + "&department=" + encode(department) + "&location=" + encode(location));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(target.timeout()).header("Accept", "application/json").GET();
        if (target.token() != null) {
            request.header("Authorization", "Bearer " + target.token().reveal());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new ComplianceCheck.Unavailable("the compliance API answered " + response.statusCode() + " for " + employeeId);
            }
            return flags(JSON.readTree(response.body()));
        } catch (HttpTimeoutException e) {
            return new ComplianceCheck.Unavailable("the compliance API did not answer within " + target.timeout().toMillis() + " ms");
        } catch (IOException | JacksonException e) {
            return new ComplianceCheck.Unavailable("the compliance API could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ComplianceCheck.Unavailable("interrupted while asking the compliance API");
        }
    }

    /** Programmes as flags, then each required registration the worker has not passed, e.g. {@code FINRA Series 7 pending}. */
    static ComplianceCheck flags(JsonNode body) {
        if (!body.isObject() || !body.path("programs").isArray() || !body.path("required_registrations").isArray()) {
            return new ComplianceCheck.Unavailable("the compliance API's answer lacks programs or required_registrations");
        }
        Map<String, String> held = new LinkedHashMap<>();
        body.path("registrations").forEach(r -> held.put(r.path("exam").asString(), r.path("status").asString()));
        List<String> flags = new ArrayList<>();
        body.path("programs").forEach(p -> flags.add(p.asString()));
        body.path("required_registrations").forEach(r -> {
            String status = held.get(r.asString());
            if (!"PASSED".equals(status)) {
                flags.add("FINRA " + r.asString() + ("PENDING".equals(status) ? " pending" : " missing"));
            }
        });
        List<String> registrations = held.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
        String crd = body.path("crd").isString() ? body.path("crd").asString() : null;
        return new ComplianceCheck.Flags(flags, registrations, crd);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
