package io.countersign.connectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket to open for something a person has to decide, in plain words.
 *
 * @param correlationId our key for it (an approval id); a sink stores it on the ticket (a Jira label, ServiceNow's
 *                      {@code correlation_id}) so that the ticket can be found again after a crash
 * @param summary       one line, the ticket's title
 * @param description   what is asked and why, as paragraphs separated by blank lines
 * @param details       facts shown as a list under the description, in order (workflow, subject, risk tier…)
 */
public record TicketRequest(String correlationId, String summary, String description, Map<String, String> details) {

    public TicketRequest {
        Objects.requireNonNull(correlationId, "correlationId == null");
        Objects.requireNonNull(summary, "summary == null");
        Objects.requireNonNull(description, "description == null");
        if (correlationId.isBlank() || !correlationId.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("correlationId must be letters, digits, '.', '_', ':' or '-', was '" + correlationId + "'");
        }
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
