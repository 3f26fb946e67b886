package io.countersign.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a joiner (or a mover's new role) should get, as proposed to the approvers and ledgered as the
 * recommendation's output. {@link #toJson()} is the published shape ({@code request_id}, {@code user},
 * {@code entitlements}, {@code compliance_flags}, {@code ai_recommendation}).
 *
 * @param flagsAvailable false when the compliance API gave no answer; every item then goes to compliance
 * @param removals       for a mover, what only the old role needed (removed after the grace period)
 * @param sodAfter       the SoD rules the resulting set would still break, if everything were granted
 */
public record AccessPackage(String requestId, String workflow, User user, List<Item> entitlements, List<String> complianceFlags,
                            boolean flagsAvailable, String flagsUnavailableReason, List<String> removals, List<String> sodAfter,
                            Recommendation aiRecommendation) {

    public AccessPackage {
        Objects.requireNonNull(requestId, "requestId == null");
        entitlements = List.copyOf(entitlements);
        complianceFlags = List.copyOf(complianceFlags);
        removals = List.copyOf(removals);
        sodAfter = List.copyOf(sodAfter);
    }

    /** @param supervisor the line manager's employee id, if known */
    public record User(String employeeId, String identityId, String name, String role, String department, String desk, String location,
                       String supervisor) { }

    /**
     * One entitlement in the package.
     *
     * @param risk          {@code standard} or {@code high} (routed to the chief compliance officer)
     * @param riskTier      the risk-tier policy's tier
     * @param route         {@code desk_head}, {@code compliance_officer} or {@code blocked} (an SoD conflict without mitigation)
     * @param sodConflicts  the SoD rules it would break together with what is held or proposed
     */
    public record Item(String system, String permission, String risk, String riskTier, String route, String justification,
                       List<String> sodConflicts) {
        public Item {
            sodConflicts = List.copyOf(sodConflicts);
        }

        public String key() {
            return system + ":" + permission;
        }
    }

    public record Recommendation(double confidence, List<String> rulesApplied, long ledgerSeq, String narrative) {
        public Recommendation {
            rulesApplied = List.copyOf(rulesApplied);
        }
    }

    /** The package as JSON-like maps with the published snake_case keys. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("request_id", requestId);
        json.put("workflow", workflow);
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("employee_id", user.employeeId());
        u.put("identity_id", user.identityId());
        u.put("name", user.name());
        u.put("role", user.role());
        u.put("department", user.department());
        u.put("desk", user.desk());
        u.put("location", user.location());
        u.put("supervisor", user.supervisor());
        json.put("user", u);
        json.put("entitlements", entitlements.stream().map(AccessPackage::item).toList());
        json.put("compliance_flags", complianceFlags);
        json.put("compliance_flags_available", flagsAvailable);
        if (!flagsAvailable) {
            json.put("compliance_flags_unavailable", flagsUnavailableReason);
        }
        json.put("removals", removals);
        json.put("sod_after", sodAfter);
        if (aiRecommendation != null) {
            json.put("ai_recommendation", Map.of("confidence", aiRecommendation.confidence(), "rules_applied", aiRecommendation.rulesApplied(),
                    "ledger_seq", aiRecommendation.ledgerSeq(), "narrative", aiRecommendation.narrative()));
        }
        return json;
    }

    private static Map<String, Object> item(Item i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", i.system());
        json.put("permission", i.permission());
        json.put("risk", i.risk());
        json.put("risk_tier", i.riskTier());
        json.put("route", i.route());
        json.put("justification", i.justification());
        json.put("sod_conflicts", i.sodConflicts());
        return json;
    }
}
