package io.countersign.policy.internal;

import io.countersign.policy.AutonomyLevel;

/**
 * A workflow's autonomy level.
 *
 * @param autoWhen which items are low-risk enough to automate; {@code null} means all of them (only at
 *                 {@link AutonomyLevel#GUARDED_AUTOMATION})
 */
record WorkflowAutonomy(String id, AutonomyLevel level, Condition autoWhen) {
}
