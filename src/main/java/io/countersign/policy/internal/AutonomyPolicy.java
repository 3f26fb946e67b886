package io.countersign.policy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.AutonomyLevel;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyRef;

/** The autonomy level of each workflow, and the level of workflows the policy does not name. */
final class AutonomyPolicy implements PolicyContent {

    private final AutonomyLevel defaultLevel;
    private final Map<String, WorkflowAutonomy> workflows = new LinkedHashMap<>();
    private final PolicyRef policy;

    AutonomyPolicy(AutonomyLevel defaultLevel, List<WorkflowAutonomy> workflows, PolicyRef policy) {
        this.defaultLevel = defaultLevel;
        workflows.forEach(workflow -> this.workflows.put(workflow.id(), workflow));
        this.policy = policy;
    }

    AutonomyDecision decide(String workflow, EntitlementFacts entitlement, Map<String, ?> item) {
        WorkflowAutonomy autonomy = workflows.get(workflow);
        if (autonomy == null) {
            return new AutonomyDecision(defaultLevel, false, policy);
        }
        boolean automate = autonomy.level() == AutonomyLevel.GUARDED_AUTOMATION
                && (autonomy.autoWhen() == null || autonomy.autoWhen().holds(Map.of(
                        "entitlement", Facts.entitlement(entitlement),
                        "item", Facts.item(item, "item"))));
        return new AutonomyDecision(autonomy.level(), automate, policy);
    }
}
