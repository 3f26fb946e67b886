package io.countersign.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.agents.Agents;
import io.countersign.agents.Authorisation;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.policy.ScopeRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write to a platform, guarded and ledgered.
 *
 * <p>Order of events: the agent's scope is checked ({@link Agents#authorise}; a refusal is ledgered
 * there and returned as {@link ChangeResult.Rejected}); an {@code executing} entry is committed; the
 * connector applies the write; its answer is ledgered as {@code executed}; if it applied, the target is
 * read back and that state ledgered as {@code read_back}. It must not run inside a transaction, or the
 * {@code executing} entry would not be committed before the platform changes.
 */
@Service
public class Provisioning {

    private final Agents agents;
    private final Ledger ledger;
    private final ConnectorRegistry connectors;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Provisioning(Agents agents, Ledger ledger, ConnectorRegistry connectors, ApplicationEventPublisher events,
                 PlatformTransactionManager transactionManager) {
        this.agents = agents;
        this.ledger = ledger;
        this.connectors = connectors;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public ProvisioningOutcome execute(ProvisioningRequest request) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("provisioning must not run inside a transaction: its executing entry must commit before the platform changes");
        }
        ConnectorWrite write = request.write();
        Authorisation authorisation = agents.authorise(request.agentId(),
                new ScopeRequest(write.platform(), write.operation(), write.resource(), request.entitlement(), request.item()),
                request.workflow(), request.subject(), request.sourceEventId(), request.links());
        return switch (authorisation) {
            case Authorisation.Denied denied -> new ProvisioningOutcome(new ChangeResult.Rejected(denied.reason()), null, List.of(denied.refusalSeq()));
            case Authorisation.Granted granted -> connectorFor(write.platform())
                    .map(connector -> perform(request, granted, connector))
                    .orElseGet(() -> noConnector(request));
        };
    }

    private ProvisioningOutcome perform(ProvisioningRequest request, Authorisation.Granted granted, Connector connector) {
        List<Long> seqs = new ArrayList<>();
        LedgerEntry executing = ledger.append(draft(EntryKind.EXECUTING, request, request.links())
                .context(Map.of("write", request.write().describe(), "scope", granted.scopeDescription()))
                .policy(granted.policy()).build());
        seqs.add(executing.seq());
        ChangeResult result = applySafely(connector, request.write());
        LedgerEntry executed = ledger.append(draft(EntryKind.EXECUTED, request, List.of(executing.seq()))
                .output(Map.of("result", result.getClass().getSimpleName(), "detail", result.detail())).build());
        seqs.add(executed.seq());
        if (!(result instanceof ChangeResult.Applied || result instanceof ChangeResult.AlreadyInState)) {
            return new ProvisioningOutcome(result, null, seqs);
        }
        ReadBack readBack = connector.readBack(request.write());
        LedgerEntry read = ledger.append(draft(EntryKind.READ_BACK, request, List.of(executed.seq()))
                .output(Map.of("confirmed", readBack.confirmed(), "state", readBack.state())).build());
        seqs.add(read.seq());
        ConnectorWrite write = request.write();
        PlatformChanged changed = new PlatformChanged(request.workflow(), request.agentId(), request.subject(), write.platform(), write.operation(),
                write.resource(), write.login(), result.getClass().getSimpleName(), readBack.confirmed(), read.seq(), read.recordedAt(),
                write.describe());
        transactions.executeWithoutResult(status -> events.publishEvent(changed));
        return new ProvisioningOutcome(result, readBack, seqs);
    }

    private ProvisioningOutcome noConnector(ProvisioningRequest request) {
        String reason = "no connector is configured for platform " + request.write().platform();
        LedgerEntry refused = ledger.append(draft(EntryKind.REFUSED, request, request.links())
                .context(Map.of("write", request.write().describe(), "reason", reason)).build());
        return new ProvisioningOutcome(new ChangeResult.Rejected(reason), null, List.of(refused.seq()));
    }

    private static ChangeResult applySafely(Connector connector, ConnectorWrite write) {
        try {
            return connector.apply(write);
        } catch (RuntimeException e) {
            return new ChangeResult.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    private LedgerDraft.Builder draft(EntryKind kind, ProvisioningRequest request, List<Long> links) {
        LedgerDraft.Builder draft = LedgerDraft.of(kind, request.workflow()).agent(request.agentId())
                .sourceEvent(request.sourceEventId()).subject(request.subject());
        links.forEach(draft::link);
        return draft;
    }

    private Optional<Connector> connectorFor(String platform) {
        return connectors.forPlatform(platform);
    }
}
