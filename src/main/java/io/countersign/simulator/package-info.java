/**
 * The simulator: a synthetic bank to run the demo and the tests against.
 *
 * <p>{@link io.countersign.simulator.SyntheticBank} turns a {@link io.countersign.simulator.BankSpec} into a
 * complete {@link io.countersign.directory.DirectorySnapshot}: people in a manager tree across trading,
 * operations, risk, compliance, technology and wealth management; applications and entitlements on Okta,
 * Entra ID, Active Directory and the mainframe; accounts, group memberships, role bundles and assignments;
 * and a history of access requests decided by a hidden, noisy approval policy. It plants the mess a
 * governance product must find (separation-of-duties conflicts, dormant access, movers' leftovers, orphan
 * accounts, leavers and expired contractors with live accounts) and lists it in a
 * {@link io.countersign.simulator.PlantedMess}, so detection can be checked. Generation is a pure function
 * of the spec: no clock, no I/O beyond the bundled catalogue, nothing ledgered, nothing stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulator", allowedDependencies = "directory")
package io.countersign.simulator;
