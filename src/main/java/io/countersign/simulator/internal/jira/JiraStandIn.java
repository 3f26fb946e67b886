package io.countersign.simulator.internal.jira;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.http.BasicAuth;
import io.countersign.simulator.internal.http.Exchanges;
import io.countersign.simulator.internal.http.InjectedFaults;
import io.countersign.simulator.internal.http.StandIn;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud REST v3 at Jira's own paths: create an issue ({@code POST /rest/api/3/issue}, description in the
 * Atlassian Document Format), read it, list and perform transitions, and search with the subset of JQL a
 * connector needs ({@code project = KEY AND labels = LABEL}). Basic auth with any e-mail and the stand-in token
 * as API token. Errors in Jira's shape, {@code {"errorMessages": [...], "errors": {field: message}}}.
 * Projects and issue types come from the settings {@code jira.projects} (default {@code IAM}) and
 * {@code jira.issue-types} (default {@code Task,Service Request}).
 */
public final class JiraStandIn implements StandIn {

    private static final Pattern ISSUE = Pattern.compile("/issue/([A-Za-z0-9-]+)");
    private static final Pattern TRANSITIONS = Pattern.compile("/issue/([A-Za-z0-9-]+)/transitions");
    private static final Pattern JQL = Pattern.compile("\\s*(?:project\\s*=\\s*\"?([A-Za-z0-9]+)\"?\\s+AND\\s+)?labels\\s*=\\s*\"?([^\"\\s]+)\"?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final StandInOptions options;
    private final InjectedFaults faults;
    private final JiraIssues issues;

    public JiraStandIn(StandInOptions options) {
        this.options = options;
        this.faults = new InjectedFaults(options);
        this.issues = new JiraIssues(list(options.setting("jira.projects", "IAM")), list(options.setting("jira.issue-types", "Task,Service Request")));
    }

    @Override
    public String prefix() {
        return "/rest/api/3";
    }

    @Override
    public String describe(String baseUrl) {
        return "jira        " + baseUrl + "  (REST v3 issues and transitions; basic auth, any e-mail, the token as API token)";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (fault(exchange) || !authenticated(exchange)) {
            return;
        }
        String path = Exchanges.path(exchange, prefix());
        String method = exchange.getRequestMethod();
        Matcher transitions = TRANSITIONS.matcher(path);
        Matcher issue = ISSUE.matcher(path);
        if (path.equals("/issue") && method.equals("POST")) {
            create(exchange);
        } else if (transitions.matches()) {
            withIssue(exchange, transitions.group(1), found -> {
                if (method.equals("POST")) {
                    transition(exchange, found);
                } else {
                    Exchanges.json(exchange, 200, Map.of("expand", "transitions", "transitions", issues.transitions(found).stream()
                            .map(t -> Map.of("id", t.id(), "name", t.name(), "to", JiraIssues.status(t.to()), "hasScreen", false)).toList()));
                }
            });
        } else if (issue.matches() && method.equals("GET")) {
            withIssue(exchange, issue.group(1), found -> Exchanges.json(exchange, 200, render(exchange, found)));
        } else if (path.equals("/search/jql") && method.equals("GET")) {
            search(exchange);
        } else {
            error(exchange, 404, List.of("No resource " + method + " " + exchange.getRequestURI().getPath()), Map.of());
        }
    }

    private boolean fault(HttpExchange exchange) throws IOException {
        switch (faults.next()) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                error(exchange, 429, List.of("Rate limit exceeded."), Map.of());
                return true;
            }
            case UNAVAILABLE -> {
                error(exchange, 503, List.of("Service unavailable."), Map.of());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean authenticated(HttpExchange exchange) throws IOException {
        Optional<BasicAuth.Credentials> credentials = BasicAuth.of(exchange);
        if (credentials.isPresent() && credentials.get().user().contains("@") && credentials.get().password().equals(options.token())) {
            return true;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"protected-area\"");
        error(exchange, 401, List.of("You are not authenticated. Authentication required to perform this operation."), Map.of());
        return false;
    }

    private void create(HttpExchange exchange) throws IOException {
        Optional<JsonNode> body = body(exchange);
        if (body.isEmpty()) {
            return;
        }
        JsonNode fields = body.get().path("fields");
        Map<String, String> errors = new LinkedHashMap<>();
        String project = text(fields.path("project"), "key");
        if (project == null || !issues.knowsProject(project)) {
            errors.put("project", "valid project is required");
        }
        String type = text(fields.path("issuetype"), "name");
        if (type == null || !issues.knowsIssueType(type)) {
            errors.put("issuetype", "Specify a valid issue type");
        }
        String summary = fields.path("summary").isString() ? fields.path("summary").asString().strip() : "";
        if (summary.isEmpty()) {
            errors.put("summary", "You must specify a summary of the issue.");
        } else if (summary.length() > 255) {
            errors.put("summary", "Summary must be less than 255 characters.");
        }
        if (fields.has("description") && !isDocument(fields.get("description"))) {
            errors.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
        }
        List<String> labels = labels(fields.path("labels"), errors);
        if (!errors.isEmpty()) {
            error(exchange, 400, List.of(), errors);
            return;
        }
        Object description = fields.has("description") ? Exchanges.JSON.treeToValue(fields.get("description"), Object.class) : null;
        JiraIssues.Issue issue = issues.create(project, type, summary, description, labels);
        Exchanges.json(exchange, 201, Map.of("id", issue.id, "key", issue.key, "self", self(exchange, issue)));
    }

    private void transition(HttpExchange exchange, JiraIssues.Issue issue) throws IOException {
        Optional<JsonNode> body = body(exchange);
        if (body.isEmpty()) {
            return;
        }
        String id = text(body.get().path("transition"), "id");
        if (id == null) {
            error(exchange, 400, List.of("Missing 'transition' identifier"), Map.of());
            return;
        }
        JsonNode comment = body.get().path("update").path("comment").path(0).path("add").path("body");
        if (!comment.isMissingNode() && !isDocument(comment)) {
            error(exchange, 400, List.of(), Map.of("comment", "Operation value must be an Atlassian Document (see the Atlassian Document Format)"));
            return;
        }
        Object document = comment.isMissingNode() ? null : Exchanges.JSON.treeToValue(comment, Object.class);
        if (!issues.transition(issue, id, document)) {
            error(exchange, 400, List.of("Transition id '" + id + "' is not valid for this issue."), Map.of());
            return;
        }
        Exchanges.send(exchange, 204, null, new byte[0]);
    }

    private void search(HttpExchange exchange) throws IOException {
        String jql = Exchanges.query(exchange).getOrDefault("jql", "");
        Matcher query = JQL.matcher(jql);
        if (!query.matches()) {
            error(exchange, 400, List.of("Error in the JQL Query: this stand-in understands only 'project = KEY AND labels = LABEL', got '" + jql + "'."),
                    Map.of());
            return;
        }
        List<Map<String, Object>> found = issues.withLabel(query.group(1), query.group(2)).stream().map(i -> render(exchange, i)).toList();
        Exchanges.json(exchange, 200, Map.of("issues", found, "isLast", true));
    }

    private Map<String, Object> render(HttpExchange exchange, JiraIssues.Issue issue) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("summary", issue.summary);
        fields.put("status", JiraIssues.status(issue.status));
        fields.put("issuetype", Map.of("name", issue.issueType));
        fields.put("project", Map.of("key", issue.project));
        fields.put("labels", issue.labels);
        fields.put("created", issue.created.toString());
        if (issue.description != null) {
            fields.put("description", issue.description);
        }
        List<Map<String, Object>> comments = new ArrayList<>();
        for (int i = 0; i < issue.comments.size(); i++) {
            comments.add(Map.of("id", Integer.toString(10000 + i), "body", issue.comments.get(i)));
        }
        fields.put("comment", Map.of("comments", comments, "total", comments.size()));
        return Map.of("id", issue.id, "key", issue.key, "self", self(exchange, issue), "fields", fields);
    }

    private interface IssueAction {
        void run(JiraIssues.Issue issue) throws IOException;
    }

    private void withIssue(HttpExchange exchange, String idOrKey, IssueAction action) throws IOException {
        Optional<JiraIssues.Issue> issue = issues.find(idOrKey);
        if (issue.isEmpty()) {
            error(exchange, 404, List.of("Issue does not exist or you do not have permission to see it."), Map.of());
        } else {
            action.run(issue.get());
        }
    }

    private Optional<JsonNode> body(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = Exchanges.JSON.readTree(Exchanges.body(exchange));
            if (body != null && body.isObject()) {
                return Optional.of(body);
            }
            error(exchange, 400, List.of("The request body must be a JSON object."), Map.of());
        } catch (JacksonException e) {
            error(exchange, 400, List.of("Unexpected character in the request body: " + e.getOriginalMessage()), Map.of());
        }
        return Optional.empty();
    }

    private static List<String> labels(JsonNode node, Map<String, String> errors) {
        List<String> labels = new ArrayList<>();
        if (node.isMissingNode()) {
            return labels;
        }
        node.forEach(label -> {
            if (!label.isString() || label.asString().isBlank() || label.asString().chars().anyMatch(Character::isWhitespace)) {
                errors.put("labels", "The label '" + label.asString() + "' contains spaces which is invalid.");
            } else {
                labels.add(label.asString());
            }
        });
        return labels;
    }

    private static boolean isDocument(JsonNode node) {
        return node.isObject() && "doc".equals(node.path("type").asString()) && node.path("version").asInt() == 1 && node.path("content").isArray();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            value = node.path("id");
        }
        return value.isValueNode() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String self(HttpExchange exchange, JiraIssues.Issue issue) {
        return "http://" + exchange.getRequestHeaders().getFirst("Host") + "/rest/api/3/issue/" + issue.id;
    }

    private static void error(HttpExchange exchange, int status, List<String> messages, Map<String, String> errors) throws IOException {
        Exchanges.json(exchange, status, Map.of("errorMessages", messages, "errors", errors));
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
