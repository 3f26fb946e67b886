package io.countersign.connectors;

import java.time.Instant;
import java.util.Map;

/**
 * A write reached a platform and was read back. Published after the read-back is ledgered.
 *
 * @param confirmed whether the read-back showed the intended state
 * @param ledgerSeq the {@code read_back} entry (or the {@code executed} one when nothing was read back)
 */
public record PlatformChanged(String workflow, String agentId, String subject, String platform, String operation, String resource,
                              String login, String result, boolean confirmed, long ledgerSeq, Instant at, Map<String, Object> write) {
}
