/**
 * AI agents as identities with scopes, and the scope guard.
 *
 * <p>The entry class is {@link io.countersign.agents.Agents}. Agents and their scopes (platforms,
 * operations, resource patterns, an optional CEL condition) are policy: they live in the versioned
 * {@code agents} policy file. Every connector write asks {@link io.countersign.agents.Agents#authorise}
 * first; a write outside scope is refused, the refusal is appended to the ledger, and it is returned
 * as a value, never silently dropped.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agents")
package io.countersign.agents;
