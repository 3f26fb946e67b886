package io.countersign.connectors.entra;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.ResilientHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls sign-ins, directory audits and risk detections one page at a time. A read starts with
 * {@code $filter=<time> ge <since>&$orderby=<time> asc} and then follows {@code @odata.nextLink} (only on Graph's
 * own origin, where our token may go) until Graph gives none. Calls go through {@link ResilientHttp}: 429 and 5xx
 * are retried a bounded number of times after {@code Retry-After}; a 401 fetches a fresh token once. The records
 * are kept as Graph sent them (unknown fields included) as each event's payload; an answer that is not a page of
 * records fails the read, and the cursor stays where it was.
 */
final class ActivityPoller {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ActivityPoller.class);
    private static final int MOST_PER_PAGE = 1000;

    private final EntraSettings settings;
    private final ClientCredentialsTokens tokens;
    private final ResilientHttp http;

    ActivityPoller(EntraSettings settings, ClientCredentialsTokens tokens, ResilientHttp http) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
    }

    EventPage read(String stream, Optional<String> stored) {
        ActivityFeed feed = ActivityFeed.named(stream);
        FeedCursor from = stored.map(c -> FeedCursor.parse(stream, c)).orElseGet(() -> FeedCursor.start(settings.signInsStart(Instant.now())));
        JsonNode page = get(feed, from.next() != null ? onGraph(feed, from.next()) : firstPage(feed, from.since()));
        JsonNode records = page.get("value");
        if (records == null || !records.isArray()) {
            throw new ConnectorException("connector.malformed", "read " + stream + ": Graph's answer has no value array");
        }
        List<InboundEvent> events = new ArrayList<>();
        FeedCursor after = from;
        for (JsonNode record : records) {
            String id = feed.id(record);
            Instant at = feed.time(record);
            if (!from.taken(at, id)) {
                events.add(feed.event(record, id, at));
                after = after.after(at, id);
            }
        }
        JsonNode next = page.get("@odata.nextLink");
        String nextLink = next == null || next.isNull() ? null : next.asString();
        log.debug("read {}: {} records, {} new, {}", stream, records.size(), events.size(), nextLink == null ? "last page" : "more to come");
        return new EventPage(events, after.following(nextLink).json(), nextLink != null);
    }

    private URI firstPage(ActivityFeed feed, Instant since) {
        return URI.create(settings.graphUrl() + "/" + feed.path() + "?$filter=" + encode(feed.timestamp() + " ge " + since) + "&$orderby="
                + encode(feed.timestamp() + " asc") + "&$top=" + Math.min(MOST_PER_PAGE, settings.pageSize()));
    }

    private URI onGraph(ActivityFeed feed, String link) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("connector.malformed", "read " + feed.stream() + ": @odata.nextLink is not a URL");
        }
        if (!settings.onGraph(uri)) {
            throw new ConnectorException("connector.malformed", "read " + feed.stream() + ": @odata.nextLink leads away from " + settings.graphUrl()
                    + " (to " + uri.getScheme() + "://" + uri.getAuthority() + "); the token is not sent there");
        }
        return uri;
    }

    private JsonNode get(ActivityFeed feed, URI uri) {
        HttpResponse<String> answer = send(uri);
        if (answer.statusCode() == 401) {
            tokens.invalidate();
            answer = send(uri);
        }
        if (answer.statusCode() != 200) {
            throw refused(feed, answer);
        }
        try {
            JsonNode page = JSON.readTree(answer.body());
            if (page == null || !page.isObject()) {
                throw new ConnectorException("connector.malformed", "read " + feed.stream() + ": Graph's answer is not a JSON object");
            }
            return page;
        } catch (JacksonException e) {
            throw new ConnectorException("connector.malformed", "read " + feed.stream() + ": Graph's answer is not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private HttpResponse<String> send(URI uri) {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + tokens.token()).header("Accept", "application/json").GET().build());
    }

    private static ConnectorException refused(ActivityFeed feed, HttpResponse<String> answer) {
        String error;
        try {
            JsonNode body = JSON.readTree(answer.body()).path("error");
            error = body.path("code").asString("") + ": " + body.path("message").asString("");
        } catch (JacksonException e) {
            error = "no OData error body";
        }
        int status = answer.statusCode();
        String code = status == 401 ? "connector.auth" : status == 429 || status >= 500 ? "connector.unavailable" : "connector.refused";
        return new ConnectorException(code, "read " + feed.stream() + ": Graph answered " + status + " (" + error + ")");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
