package io.countersign.connectors.siem;

import java.time.Instant;
import java.util.Map;

/**
 * One OCSF document and what outputs need to ship it.
 *
 * @param uid        {@code metadata.uid}, stable for the domain event it came from (the key of redelivery)
 * @param sourcetype the Splunk sourcetype, {@code ocsf:} and the class name, e.g. {@code ocsf:account_change}
 */
record OcsfEvent(String uid, int classUid, String sourcetype, Instant time, Map<String, Object> document) {
}
