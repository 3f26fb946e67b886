package io.countersign.connectors.workday;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Workday-style wire format of a worker event, for webhooks and the feed:
 * <pre>
 * {"id": "3aa5…", "eventType": "Hire", "effectiveDate": "2026-03-02",
 *  "worker": {"employeeID": "E01234", "descriptor": "Ada Lovelace", "primaryWorkEmail": "ada@bank.example",
 *             "businessTitle": "Trader", "department": "Equities", "team": "Cash Equities", "costCenter": "CC-4100",
 *             "location": "London", "managerEmployeeID": "E00042", "workerType": "Employee",
 *             "hireDate": "2026-03-02", "endDate": null, "workerStatus": "Active"},
 *  "priorPosition": {"businessTitle": "Analyst", "team": "Delta One"}}
 * </pre>
 * Unknown members are ignored. Problems name the member's path, e.g. {@code events[2].worker.employeeID: is required}.
 */
final class WorkdayJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> PATHS = paths();
    private static final Map<String, Map<String, String>> VALUES = Map.of(
            "kind", Map.of("Hire", "hire", "Transfer", "transfer", "Termination", "termination", "End Contract", "contract_end",
                    "Leave of Absence", "leave_start", "Return from Leave", "leave_return"),
            "employment_type", Map.of("Employee", "employee", "Contingent Worker", "contractor"),
            "status", Map.of("Active", "active", "On Leave", "leave", "Terminated", "terminated"));

    /** The events, or every problem found (then no events). */
    record Parsed(List<WorkerEvent> events, List<String> problems) {
    }

    private WorkdayJson() {
    }

    /** A webhook body: one event, or {@code {"events": [...]}}. */
    static Parsed delivery(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return failed("body: is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            return failed("body: must be a worker event or {\"events\": [...]}");
        }
        if (root.has("events")) {
            return root.get("events").isArray() ? events(root.get("events"), "events") : failed("events: must be an array");
        }
        return single(root, "event");
    }

    /** The events of an array such as a feed page's {@code data}; problems are prefixed {@code name[i]}. */
    static Parsed events(JsonNode array, String name) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        List<WorkerEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            read(nodes.get(i), name + "[" + i + "]", events, problems);
        }
        return problems.isEmpty() ? new Parsed(events, List.of()) : new Parsed(List.of(), problems);
    }

    private static Parsed single(JsonNode node, String name) {
        List<WorkerEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        read(node, name, events, problems);
        return problems.isEmpty() ? new Parsed(events, List.of()) : new Parsed(List.of(), problems);
    }

    private static void read(JsonNode node, String prefix, List<WorkerEvent> events, List<String> problems) {
        if (!node.isObject()) {
            problems.add(prefix + ": must be an object");
            return;
        }
        Map<String, String> fields = new HashMap<>();
        Set<String> reported = new HashSet<>();
        PATHS.forEach((field, path) -> value(node, path).ifPresent(value -> {
            switch (value) {
                case Value.Text text -> fields.put(field, vendorValue(field, text.value(), prefix + "." + path, problems, reported));
                case Value.NotText notText -> {
                    problems.add(prefix + "." + path + ": must be a string, was " + notText.type());
                    reported.add(field);
                }
            }
        }));
        WorkerFields.Result result = WorkerFields.parse(fields::get);
        result.problems().stream().filter(p -> !reported.contains(p.field()))
                .forEach(p -> problems.add(prefix + "." + PATHS.get(p.field()) + ": " + p.reason()));
        if (result.valid() && reported.isEmpty()) {
            events.add(result.event());
        }
    }

    /** Translates Workday's words (e.g. {@code Contingent Worker}) into ours; an unknown word is reported here. */
    private static String vendorValue(String field, String value, String path, List<String> problems, Set<String> reported) {
        Map<String, String> words = VALUES.get(field);
        if (words == null || value.isBlank()) {
            return value;
        }
        String ours = words.get(value.strip());
        if (ours == null) {
            problems.add(path + ": '" + value + "' is not one of " + String.join(", ", words.keySet().stream().sorted().toList()));
            reported.add(field);
        }
        return ours;
    }

    private sealed interface Value {
        record Text(String value) implements Value { }
        record NotText(String type) implements Value { }
    }

    private static Optional<Value> value(JsonNode node, String path) {
        JsonNode current = node;
        for (String step : path.split("\\.")) {
            current = current == null || !current.isObject() ? null : current.get(step);
        }
        if (current == null || current.isNull() || current.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(current.isValueNode() ? new Value.Text(current.asString())
                : new Value.NotText(current.isArray() ? "an array" : "an object"));
    }

    private static Parsed failed(String problem) {
        return new Parsed(List.of(), List.of(problem));
    }

    private static Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("event_id", "id");
        paths.put("kind", "eventType");
        paths.put("effective_date", "effectiveDate");
        paths.put("employee_id", "worker.employeeID");
        paths.put("name", "worker.descriptor");
        paths.put("email", "worker.primaryWorkEmail");
        paths.put("title", "worker.businessTitle");
        paths.put("department", "worker.department");
        paths.put("desk", "worker.team");
        paths.put("cost_centre", "worker.costCenter");
        paths.put("location", "worker.location");
        paths.put("manager_employee_id", "worker.managerEmployeeID");
        paths.put("employment_type", "worker.workerType");
        paths.put("hire_date", "worker.hireDate");
        paths.put("end_date", "worker.endDate");
        paths.put("status", "worker.workerStatus");
        paths.put("previous_title", "priorPosition.businessTitle");
        paths.put("previous_desk", "priorPosition.team");
        return paths;
    }
}
