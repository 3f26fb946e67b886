package io.countersign.connectors.tickets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ticket system mirrors approval requests ({@code countersign.connectors.tickets.*}).
 *
 * @param kind {@code none} (the default), {@code jira} (configured under {@code countersign.connectors.jira}) or
 *             {@code servicenow} (under {@code countersign.connectors.servicenow})
 */
@ConfigurationProperties("countersign.connectors.tickets")
record TicketProperties(@DefaultValue("none") String kind) {
}
