package io.countersign.connectors;

import java.util.Objects;

/**
 * A ticket as its system knows it.
 *
 * @param kind   the ticket system, e.g. {@code jira} or {@code servicenow}
 * @param key    what people call it: Jira's {@code IAM-42}, ServiceNow's {@code SCTASK0010001}
 * @param id     the system's own id (Jira's issue id, ServiceNow's {@code sys_id}), used in its API
 * @param url    where a person opens it
 * @param status the system's word for where it stands, e.g. {@code To Do}, {@code Done} or ServiceNow's state number
 */
public record TicketRef(String kind, String key, String id, String url, String status) {

    public TicketRef {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(id, "id == null");
    }
}
