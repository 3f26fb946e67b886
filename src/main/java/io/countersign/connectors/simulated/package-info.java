/**
 * A connector to the simulator's in-memory platforms, for the demo and tests. Off unless
 * {@code countersign.connectors.simulated.enabled=true}, so that a real deployment can never send a
 * write into a simulation by accident.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulated connector")
package io.countersign.connectors.simulated;
