/**
 * Connectors: the one contract through which Countersign reads and writes identity platforms.
 *
 * <p>Each platform is a nested module ({@code connectors.<vendor>}) providing a {@link
 * io.countersign.connectors.ConnectorFactory}; vendor types never leave it. Every write goes through
 * {@link io.countersign.connectors.Provisioning}: the acting agent's scope is checked (a refusal is
 * ledgered and returned), an {@code executing} entry is committed before the target is touched, the
 * target's answer is ledgered as {@code executed}, and the target's state is read back and ledgered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Connectors")
package io.countersign.connectors;
