package io.countersign.policy;

/** How far a workflow may act without a human. */
public enum AutonomyLevel {
    /** The AI may only read and report. */
    READ_ONLY,
    /** The AI proposes, a human decides every item. */
    ASSISTED,
    /** The AI acts on low-risk items only; the rest go to a human. */
    GUARDED_AUTOMATION
}
