package io.countersign.policy;

import java.util.Objects;

/**
 * The autonomy a workflow has for one item.
 *
 * @param level             the workflow's level, or the policy's default for a workflow it does not name
 * @param automationAllowed true only at {@link AutonomyLevel#GUARDED_AUTOMATION} when the workflow's
 *                          {@code auto_when} holds for the item (or it has none)
 * @param policy            the autonomy file
 */
public record AutonomyDecision(AutonomyLevel level, boolean automationAllowed, PolicyRef policy) {

    public AutonomyDecision {
        Objects.requireNonNull(level, "level == null");
        Objects.requireNonNull(policy, "policy == null");
    }
}
