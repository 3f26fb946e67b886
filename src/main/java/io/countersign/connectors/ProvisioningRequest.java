package io.countersign.connectors;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.countersign.policy.EntitlementFacts;

/**
 * A write an agent wants made on a platform, with what the scope guard needs to judge it.
 *
 * @param entitlement facts about the entitlement the write touches, or {@code null} for account-level writes
 * @param item        facts about the case (e.g. {@code approved: true}) that scope conditions may use
 * @param links       the ledger entries that authorise the write (e.g. the approval)
 */
public record ProvisioningRequest(String workflow, String agentId, String sourceEventId, String subject,
                                  ConnectorWrite write, EntitlementFacts entitlement, Map<String, Object> item,
                                  List<Long> links) {

    public ProvisioningRequest {
        Objects.requireNonNull(workflow, "workflow == null");
        Objects.requireNonNull(agentId, "agentId == null");
        Objects.requireNonNull(write, "write == null");
        item = item == null ? Map.of() : Map.copyOf(item);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
