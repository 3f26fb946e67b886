package io.countersign.connectors.jira;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Jira Cloud REST v3: issues created in one project with one issue type, labelled {@code countersign} and
 * {@code countersign-<correlation id>} (how {@link #find} finds them again), closed by the transition named for
 * the outcome. Basic auth with the account's e-mail and an API token.
 */
final class JiraTickets implements TicketSink {

    static final String KIND = "jira";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String email;
    private final SecretRef apiToken;
    private final String projectKey;
    private final String issueType;
    private final Map<Outcome, String> transitions;
    private final ResilientHttp http;

    JiraTickets(URI base, String email, SecretRef apiToken, String projectKey, String issueType, Map<Outcome, String> transitions,
                ResilientHttp http) {
        this.base = base;
        this.email = email;
        this.apiToken = apiToken;
        this.projectKey = projectKey;
        this.issueType = issueType;
        this.transitions = Map.copyOf(transitions);
        this.http = http;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<TicketRef> find(String correlationId) {
        String jql = "project = \"" + projectKey + "\" AND labels = \"" + label(correlationId) + "\"";
        JsonNode found = call("GET", "/rest/api/3/search/jql?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + "&fields=status&maxResults=1",
                null, "search for " + label(correlationId));
        JsonNode issue = found.path("issues").path(0);
        return issue.isMissingNode() ? Optional.empty()
                : Optional.of(ref(issue.path("key").asString(), issue.path("id").asString(), issue.path("fields").path("status").path("name").asString(null)));
    }

    @Override
    public TicketRef open(TicketRequest request) {
        Map<String, Object> fields = Map.of("project", Map.of("key", projectKey), "issuetype", Map.of("name", issueType),
                "summary", request.summary().length() > 250 ? request.summary().substring(0, 250) : request.summary(),
                "description", AtlassianDocument.of(request.description(), request.details()),
                "labels", List.of("countersign", label(request.correlationId())));
        JsonNode created = call("POST", "/rest/api/3/issue", Map.of("fields", fields), "create an issue in " + projectKey);
        return ref(created.path("key").asString(), created.path("id").asString(), null);
    }

    @Override
    public TicketRef resolve(TicketRef ticket, Resolution resolution) {
        String wanted = transitions.get(resolution.outcome());
        JsonNode offered = call("GET", "/rest/api/3/issue/" + ticket.key() + "/transitions", null, "list the transitions of " + ticket.key());
        List<String> names = new ArrayList<>();
        for (JsonNode transition : offered.path("transitions")) {
            names.add(transition.path("name").asString());
            if (transition.path("name").asString().equalsIgnoreCase(wanted)) {
                Map<String, Object> body = Map.of("transition", Map.of("id", transition.path("id").asString()),
                        "update", Map.of("comment", List.of(Map.of("add", Map.of("body", AtlassianDocument.of(comment(resolution), Map.of()))))));
                call("POST", "/rest/api/3/issue/" + ticket.key() + "/transitions", body, "transition " + ticket.key() + " by '" + wanted + "'");
                return ref(ticket.key(), ticket.id(), transition.path("to").path("name").asString(wanted));
            }
        }
        JsonNode status = call("GET", "/rest/api/3/issue/" + ticket.key() + "?fields=status", null, "read " + ticket.key()).path("fields").path("status");
        if (status.path("statusCategory").path("key").asString().equals("done")) {
            return ref(ticket.key(), ticket.id(), status.path("name").asString());
        }
        throw new ConnectorException("jira.transition", ticket.key() + " offers no transition named '" + wanted + "' from status '"
                + status.path("name").asString() + "'; it offers " + names);
    }

    private static String comment(Resolution resolution) {
        String outcome = switch (resolution.outcome()) {
            case APPROVED -> "Approved in Countersign";
            case REJECTED -> "Rejected in Countersign";
            case EXPIRED -> "Expired in Countersign without a decision";
        };
        return outcome + (resolution.decidedBy() == null ? "" : " by " + resolution.decidedBy())
                + (resolution.comment() == null || resolution.comment().isBlank() ? "." : ": " + resolution.comment());
    }

    private TicketRef ref(String key, String id, String status) {
        return new TicketRef(KIND, key, id, base + "/browse/" + key, status);
    }

    static String label(String correlationId) {
        return "countersign-" + correlationId;
    }

    private JsonNode call(String method, String path, Object body, String what) {
        return new BasicAuthJson(KIND, base, email, apiToken, "the e-mail %s and API token %s", http, JiraTickets::errors).call(method, path, body, what);
    }

    /** Jira's {@code errorMessages} and {@code errors} as one line. */
    private static String errors(String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body);
            List<String> parts = new ArrayList<>();
            error.path("errorMessages").forEach(m -> parts.add(m.asString()));
            error.path("errors").properties().forEach(e -> parts.add(e.getKey() + ": " + e.getValue().asString()));
            return parts.isEmpty() ? "no error message" : String.join("; ", parts);
        } catch (JacksonException notJson) {
            return "no error message";
        }
    }
}
