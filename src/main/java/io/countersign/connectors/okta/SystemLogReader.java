package io.countersign.connectors.okta;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.ResilientHttp;

/**
 * Polls Okta's System Log. Written by hand over {@link ResilientHttp} rather than with the SDK because polling
 * must follow the {@code Link: rel="next"} URL Okta returns, even on an empty page, and the SDK keeps only the
 * {@code after} value of it. The first read asks for events since the configured start, ascending; every read
 * after follows the last next link, which is the cursor stored with each page. Retries of 429 (E0000047) and
 * 5xx, with Okta's {@code X-Rate-Limit-Reset} honoured, are {@link ResilientHttp}'s; a next link to any other
 * origin than the org's is refused, so the API token is never sent elsewhere.
 */
final class SystemLogReader {

    static final int LIMIT = 1000;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^,]*)");
    private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    private final URI orgUrl;
    private final String authorization;
    private final OktaSettings.LogSince since;
    private final ResilientHttp http;

    SystemLogReader(URI orgUrl, String token, OktaSettings.LogSince since, ResilientHttp http) {
        this.orgUrl = orgUrl;
        this.authorization = "SSWS " + token;
        this.since = since;
        this.http = http;
    }

    /** Reads the page at {@code cursor}, or the first page; {@code more} is false once a page comes back empty. */
    EventPage read(Optional<String> cursor) {
        URI url = cursor.map(this::onTheOrg).orElseGet(this::firstPage);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).GET().header("Authorization", authorization)
                .header("Accept", "application/json").build());
        if (response.statusCode() != 200) {
            OktaErrors.Problem problem = OktaErrors.of(response.statusCode(), response.body(), null);
            throw new ConnectorException(problem.connectorCode(), "reading the System Log at " + url + " failed: " + problem);
        }
        String page = "the System Log page at " + url;
        List<InboundEvent> events = LogEvents.events(LogEvents.parse(response.body(), page), page);
        String next = next(response.headers()).map(link -> onTheOrg(link).toString()).orElse(url.toString());
        return new EventPage(events, next, !events.isEmpty());
    }

    private URI firstPage() {
        String from = URLEncoder.encode(since.from(Instant.now()).toString(), StandardCharsets.UTF_8);
        return URI.create(orgUrl + "/api/v1/logs?sortOrder=ASCENDING&limit=" + LIMIT + "&since=" + from);
    }

    private URI onTheOrg(String link) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            throw LogEvents.malformed("the System Log link '" + link + "' is not a URL");
        }
        boolean sameOrigin = orgUrl.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && orgUrl.getHost().equalsIgnoreCase(String.valueOf(uri.getHost())) && port(orgUrl) == port(uri);
        if (!sameOrigin) {
            throw LogEvents.malformed("the System Log link to " + uri.getScheme() + "://" + uri.getRawAuthority() + " is not on the org "
                    + orgUrl + "; the API token is sent only to the org");
        }
        return uri;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The {@code rel="next"} target among the {@code Link} headers (one link per header, as Okta sends them, or several). */
    static Optional<String> next(HttpHeaders headers) {
        for (String value : headers.allValues("Link")) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = NEXT.matcher(link.group(2));
                if (rel.find() && List.of(rel.group(1).toLowerCase(Locale.ROOT).split("\\s+")).contains("next")) {
                    return Optional.of(link.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
