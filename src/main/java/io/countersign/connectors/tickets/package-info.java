/**
 * Tickets for requests routed to people: every approval request is mirrored as a ticket in the ticket system
 * chosen by {@code countersign.connectors.tickets.kind} ({@code none}, {@code jira} or {@code servicenow}) and
 * closed when the request is decided or expires. The entry class is
 * {@link io.countersign.connectors.tickets.TicketDesk}; the ticket systems are the
 * {@link io.countersign.connectors.TicketSink}s of the {@code jira} and {@code servicenow} modules.
 *
 * <p>Who authorises: nobody through a ticket. Decisions are taken in Countersign and ledgered by the approval
 * module; a ticket only tells people a decision is waiting. Ticket keys are kept in {@code approval_ticket}
 * rather than in the ledger, because a ticket's state changes (opened, then closed) and the ledger is
 * append-only evidence of decisions, which the ticket only copies.
 *
 * <p>Open, because Spring Modulith lets only a nested module's parent and siblings use it, and the demo wires
 * {@link io.countersign.connectors.tickets.TicketDesk} to the stand-ins at run time; its internals are package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.countersign.connectors.tickets;
