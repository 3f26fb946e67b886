package io.countersign.connectors.siem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A small check of OCSF 1.x documents, written from the schema (schema.ocsf.io) for the classes Countersign emits:
 * the base event's required attributes, each class's own required objects, the fixed category of each class, the
 * activity ids each class defines, {@code type_uid = class_uid * 100 + activity_id}, the severity and status
 * enumerations, the metadata object's required {@code product} and {@code version}, and the "at least one of"
 * constraints of the user, group, product and actor objects.
 */
final class OcsfSchema {

    private static final List<String> BASE_REQUIRED = List.of("activity_id", "category_uid", "class_uid", "metadata", "severity_id", "time", "type_uid");
    private static final Map<Integer, List<String>> CLASS_REQUIRED = Map.of(
            2004, List.of("finding_info"),
            3001, List.of("user"),
            3005, List.of("privileges", "user"),
            3006, List.of("group"));
    private static final Map<Integer, Integer> CATEGORY = Map.of(2004, 2, 3001, 3, 3005, 3, 3006, 3);
    private static final Map<Integer, Set<Integer>> ACTIVITIES = Map.of(
            2004, Set.of(0, 1, 2, 3, 99),
            3001, Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99),
            3005, Set.of(0, 1, 2, 99),
            3006, Set.of(0, 1, 2, 3, 4, 5, 6, 99));
    private static final Set<Integer> SEVERITIES = Set.of(0, 1, 2, 3, 4, 5, 6, 99);
    private static final Set<Integer> EVENT_STATUSES = Set.of(0, 1, 2, 99);
    private static final Set<Integer> FINDING_STATUSES = Set.of(0, 1, 2, 3, 4, 5, 6, 99);
    private static final List<String> ACTOR_ANY_OF = List.of("process", "user", "invoked_by", "session", "app_name", "app_uid");

    private OcsfSchema() {
    }

    /** Every way {@code document} breaks the schema; empty when it conforms. */
    static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        BASE_REQUIRED.forEach(name -> require(document, name, violations));
        int classUid = document.path("class_uid").asInt(-1);
        if (!CLASS_REQUIRED.containsKey(classUid)) {
            violations.add("class_uid " + classUid + " is not a class this check knows");
            return violations;
        }
        CLASS_REQUIRED.get(classUid).forEach(name -> require(document, name, violations));
        int activity = document.path("activity_id").asInt(-1);
        expect(document.path("category_uid").asInt() == CATEGORY.get(classUid), "category_uid must be " + CATEGORY.get(classUid), violations);
        expect(ACTIVITIES.get(classUid).contains(activity), "activity_id " + activity + " is not defined for class " + classUid, violations);
        expect(document.path("type_uid").asLong() == classUid * 100L + activity, "type_uid must be class_uid * 100 + activity_id", violations);
        expect(activity != 99 || document.path("activity_name").isString(), "activity_id 99 (Other) needs activity_name", violations);
        expect(SEVERITIES.contains(document.path("severity_id").asInt(-1)), "severity_id is not in the enumeration", violations);
        expect(document.path("time").isIntegralNumber() && document.path("time").asLong() > 1_000_000_000_000L,
                "time must be epoch milliseconds", violations);
        if (document.has("status_id")) {
            Set<Integer> statuses = classUid == 2004 ? FINDING_STATUSES : EVENT_STATUSES;
            expect(statuses.contains(document.path("status_id").asInt(-1)), "status_id is not in the enumeration", violations);
        }
        metadata(document.path("metadata"), violations);
        objects(document, classUid, violations);
        return violations;
    }

    private static void metadata(JsonNode metadata, List<String> violations) {
        require(metadata, "product", violations);
        require(metadata, "version", violations);
        expect(metadata.path("version").asString("").matches("1\\.\\d+\\.\\d+"), "metadata.version must be an OCSF 1.x version", violations);
        anyOf(metadata.path("product"), List.of("name", "uid"), "metadata.product", violations);
        expect(metadata.path("uid").isString() && !metadata.path("uid").asString().isBlank(), "metadata.uid is missing", violations);
    }

    private static void objects(JsonNode document, int classUid, List<String> violations) {
        if (classUid == 2004) {
            expect(document.path("finding_info").path("uid").isString(), "finding_info.uid is required", violations);
        }
        if (document.has("user")) {
            anyOf(document.path("user"), List.of("account", "name", "uid"), "user", violations);
        }
        if (document.has("group")) {
            anyOf(document.path("group"), List.of("name", "uid"), "group", violations);
        }
        if (document.has("actor")) {
            anyOf(document.path("actor"), ACTOR_ANY_OF, "actor", violations);
        }
        if (document.has("privileges")) {
            expect(document.path("privileges").isArray() && !document.path("privileges").isEmpty()
                    && document.path("privileges").valueStream().allMatch(JsonNode::isString), "privileges must be strings", violations);
        }
    }

    private static void require(JsonNode node, String name, List<String> violations) {
        expect(node.has(name) && !node.get(name).isNull(), name + " is required", violations);
    }

    private static void anyOf(JsonNode node, List<String> names, String object, List<String> violations) {
        expect(names.stream().anyMatch(n -> node.has(n) && !node.get(n).isNull()), object + " needs at least one of " + names, violations);
    }

    private static void expect(boolean holds, String violation, List<String> violations) {
        if (!holds) {
            violations.add(violation);
        }
    }
}
