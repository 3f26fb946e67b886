/**
 * AI: reasoners that turn a context into a recommendation with a confidence, per-factor contributions
 * and a narrative.
 *
 * <p>The entry class is {@link io.countersign.ai.Reasoners}. Every call is appended to the ledger as a
 * {@code recommendation} entry (model id and version, template id and version, the feature vector, the
 * raw output) before the caller sees the result. The default reasoners run locally with no network.
 * A reasoner never acts: it has no write path; workflows decide what to do with its advice.
 *
 * <p>{@link io.countersign.ai.ApprovalModel} is the approval model: trained on a
 * {@link io.countersign.ai.DecisionTable} of past access decisions, it gives a calibrated probability of
 * approval and the peer factors behind it. It runs locally, has no side effects and writes nothing to the
 * ledger itself; the workflow that acts on a score ledgers it with the model's {@code ModelRef}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "AI")
package io.countersign.ai;
