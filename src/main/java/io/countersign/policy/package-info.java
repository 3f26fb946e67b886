/**
 * Policy as code: the bank's separation-of-duties matrix, risk tiers, autonomy levels, role baselines and
 * AI agent scopes, as versioned YAML files whose conditions are CEL expressions.
 *
 * <p>The entry class is {@link io.countersign.policy.PolicyEngine}. It loads one policy set at start-up (the
 * files under {@code countersign.policy.directory}, or the defaults shipped in the jar), validates and
 * compiles every expression once, and refuses to start on any problem. Evaluation is side-effect free: the
 * engine decides nothing on its own and writes nothing; callers record the {@link io.countersign.policy.PolicyRef}
 * of every policy that shaped a decision in the ledger. {@link io.countersign.policy.PolicyEngine#check} lets
 * authors validate a directory and run its own test cases before deploying it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package io.countersign.policy;
