package io.countersign.ai;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a workflow asks a reasoner.
 *
 * @param task     which reasoner, e.g. {@code sod-remediation}
 * @param context  the snapshot the decision rests on (recorded in the ledger as is)
 * @param options  the candidates, each a map of named features plus an {@code id}
 * @param links    earlier ledger entries this request follows from
 */
public record ReasoningRequest(String task, String workflow, String agentId, String sourceEventId, String subject,
                               Map<String, Object> context, List<Map<String, Object>> options, List<Long> links) {

    public ReasoningRequest {
        Objects.requireNonNull(task, "task == null");
        Objects.requireNonNull(workflow, "workflow == null");
        context = Map.copyOf(context);
        options = List.copyOf(options);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
