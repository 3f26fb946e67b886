/**
 * Separation-of-duties remediation: the bank's existing SoD violations, each turned into a ledgered AI
 * recommendation, routed by policy, and (once a person approves) remediated through the connectors
 * under the {@code sod-remediation-agent}'s scope.
 *
 * <p>The entry class is {@link io.countersign.remediation.SodRemediation}. A violation already under
 * review is not raised twice; a rejected one is recorded as kept (an accepted risk, to be mitigated).
 */
@org.springframework.modulith.ApplicationModule(displayName = "SoD remediation")
package io.countersign.remediation;
