package io.countersign.connectors.workday;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.ReadBack;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import io.countersign.connectors.TenantReader;
import io.countersign.directory.PlatformSnapshot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HR source: reads the Workday-style worker-event feed ({@code GET feed-url?offset=N&limit=M}, bearer token,
 * answering {@code {"total": T, "data": [events]}}) with the offset as a durable cursor, and holds the webhook
 * secret. It takes no writes: {@link #platforms()} is empty, so provisioning never picks it.
 */
final class WorkdayConnector implements Connector, TenantReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI feedUrl;
    private final SecretRef token;
    private final SecretRef webhookSecret;
    private final int pageSize;
    private final ResilientHttp http;

    WorkdayConnector(URI feedUrl, SecretRef token, SecretRef webhookSecret, int pageSize, ResilientHttp http) {
        this.feedUrl = feedUrl;
        this.token = token;
        this.webhookSecret = webhookSecret;
        this.pageSize = pageSize;
        this.http = http;
    }

    Optional<SecretRef> webhookSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    @Override
    public Set<String> platforms() {
        return Set.of();
    }

    @Override
    public ChangeResult apply(ConnectorWrite write) {
        return new ChangeResult.Rejected("workday is an HR source and takes no writes");
    }

    @Override
    public ReadBack readBack(ConnectorWrite write) {
        return new ReadBack(false, Map.of("reason", "workday takes no writes"));
    }

    @Override
    public String platform() {
        return HrEvents.PLATFORM;
    }

    @Override
    public PlatformSnapshot readDirectory() {
        throw new ConnectorException("workday.no-directory", "workday has no directory to read: its worker events arrive by feed, webhook or CSV import");
    }

    @Override
    public List<String> streams() {
        return List.of(HrEvents.STREAM);
    }

    @Override
    public EventPage readEvents(String stream, Optional<String> cursor) {
        if (!HrEvents.STREAM.equals(stream)) {
            throw new ConnectorException("workday.stream", "workday has one stream, " + HrEvents.STREAM + "; asked for " + stream);
        }
        if (feedUrl == null) {
            throw new ConnectorException("workday.no-feed", "countersign.connectors.workday.feed-url is not configured;"
                    + " worker events arrive by webhook or CSV import only");
        }
        int offset = offset(cursor);
        JsonNode page = fetch(offset);
        JsonNode data = page.path("data");
        if (!data.isArray()) {
            throw new ConnectorException("workday.feed", "workday feed page at offset " + offset + " has no data array");
        }
        WorkdayJson.Parsed parsed = WorkdayJson.events(data, "data");
        if (!parsed.problems().isEmpty()) {
            throw new ConnectorException("workday.feed", "workday feed page at offset " + offset + ": " + parsed.problems().getFirst()
                    + (parsed.problems().size() > 1 ? " (and " + (parsed.problems().size() - 1) + " more)" : ""));
        }
        List<InboundEvent> events = parsed.events().stream().map(WorkerEvent::toInboundEvent).toList();
        int next = offset + events.size();
        return new EventPage(events, Integer.toString(next), !events.isEmpty() && next < page.path("total").asInt(0));
    }

    private JsonNode fetch(int offset) {
        String separator = feedUrl.getRawQuery() == null ? "?" : "&";
        HttpRequest request = HttpRequest.newBuilder(URI.create(feedUrl + separator + "offset=" + offset + "&limit=" + pageSize))
                .header("Authorization", "Bearer " + token.reveal()).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ConnectorException("workday.unauthorized", "workday feed answered " + response.statusCode()
                    + ": the token (countersign.connectors.workday.token, " + token + ") was refused");
        }
        if (response.statusCode() != 200) {
            throw new ConnectorException("workday.feed", "workday feed answered " + response.statusCode() + " at offset " + offset);
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ConnectorException("workday.feed", "workday feed page at offset " + offset + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static int offset(Optional<String> cursor) {
        try {
            int offset = cursor.map(Integer::parseInt).orElse(0);
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new ConnectorException("workday.cursor", "the stored workday cursor '" + cursor.orElse("") + "' is not an offset");
        }
    }
}
