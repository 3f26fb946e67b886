package io.countersign.connectors.tickets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.TicketRef;
import io.countersign.connectors.TicketRequest;
import io.countersign.connectors.TicketSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors approval requests as tickets in the configured ticket system ({@code countersign.connectors.tickets.kind}):
 * a ticket is opened when a request is opened and closed when it is decided or expires. The ticket is a
 * notification, never the decision, which is taken and ledgered in {@link Approvals}.
 *
 * <p>Idempotent: each request's ticket is recorded in {@code approval_ticket}; the work for one request runs under
 * that row's lock, so a redelivered event, or a decision arriving before the opening, finds the ticket already
 * there; after a crash between opening a ticket and recording it, the ticket system is searched for it by the
 * request's id before a new one is opened. A failure of the ticket system rolls the work back and leaves the event's
 * publication incomplete, so the work is done again when the publication is resubmitted (at the latest on restart).
 * Tickets are not ledgered: they copy what the ledger holds already.
 */
@Service
@EnableConfigurationProperties(TicketProperties.class)
public class TicketDesk {

    private static final Logger log = LoggerFactory.getLogger(TicketDesk.class);

    private final AtomicReference<TicketSink> active = new AtomicReference<>();
    private final List<TicketSink.Factory> factories;
    private final Approvals approvals;
    private final TicketStore store;
    private final TransactionTemplate transactions;

    TicketDesk(Optional<TicketSink> configured, List<TicketSink.Factory> factories, TicketProperties properties, Approvals approvals,
               JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.factories = List.copyOf(factories);
        this.approvals = approvals;
        this.store = new TicketStore(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        String kind = properties.kind().strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("none") && factories.stream().noneMatch(f -> f.id().equals(kind))) {
            throw new ConnectorException("connector.config", "countersign.connectors.tickets.kind: must be none or one of "
                    + factories.stream().map(TicketSink.Factory::id).sorted().toList() + ", was '" + properties.kind() + "'");
        }
        configured.ifPresent(active::set);
    }

    /** Undoes a {@link #use}: the sink in use before comes back. */
    public interface Use extends AutoCloseable {
        @Override
        void close();
    }

    /** Makes a sink with the factory {@code factoryId} and uses it from now on (the demo, tests); closing the result undoes it. */
    public Use use(String factoryId, Map<String, String> configuration) {
        TicketSink.Factory factory = factories.stream().filter(f -> f.id().equals(factoryId)).findFirst()
                .orElseThrow(() -> new ConnectorException("connector.unknown", "no ticket sink factory '" + factoryId + "'; known: "
                        + factories.stream().map(TicketSink.Factory::id).sorted().toList()));
        TicketSink sink = factory.create(configuration);
        TicketSink previous = active.getAndSet(sink);
        return () -> active.compareAndSet(sink, previous);
    }

    public List<TicketSink.Factory> factories() {
        return factories;
    }

    public Optional<ApprovalTicket> ticketFor(String approvalId) {
        return store.find(approvalId);
    }

    /** Brings the request's ticket in line with the request: opened if missing, closed if the request is decided. */
    void reconcile(String approvalId) {
        TicketSink sink = active.get();
        Optional<ApprovalRequest> request = approvals.find(approvalId);
        if (sink == null || request.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            store.claim(approvalId, sink.kind());
            ApprovalTicket ticket = store.lock(approvalId);
            if (!ticket.kind().equals(sink.kind())) {
                log.warn("approval {} has a {} ticket but tickets now go to {}; leaving it", approvalId, ticket.kind(), sink.kind());
                return;
            }
            TicketRef ref = ticket.key() != null ? new TicketRef(ticket.kind(), ticket.key(), ticket.id(), ticket.url(), ticket.status())
                    : open(sink, request.get());
            Optional<TicketSink.Resolution> resolution = resolution(request.get());
            if (resolution.isPresent() && ticket.resolvedAt() == null) {
                TicketRef closed = sink.resolve(ref, resolution.get());
                store.resolved(approvalId, closed, resolution.get().outcome().name().toLowerCase(Locale.ROOT));
            }
        });
    }

    private TicketRef open(TicketSink sink, ApprovalRequest request) {
        TicketRef ref = sink.find(request.id()).orElseGet(() -> sink.open(ticketRequest(request)));
        store.opened(request.id(), ref);
        log.info("approval {} mirrored as {} ticket {}", request.id(), sink.kind(), ref.key());
        return ref;
    }

    private static Optional<TicketSink.Resolution> resolution(ApprovalRequest request) {
        return switch (request.status()) {
            case PENDING -> Optional.empty();
            case APPROVED -> Optional.of(new TicketSink.Resolution(TicketSink.Outcome.APPROVED, request.decidedBy(), request.decisionReason()));
            case REJECTED -> Optional.of(new TicketSink.Resolution(TicketSink.Outcome.REJECTED, request.decidedBy(), request.decisionReason()));
            case EXPIRED -> Optional.of(new TicketSink.Resolution(TicketSink.Outcome.EXPIRED, null, "no decision before " + request.expiresAt()));
        };
    }

    private static TicketRequest ticketRequest(ApprovalRequest request) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Approval", request.id());
        details.put("Workflow", request.workflow());
        details.put("Subject", request.subjectIdentityId());
        if (request.itemKey() != null) {
            details.put("Item", request.itemKey());
        }
        details.put("Risk tier", request.riskTier());
        details.put("Routed to", request.routeIdentityId() == null ? request.route().name().toLowerCase(Locale.ROOT) : request.routeIdentityId());
        details.put("Expires", request.expiresAt().toString());
        details.put("Ledger entry", Long.toString(request.requestSeq()));
        String description = request.summary() + "\n\nDecide in Countersign (countersign approvals show " + request.id()
                + ", or the reviewer UI). This ticket closes by itself once the request is approved, rejected or expires.";
        return new TicketRequest(request.id(), "Countersign approval " + request.id() + ": " + request.summary(), description, details);
    }
}
