/**
 * AI: reasoners that turn a context into a recommendation with a confidence, per-factor contributions
 * and a narrative.
 *
 * <p>The entry class is {@link io.countersign.ai.Reasoners}. Every call is appended to the ledger as a
 * {@code recommendation} entry (model id and version, template id and version, the feature vector, the
 * raw output) before the caller sees the result. The default reasoners run locally with no network.
 * A reasoner never acts: it has no write path; workflows decide what to do with its advice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "AI")
package io.countersign.ai;
