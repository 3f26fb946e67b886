package io.countersign.simulator.internal.graph;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Formatting shared by the Graph resources: timestamps as Graph writes them, and {@code $select}. */
final class GraphRecords {

    private GraphRecords() {
    }

    /** A timestamp to whole seconds, as sign-ins and user properties carry them, e.g. {@code 2025-06-02T08:15:03Z}. */
    static String seconds(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A timestamp to milliseconds, as audit records and risk detections carry them. */
    static String millis(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A stable GUID for a derived object, e.g. an app role or a risk detection, named by {@code name}. */
    static String guid(String name) {
        return UUID.nameUUIDFromBytes(("entra:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The properties {@code $select} names, or {@code defaults}; an unknown name is Graph's 400. */
    static Map<String, Object> select(String type, List<String> defaults, Map<String, Object> resource, String select) {
        List<String> names = select == null || select.isBlank() ? defaults : Arrays.stream(select.split(",")).map(String::strip).toList();
        Map<String, Object> selected = new LinkedHashMap<>();
        if (resource.containsKey("@odata.type")) {
            selected.put("@odata.type", resource.get("@odata.type"));
        }
        for (String name : names) {
            if (!resource.containsKey(name)) {
                throw new GraphRequest.BadRequest("Request_BadRequest", "Could not find a property named '" + name + "' on type '" + type + "'.");
            }
            selected.put(name, resource.get(name));
        }
        return selected;
    }
}
