package io.countersign.simulator.internal.servicenow;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * The ServiceNow Table API at its own paths: create ({@code POST /api/now/table/{table}}), read one, query with
 * {@code sysparm_query} of {@code field=value} terms joined by {@code ^}, and update ({@code PATCH} or {@code PUT}).
 * Answers {@code {"result": ...}}; errors as {@code {"error": {"message", "detail"}, "status": "failure"}}. Basic
 * auth with any user and the stand-in token as password. Tables come from the setting {@code servicenow.tables}
 * (default {@code sc_task,incident}); records get a 32-hex {@code sys_id}, a number ({@code SCTASK0010001},
 * {@code INC0010001}) and state 1 (open).
 */
public final class ServiceNowStandIn implements StandIn {

    private static final Pattern TABLE = Pattern.compile("/table/([a-z0-9_]+)");
    private static final Pattern RECORD = Pattern.compile("/table/([a-z0-9_]+)/([0-9a-f]{32})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StandInOptions options;
    private final InjectedFaults faults;
    private final Set<String> tables;
    private final Map<String, Map<String, Map<String, Object>>> records = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    public ServiceNowStandIn(StandInOptions options) {
        this.options = options;
        this.faults = new InjectedFaults(options);
        this.tables = Arrays.stream(options.setting("servicenow.tables", "sc_task,incident").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String prefix() {
        return "/api/now";
    }

    @Override
    public String describe(String baseUrl) {
        return "servicenow  " + baseUrl + "  (Table API " + String.join(", ", tables.stream().sorted().toList())
                + "; basic auth, any user, the token as password)";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (fault(exchange) || !authenticated(exchange)) {
            return;
        }
        String path = Exchanges.path(exchange, prefix());
        String method = exchange.getRequestMethod();
        Matcher record = RECORD.matcher(path);
        Matcher table = TABLE.matcher(path);
        String tableName = record.matches() ? record.group(1) : table.matches() ? table.group(1) : null;
        if (tableName == null) {
            error(exchange, 400, "Requested URI does not represent any resource", exchange.getRequestURI().getPath());
        } else if (!tables.contains(tableName)) {
            error(exchange, 400, "Invalid table " + tableName, null);
        } else if (record.matches()) {
            onRecord(exchange, tableName, record.group(2), method);
        } else if (method.equals("POST")) {
            create(exchange, tableName);
        } else if (method.equals("GET")) {
            query(exchange, tableName);
        } else {
            error(exchange, 405, "Method not Supported", method + " is not supported on a table");
        }
    }

    private boolean fault(HttpExchange exchange) throws IOException {
        switch (faults.next()) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                error(exchange, 429, "Rate limit exceeded", "Too many requests");
                return true;
            }
            case UNAVAILABLE -> {
                error(exchange, 503, "Service Unavailable", "The instance is not available");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean authenticated(HttpExchange exchange) throws IOException {
        Optional<BasicAuth.Credentials> credentials = BasicAuth.of(exchange);
        if (credentials.isPresent() && !credentials.get().user().isBlank() && credentials.get().password().equals(options.token())) {
            return true;
        }
        error(exchange, 401, "User Not Authenticated", "Required to provide Auth information");
        return false;
    }

    private void create(HttpExchange exchange, String table) throws IOException {
        Optional<Map<String, Object>> fields = fields(exchange);
        if (fields.isEmpty()) {
            return;
        }
        Map<String, Object> record = new LinkedHashMap<>(fields.get());
        String sysId = UUID.randomUUID().toString().replace("-", "");
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        record.put("sys_id", sysId);
        record.putIfAbsent("state", "1");
        record.put("sys_created_on", stamp);
        record.put("sys_updated_on", stamp);
        synchronized (records) {
            int number = numbers.merge(table, 10001, (last, first) -> last + 1);
            record.put("number", (table.equals("incident") ? "INC" : table.equals("sc_task") ? "SCTASK" : "TASK") + String.format("%07d", number));
            records.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(sysId, record);
        }
        exchange.getResponseHeaders().set("Location", "http://" + exchange.getRequestHeaders().getFirst("Host") + "/api/now/table/" + table + "/" + sysId);
        Exchanges.json(exchange, 201, Map.of("result", record));
    }

    private void onRecord(HttpExchange exchange, String table, String sysId, String method) throws IOException {
        Map<String, Object> record;
        synchronized (records) {
            record = records.getOrDefault(table, Map.of()).get(sysId);
        }
        if (record == null) {
            error(exchange, 404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
        } else if (method.equals("GET")) {
            Exchanges.json(exchange, 200, Map.of("result", copy(record)));
        } else if (method.equals("PATCH") || method.equals("PUT")) {
            Optional<Map<String, Object>> fields = fields(exchange);
            if (fields.isPresent()) {
                synchronized (records) {
                    record.putAll(fields.get());
                    record.put("sys_updated_on", ZonedDateTime.now(ZoneOffset.UTC).format(STAMP));
                }
                Exchanges.json(exchange, 200, Map.of("result", copy(record)));
            }
        } else {
            error(exchange, 405, "Method not Supported", method + " is not supported on a record");
        }
    }

    private void query(HttpExchange exchange, String table) throws IOException {
        Map<String, String> params = Exchanges.query(exchange);
        Map<String, String> terms = new LinkedHashMap<>();
        String query = params.getOrDefault("sysparm_query", "");
        for (String term : query.isEmpty() ? new String[0] : query.split("\\^")) {
            int eq = term.indexOf('=');
            if (eq <= 0 || term.contains("!=")) {
                error(exchange, 400, "Invalid query", "this stand-in understands field=value terms joined by ^, got '" + term + "'");
                return;
            }
            terms.put(term.substring(0, eq), term.substring(eq + 1));
        }
        int limit = Integer.parseInt(params.getOrDefault("sysparm_limit", "10000"));
        List<String> only = params.containsKey("sysparm_fields") ? List.of(params.get("sysparm_fields").split(",")) : null;
        List<Map<String, Object>> found;
        synchronized (records) {
            found = records.getOrDefault(table, Map.of()).values().stream()
                    .filter(r -> terms.entrySet().stream().allMatch(t -> t.getValue().equals(String.valueOf(r.get(t.getKey())))))
                    .limit(limit).map(r -> only == null ? copy(r) : pick(r, only)).toList();
        }
        Exchanges.json(exchange, 200, Map.of("result", found));
    }

    /** The request's fields, as ServiceNow keeps them: every value a string. */
    private Optional<Map<String, Object>> fields(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = Exchanges.JSON.readTree(Exchanges.body(exchange));
            if (body == null || !body.isObject()) {
                error(exchange, 400, "Exception while reading request", "The payload is not a JSON object");
                return Optional.empty();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            body.properties().forEach(p -> fields.put(p.getKey(), p.getValue().isValueNode() ? p.getValue().asString() : p.getValue().toString()));
            return Optional.of(fields);
        } catch (JacksonException e) {
            error(exchange, 400, "Exception while reading request", "Unable to parse the JSON payload: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private Map<String, Object> copy(Map<String, Object> record) {
        synchronized (records) {
            return new LinkedHashMap<>(record);
        }
    }

    private Map<String, Object> pick(Map<String, Object> record, List<String> names) {
        Map<String, Object> picked = new LinkedHashMap<>();
        names.forEach(n -> picked.put(n.strip(), record.getOrDefault(n.strip(), "")));
        return picked;
    }

    private static void error(HttpExchange exchange, int status, String message, String detail) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("detail", detail);
        Exchanges.json(exchange, status, Map.of("error", error, "status", "failure"));
    }
}
