package io.countersign.policy.internal;

/** What one policy file holds, by kind. */
sealed interface PolicyContent permits SodMatrix, RiskTiers, AutonomyPolicy, Baselines, AgentRegistry, Catalogue {
}
