package io.countersign.connectors.siem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OCSF documents to a Splunk HTTP Event Collector: one {@code POST /services/collector/event} per batch, the body
 * the batch's envelopes ({@code {"time", "source", "sourcetype", "index"?, "event"}}) one after another, with
 * {@code Authorization: Splunk <token>}. 429 and 5xx are retried by {@link ResilientHttp}; a 400 refuses the batch
 * for good; 401 and 403 (a wrong token) leave it queued.
 */
final class HecOutput implements SiemOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final SecretRef token;
    private final String index;
    private final int batchSize;
    private final ResilientHttp http;

    HecOutput(URI url, SecretRef token, String index, int batchSize, ResilientHttp http) {
        this.url = url;
        this.token = token;
        this.index = index;
        this.batchSize = batchSize;
        this.http = http;
    }

    @Override
    public String name() {
        return "hec:" + url + (index == null ? "" : "#" + index);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public Sent send(List<OcsfEvent> batch) {
        StringBuilder body = new StringBuilder();
        batch.forEach(event -> body.append(JSON.writeValueAsString(envelope(event))).append('\n'));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/services/collector/event"))
                .header("Authorization", "Splunk " + token.reveal()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = http.send(request);
        String answer = answer(response.body());
        return switch (response.statusCode()) {
            case 200 -> new Sent.Taken();
            case 400 -> new Sent.Refused("HEC refused the batch: " + answer);
            case 401, 403 -> throw new ConnectorException("siem.hec-unauthorized", "HEC at " + url + " answered " + response.statusCode()
                    + " (" + answer + "): check the token " + token);
            default -> throw new ConnectorException("siem.hec", "HEC at " + url + " answered " + response.statusCode() + " (" + answer + ")");
        };
    }

    private Map<String, Object> envelope(OcsfEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("time", event.time().toEpochMilli() / 1000.0);
        envelope.put("source", "countersign");
        envelope.put("sourcetype", event.sourcetype());
        if (index != null) {
            envelope.put("index", index);
        }
        envelope.put("event", event.document());
        return envelope;
    }

    /** HEC's {@code text} and {@code code}, e.g. {@code Invalid token (code 4)}. */
    private static String answer(String body) {
        try {
            JsonNode answer = JSON.readTree(body == null ? "" : body);
            return answer.path("text").asString("no text") + " (code " + answer.path("code").asString("?") + ")";
        } catch (JacksonException notJson) {
            return "not a HEC answer";
        }
    }
}
