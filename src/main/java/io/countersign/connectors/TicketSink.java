package io.countersign.connectors;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket system (Jira, ServiceNow) where items routed to people are mirrored as tickets. The ticket is a
 * notification and a work item, never the decision: people decide in Countersign, where the decision is
 * ledgered, and the sink only closes the ticket afterwards.
 *
 * <p>Implementations keep vendor types to themselves, retry transient failures within their own bounds and
 * throw {@link ConnectorException} for the rest (the caller retries later). They never log or return a
 * credential.
 */
public interface TicketSink {

    /** The ticket system, e.g. {@code jira}. */
    String kind();

    /** The ticket opened earlier for {@code correlationId}, if there is one (how a retry after a crash avoids a second ticket). */
    Optional<TicketRef> find(String correlationId);

    /** Opens a ticket; always a new one, so callers {@link #find} first when they may be repeating themselves. */
    TicketRef open(TicketRequest request);

    /**
     * Moves the ticket to where {@code resolution} says, with a comment. A ticket already closed is left as it is
     * and returned, so resolving twice is harmless.
     */
    TicketRef resolve(TicketRef ticket, Resolution resolution);

    /** How the decision behind a ticket ended. */
    enum Outcome { APPROVED, REJECTED, EXPIRED }

    /**
     * @param decidedBy who decided ({@code null} when the request expired)
     * @param comment   the reason given, shown on the ticket
     */
    record Resolution(Outcome outcome, String decidedBy, String comment) {

        public Resolution {
            Objects.requireNonNull(outcome, "outcome == null");
        }
    }

    /**
     * Makes sinks of one kind from validated configuration, like {@link ConnectorFactory}: secrets are
     * references ({@code env:NAME} or {@code file:PATH}), resolved when the sink is made, shown masked.
     */
    interface Factory {

        String id();

        List<ConnectorFactory.ConfigProperty> properties();

        TicketSink create(Map<String, String> configuration);
    }
}
