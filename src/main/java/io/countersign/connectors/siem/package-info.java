/**
 * The SIEM output: separation-of-duties findings (and, later, detection alerts) and every confirmed platform write
 * as OCSF 1.3 JSON, to an append-only JSON Lines file and/or a Splunk HTTP Event Collector. The entry class is
 * {@link io.countersign.connectors.siem.SiemExport}.
 *
 * <p>Mapping: {@code SodFindingRaised} is a Detection Finding (class 2004, category 2); a {@code PlatformChanged}
 * is an Account Change (3001, category 3) for account-level writes, and, as the OCSF schema places them, a Group
 * Management event (3006) for membership changes and a User Access Management event (3005) for application
 * assignments. Documents are queued once per uid in an outbox and shipped in batches with bounded retries.
 *
 * <p>Open, because Spring Modulith lets only a nested module's parent and siblings use it, and the demo wires
 * {@link io.countersign.connectors.siem.SiemExport} to the stand-ins at run time; its internals are package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SIEM output", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.countersign.connectors.siem;
