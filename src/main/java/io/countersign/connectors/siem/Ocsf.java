package io.countersign.connectors.siem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.countersign.connectors.PlatformChanged;
import io.countersign.lifecycle.AccountActiveAfterEndDate;
import io.countersign.remediation.SodFindingRaised;

/**
 * Countersign's events as OCSF 1.3 documents. A separation-of-duties finding is a Detection Finding (2004). A
 * platform write is, by the OCSF schema's own classes: an Account Change (3001: create 1, disable 5, other 99) for
 * account-level writes, a Group Management event (3006: add user 3, remove user 4) for memberships, and a User
 * Access Management event (3005: assign privileges 1, revoke privileges 2) for application assignments. Every
 * document carries the base attributes (activity, category, class, type, time in epoch milliseconds, severity,
 * status, metadata with product, version and uid) and its class's required objects.
 */
final class Ocsf {

    static final String VERSION = "1.3.0";

    private record Activity(int classUid, String className, int id, String name) {
    }

    private final Map<String, Object> product;

    Ocsf(String productVersion) {
        this.product = Map.of("name", "Countersign", "vendor_name", "Countersign", "version", productVersion);
    }

    OcsfEvent finding(SodFindingRaised finding) {
        String uid = "countersign:sod-finding:" + finding.findingId();
        Map<String, Object> document = base(new Activity(2004, "Detection Finding", 1, "Create"), 2, "Findings", finding.detectedAt(), uid);
        severity(document, finding.severity());
        document.put("status_id", 1);
        document.put("status", "New");
        document.put("is_alert", true);
        document.put("message", finding.identityId() + " holds conflicting entitlements " + String.join(" and ", finding.heldKeys()));
        document.put("finding_info", Map.of("uid", finding.findingId(), "title", "Separation-of-duties conflict (" + finding.ruleId() + ")",
                "desc", finding.narrative() == null ? "" : finding.narrative(), "types", List.of("Separation of Duties"),
                "created_time", finding.detectedAt().toEpochMilli(),
                "analytic", Map.of("uid", finding.ruleId(), "name", finding.ruleId(), "type_id", 1, "type", "Rule")));
        document.put("resources", List.of(Map.of("uid", finding.identityId(), "type", "Identity")));
        document.put("remediation", Map.of("desc", "Recommended: " + finding.recommendedAction() + " " + finding.targetKey()
                + String.format(Locale.ROOT, " (confidence %.2f)", finding.confidence())));
        document.put("confidence_score", (int) Math.round(finding.confidence() * 100));
        document.put("actor", Map.of("app_name", "Countersign"));
        document.put("unmapped", Map.of("held_keys", finding.heldKeys(), "target_key", String.valueOf(finding.targetKey()),
                "recommendation_seq", finding.recommendationSeq()));
        return new OcsfEvent(uid, 2004, "ocsf:detection_finding", finding.detectedAt(), document);
    }

    /** An account found active after its owner's HR end date, as an OCSF detection finding (high severity). */
    OcsfEvent activeAfterEndDate(AccountActiveAfterEndDate alert, Instant at) {
        String uid = "countersign:ledger:" + alert.ledgerSeq();
        Map<String, Object> document = base(new Activity(2004, "Detection Finding", 1, "Create"), 2, "Findings", at, uid);
        severity(document, "high");
        document.put("status_id", 1);
        document.put("status", "New");
        document.put("is_alert", true);
        document.put("message", "account " + alert.login() + " on " + alert.platform() + " is active after its owner's HR end date " + alert.endDate());
        document.put("finding_info", Map.of("uid", uid, "title", "Account active after HR end date", "types", List.of("Leaver"),
                "created_time", at.toEpochMilli(), "analytic", Map.of("uid", "account_active_after_end_date", "name", "account_active_after_end_date",
                        "type_id", 1, "type", "Rule")));
        document.put("resources", List.of(Map.of("uid", alert.identityId(), "type", "Identity")));
        document.put("user", Map.of("name", alert.login(), "uid", alert.identityId()));
        document.put("actor", Map.of("app_name", "Countersign"));
        document.put("unmapped", Map.of("platform", alert.platform(), "end_date", alert.endDate().toString(), "ledger_seq", alert.ledgerSeq()));
        return new OcsfEvent(uid, 2004, "ocsf:detection_finding", at, document);
    }

