package io.countersign.connectors.entra;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.countersign.connectors.ConnectorException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a feed's next read starts, stored as JSON with the page it follows: {@code next}, Graph's
 * {@code @odata.nextLink}, while a read is paging; and always {@code since}, the newest record time taken so far,
 * with {@code seen}, the ids of the records taken at exactly that time. The next read asks for records at or after
 * {@code since} and skips the ids in {@code seen}, so records sharing a timestamp across reads are neither lost
 * nor taken twice.
 */
record FeedCursor(Instant since, Set<String> seen, String next) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    FeedCursor {
        seen = Set.copyOf(seen);
    }

    static FeedCursor start(Instant since) {
        return new FeedCursor(since, Set.of(), null);
    }

    static FeedCursor parse(String stream, String stored) {
        try {
            JsonNode json = JSON.readTree(stored);
            Set<String> seen = new TreeSet<>();
            json.path("seen").forEach(id -> seen.add(id.asString()));
            JsonNode next = json.get("next");
            return new FeedCursor(Instant.parse(json.get("since").asString()), seen, next == null || next.isNull() ? null : next.asString());
        } catch (JacksonException | DateTimeParseException | NullPointerException e) {
            throw new ConnectorException("connector.config", "the stored cursor of entra " + stream + " is not a Graph feed cursor");
        }
    }

    /** Whether a record was already taken: at the cursor's own time, with an id it has seen. */
    boolean taken(Instant at, String id) {
        return at.equals(since) && seen.contains(id);
    }

    /** The cursor after taking a record; records older than {@code since} (late arrivals within a page) leave it as is. */
    FeedCursor after(Instant at, String id) {
        if (at.isAfter(since)) {
            return new FeedCursor(at, Set.of(id), next);
        }
        if (at.equals(since)) {
            Set<String> more = new TreeSet<>(seen);
            more.add(id);
            return new FeedCursor(since, more, next);
        }
        return this;
    }

    FeedCursor following(String nextLink) {
        return new FeedCursor(since, seen, nextLink);
    }

    String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("since", since.toString());
        json.put("seen", List.copyOf(new TreeSet<>(seen)));
        if (next != null) {
            json.put("next", next);
        }
        return JSON.writeValueAsString(json);
    }
}
