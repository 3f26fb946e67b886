package io.countersign.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An entry as recorded: the draft's content plus its place in the chain.
 *
 * @param body the RFC 8785 canonical JSON that {@code hash} covers
 */
public record LedgerEntry(long seq, Instant recordedAt, EntryKind kind, String workflow, String agentId, String actor,
                          String sourceEventId, String subject, Map<String, Object> context, ModelRef model,
                          TemplateRef template, Object input, Object output, Double confidence,
                          List<AppliedPolicy> policies, String route, List<Long> links, String prevHash, String hash,
                          String body) {
}
