package io.countersign.connectors.servicenow;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.countersign.connectors.BasicAuthJson;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import io.countersign.connectors.TicketRef;
import io.countersign.connectors.TicketRequest;
import io.countersign.connectors.TicketSink;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ServiceNow's Table API: a record per request in one table ({@code sc_task}, {@code incident}…) with the configured
 * fields, our id in {@code correlation_id} (how {@link #find} finds it again), closed by setting the configured
 * state with close and work notes. Basic auth with a user and password.
 */
final class ServiceNowTickets implements TicketSink {

    static final String KIND = "servicenow";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String user;
    private final SecretRef password;
    private final String table;
    private final Map<String, String> fields;
    private final Map<Outcome, String> states;
    private final ResilientHttp http;

    ServiceNowTickets(URI base, String user, SecretRef password, String table, Map<String, String> fields, Map<Outcome, String> states,
                      ResilientHttp http) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.table = table;
        this.fields = Map.copyOf(fields);
        this.states = Map.copyOf(states);
        this.http = http;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<TicketRef> find(String correlationId) {
        String query = URLEncoder.encode("correlation_id=" + correlationId, StandardCharsets.UTF_8);
        JsonNode result = call("GET", "/api/now/table/" + table + "?sysparm_query=" + query + "&sysparm_limit=1&sysparm_fields=sys_id,number,state",
                null, "search " + table + " for " + correlationId).path("result").path(0);
        return result.isMissingNode() ? Optional.empty() : Optional.of(ref(result));
    }

    @Override
    public TicketRef open(TicketRequest request) {
        Map<String, Object> record = new LinkedHashMap<>(fields);
        record.put("short_description", request.summary().length() > 160 ? request.summary().substring(0, 160) : request.summary());
        record.put("description", request.description().strip() + (request.details().isEmpty() ? "" : "\n\n" + request.details().entrySet()
                .stream().map(d -> d.getKey() + ": " + d.getValue()).collect(Collectors.joining("\n"))));
        record.put("correlation_id", request.correlationId());
        record.put("correlation_display", "Countersign");
        return ref(call("POST", "/api/now/table/" + table, record, "create a " + table + " record").path("result"));
    }

    @Override
    public TicketRef resolve(TicketRef ticket, Resolution resolution) {
        String note = switch (resolution.outcome()) {
            case APPROVED -> "Approved in Countersign";
            case REJECTED -> "Rejected in Countersign";
            case EXPIRED -> "Expired in Countersign without a decision";
        } + (resolution.decidedBy() == null ? "" : " by " + resolution.decidedBy())
                + (resolution.comment() == null || resolution.comment().isBlank() ? "." : ": " + resolution.comment());
        Map<String, Object> update = Map.of("state", states.get(resolution.outcome()), "close_notes", note, "work_notes", note);
        return ref(call("PATCH", "/api/now/table/" + table + "/" + ticket.id(), update, "close " + ticket.key()).path("result"));
    }

    private TicketRef ref(JsonNode record) {
        String sysId = record.path("sys_id").asString("");
        if (sysId.isEmpty()) {
            throw new ConnectorException("servicenow.response", "servicenow answered without a sys_id");
        }
        return new TicketRef(KIND, record.path("number").asString(sysId), sysId,
                base + "/nav_to.do?uri=" + table + ".do?sys_id=" + sysId, record.path("state").asString(null));
    }

    private JsonNode call(String method, String path, Object body, String what) {
        return new BasicAuthJson(KIND, base, user, password, "the user %s and password %s", http, ServiceNowTickets::error).call(method, path, body, what);
    }

    /** ServiceNow's {@code error.message} and {@code error.detail} as one line. */
    private static String error(String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
            String message = error.path("message").asString("no error message");
            String detail = error.path("detail").isNull() ? "" : error.path("detail").asString("");
            return detail.isEmpty() ? message : message + " (" + detail + ")";
        } catch (JacksonException notJson) {
            return "no error message";
        }
    }
}
