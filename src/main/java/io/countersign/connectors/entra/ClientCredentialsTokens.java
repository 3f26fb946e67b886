package io.countersign.connectors.entra;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ResilientHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * App-only tokens for Graph by the OAuth 2.0 client-credentials grant: a form POST of client id, secret and
 * the scope {@code https://graph.microsoft.com/.default} to {@code {authority}/{tenant}/oauth2/v2.0/token},
 * through {@link ResilientHttp} (bounded retries, {@code Retry-After}), cached until five minutes before expiry.
 *
 * <p>Written here rather than taken from azure-identity: its {@code ClientSecretCredential} refuses any authority
 * that is not https ("Authority host must use https scheme"), so it cannot be pointed at a local stand-in, and it
 * would bring Reactor Netty onto the request path. The token goes only to Graph's own origin (scheme, host and
 * port of {@code graph-url}); for any other URL the provider answers an empty token, which the SDK then omits.
 */
final class ClientCredentialsTokens implements AccessTokenProvider {

    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private static final Duration EARLY = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokens.class);

    private final EntraSettings settings;
    private final String clientSecret;
    private final ResilientHttp http;
    private final AllowedHostsValidator hosts;
    private String token;
    private Instant refreshAt = Instant.MIN;

    ClientCredentialsTokens(EntraSettings settings, String clientSecret, ResilientHttp http) {
        this.settings = settings;
        this.clientSecret = clientSecret;
        this.http = http;
        this.hosts = new AllowedHostsValidator(settings.graphUrl().getHost());
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        return settings.onGraph(uri) ? token() : "";
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return hosts;
    }

    /** A valid token, fetched when none is cached or the cached one is about to expire. */
    synchronized String token() {
        if (token == null || !Instant.now().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token, e.g. after Graph refused it with a 401. */
    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret=" + encode(clientSecret)
                + "&scope=" + encode(GRAPH_SCOPE);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(settings.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonNode body = parse(answer.body());
        if (answer.statusCode() != 200 || body == null || !body.path("access_token").isString()) {
            throw refused(answer.statusCode(), body);
        }
        long lifetime = body.path("expires_in").asLong(3599);
        token = body.get("access_token").asString();
        refreshAt = Instant.now().plusSeconds(Math.max(lifetime / 2, lifetime - EARLY.toSeconds()));
        log.debug("fetched a Graph token for tenant {} and client {}, valid for {} s", settings.tenantId(), settings.clientId(), lifetime);
    }

    /** Names the identity platform's error code and AADSTS number, never the request (which carries the secret). */
    private ConnectorException refused(int status, JsonNode body) {
        String error = body == null ? "no JSON answer" : body.path("error").asString("no error code");
        String aadsts = body == null || !body.path("error_codes").isArray() || body.path("error_codes").isEmpty() ? ""
                : " AADSTS" + body.path("error_codes").get(0).asString();
        return new ConnectorException(status == 400 || status == 401 ? "connector.auth" : "connector.unavailable",
                "the identity platform at " + settings.authority().getHost() + " refused a token for tenant " + settings.tenantId()
                        + " and client " + settings.clientId() + ": HTTP " + status + " " + error + aadsts);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
