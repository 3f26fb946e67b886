/**
 * The showcase: every workflow that exists so far, end to end, on a synthetic bank.
 *
 * <p>The entry class is {@link io.countersign.demo.Demo}. It generates the bank, loads the directory and
 * the simulated platforms, runs the SoD review (each violation a ledgered recommendation with a route),
 * has a second person approve one through the REST API, lets the remediation agent carry it out (scope
 * checked, written before acted, read back), shows the scope guard refusing an out-of-scope write, submits a
 * few self-service access requests over the REST API (auto-approved, routed, blocked, refused), and verifies
 * the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.countersign.demo;