    OcsfEvent change(PlatformChanged change) {
        String uid = "countersign:ledger:" + change.ledgerSeq();
        Activity activity = activity(change.operation());
        Map<String, Object> document = base(activity, 3, "Identity & Access Management", change.at(), uid);
        document.put("severity_id", 1);
        document.put("severity", "Informational");
        document.put("status_id", change.confirmed() ? 1 : 2);
        document.put("status", change.confirmed() ? "Success" : "Failure");
        if (!change.confirmed()) {
            document.put("status_detail", "the platform's state, read back, did not show the change");
        }
        document.put("message", change.operation() + " " + change.resource() + " for " + change.login() + " on " + change.platform());
        document.put("user", Map.of("name", change.login(), "uid", change.subject() == null ? change.login() : change.subject()));
        document.put("actor", Map.of("app_name", "Countersign", "user", Map.of("name", change.agentId(), "uid", change.agentId())));
        switch (activity.classUid()) {
            case 3006 -> document.put("group", Map.of("name", String.valueOf(change.write().getOrDefault("group", change.resource()))));
            case 3005 -> document.put("privileges", List.of(String.valueOf(change.write().getOrDefault("entitlement", change.resource()))));
            default -> { }
        }
        document.put("unmapped", Map.of("platform", change.platform(), "operation", change.operation(), "resource", change.resource(),
                "workflow", change.workflow(), "result", change.result(), "ledger_seq", change.ledgerSeq()));
        return new OcsfEvent(uid, activity.classUid(), "ocsf:" + activity.className().toLowerCase(Locale.ROOT).replace(' ', '_'),
                change.at(), document);
    }

    private static Activity activity(String operation) {
        return switch (operation) {
            case "create_user" -> new Activity(3001, "Account Change", 1, "Create");
            case "enable_user" -> new Activity(3001, "Account Change", 2, "Enable");
            case "disable_user" -> new Activity(3001, "Account Change", 5, "Disable");
            case "delete_user" -> new Activity(3001, "Account Change", 6, "Delete");
            case "add_membership" -> new Activity(3006, "Group Management", 3, "Add User");
            case "remove_membership" -> new Activity(3006, "Group Management", 4, "Remove User");
            case "assign_app" -> new Activity(3005, "User Access Management", 1, "Assign Privileges");
            case "unassign_app" -> new Activity(3005, "User Access Management", 2, "Revoke Privileges");
            default -> new Activity(3001, "Account Change", 99, title(operation));
        };
    }

    private Map<String, Object> base(Activity activity, int category, String categoryName, Instant time, String uid) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("activity_id", activity.id());
        document.put("activity_name", activity.name());
        document.put("category_uid", category);
        document.put("category_name", categoryName);
        document.put("class_uid", activity.classUid());
        document.put("class_name", activity.className());
        document.put("type_uid", activity.classUid() * 100L + activity.id());
        document.put("type_name", activity.className() + ": " + activity.name());
        document.put("time", time.toEpochMilli());
        document.put("metadata", Map.of("version", VERSION, "product", product, "uid", uid, "log_name", "countersign"));
        return document;
    }

    private static void severity(Map<String, Object> document, String severity) {
        String word = severity == null ? "" : severity.toLowerCase(Locale.ROOT);
        int id = switch (word) {
            case "informational", "info" -> 1;
            case "low" -> 2;
            case "medium" -> 3;
            case "high" -> 4;
            case "critical" -> 5;
            default -> 0;
        };
        document.put("severity_id", id);
        document.put("severity", id == 0 ? "Unknown" : title(word));
    }

    /** {@code set_reason_note} as {@code Set Reason Note}. */
    private static String title(String word) {
        StringBuilder title = new StringBuilder();
        for (String part : word.split("_")) {
            if (!part.isEmpty()) {
                title.append(title.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return title.toString();
    }
}
