package io.countersign.lifecycle.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import io.countersign.ai.Reasoners;
import io.countersign.approval.ApprovalExpired;
import io.countersign.approval.ApprovalGranted;
import io.countersign.approval.ApprovalRejected;
import io.countersign.approval.Approvals;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.InboundEventsStored;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.compliance.ComplianceApi;
import io.countersign.connectors.workday.HrEvents;
import io.countersign.connectors.workday.WorkerEvent;
import io.countersign.connectors.workday.WorkerEventKind;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Directory;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.WorkerUpdate;
import io.countersign.ledger.Ledger;
import io.countersign.lifecycle.AccessPackage;
import io.countersign.lifecycle.CaseStatus;
import io.countersign.lifecycle.DeprovisioningStats;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.lifecycle.LifecycleCase;
import io.countersign.lifecycle.SweepReport;
import io.countersign.policy.PolicyEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HR event consumer and the entry to the three workflows. An inbox event becomes a case in the same transaction
 * that marks it processed (so it is taken exactly once); a case is run by whoever claims it, and a case left running
 * (a crash) is claimed again once stale and resumed from its stored items.
 */
@Service
@EnableConfigurationProperties(LifecycleProperties.class)
class LifecycleService implements Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(LifecycleService.class);

    private final Inbox inbox;
    private final Directory directory;
    private final CaseStore store;
    private final JoinerMover joinerMover;
    private final GrantExecutor grants;
    private final Leaver leaver;
    private final EndDateSweep sweep;
    private final TransactionTemplate transactions;
    private final LifecycleProperties properties;
    private final ExecutorService workers;

    LifecycleService(Inbox inbox, Directory directory, PolicyEngine policy, Reasoners reasoners, Approvals approvals, Ledger ledger,
                     Provisioning provisioning, ComplianceApi compliance, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                     ApplicationEventPublisher events, LifecycleProperties properties) {
        this.inbox = inbox;
        this.directory = directory;
        this.store = new CaseStore(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.parallelism(), Thread.ofPlatform().daemon().name("lifecycle-", 0).factory());
        Writes writes = new Writes(provisioning, directory, store);
        this.joinerMover = new JoinerMover(new PackagePlanner(directory, policy, compliance, properties), reasoners, ledger, approvals, store,
                transactions, properties);
        this.grants = new GrantExecutor(directory, writes, store);
        this.leaver = new Leaver(directory, policy, ledger, writes, store, transactions);
        this.sweep = new EndDateSweep(directory, ledger, store, events, transactions);
    }

    @Override
    public int processPending() {
        List<InboundEvent> batch;
        do {
            batch = inbox.pending(HrEvents.PLATFORM, HrEvents.STREAM, properties.batchSize());
            batch.forEach(this::intake);
        } while (batch.size() == properties.batchSize());
        List<String> runnable = store.runnable(today(), properties.staleAfter());
        List<Future<Boolean>> running = runnable.stream().map(id -> workers.submit(() -> run(id))).toList();
        int ran = 0;
        for (Future<Boolean> one : running) {
            ran += join(one) ? 1 : 0;
        }
        return ran;
    }

    private static boolean join(Future<Boolean> one) {
        try {
            return one.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            log.warn("a lifecycle case failed: {}", e.getCause().toString());
            return false;
        }
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdownNow();
    }

    private void intake(InboundEvent event) {
        Instant received = inbox.receivedAt(event.platform(), event.eventId()).orElseGet(Instant::now);
        try {
            WorkerEvent worker = WorkerEvent.fromPayload(event.payload());
            CaseStatus status = worker.effectiveDate().isAfter(today()) ? CaseStatus.WAITING
                    : isHistory(worker) ? CaseStatus.SKIPPED : CaseStatus.RECEIVED;
            transactions.executeWithoutResult(tx -> {
                if (inbox.markProcessed(event.platform(), event.eventId())) {
                    store.insert(worker.eventId(), kind(worker.kind()), worker.employeeId(), worker.effectiveDate(), worker.toPayload(), received, status);
                }
            });
        } catch (RuntimeException unreadable) {
            log.warn("HR event {} cannot be read and is set aside: {}", event.eventId(), unreadable.getMessage());
            transactions.executeWithoutResult(tx -> inbox.markProcessed(event.platform(), event.eventId()));
        }
    }

    /**
     * An event that took effect before the replay horizon is history and is not replayed, except a termination or contract
     * end whose worker still has an active account: a late or backdated leaver is deprovisioned, never skipped.
     */
    private boolean isHistory(WorkerEvent worker) {
        if (!worker.effectiveDate().isBefore(today().minusDays(properties.replayHorizon().toDays()))) {
            return false;
        }
        boolean leaver = kind(worker.kind()).equals("LEAVER");
        return !leaver || directory.identityByEmployeeId(worker.employeeId())
                .map(identity -> directory.accountsOf(identity.id()).stream().noneMatch(a -> a.status() == AccountStatus.ACTIVE))
                .orElse(true);
    }

    static String kind(WorkerEventKind kind) {
        return switch (kind) {
            case HIRE -> "JOINER";
            case TRANSFER -> "MOVER";
            case TERMINATION, CONTRACT_END -> "LEAVER";
            case LEAVE_START, LEAVE_RETURN -> "UPDATE";
        };
    }

    /** Runs a case if this caller can claim it; a failure leaves it running, to be resumed once stale. */
    boolean run(String id) {
        if (!store.claim(id, today(), properties.staleAfter())) {
            return false;
        }
        try {
            execute(id);
        } catch (RuntimeException e) {
            log.warn("lifecycle case {} stopped and will be resumed: {}", id, e.toString());
        }
        return true;
    }

    private void execute(String id) {
        WorkerEvent worker = WorkerEvent.fromPayload(store.event(id));
        WorkerUpdate.Applied applied = directory.applyWorker(update(worker));
        store.attachIdentity(id, applied.identityId().value());
        Identity identity = directory.identity(applied.identityId()).orElseThrow();
        HrRecord hr = directory.hrRecord(applied.identityId()).orElseThrow();
        LifecycleCase current = store.find(id).orElseThrow();
        switch (kind(worker.kind())) {
            case "JOINER", "MOVER" -> {
                String workflow = worker.kind() == WorkerEventKind.HIRE ? JOINER : MOVER;
                joinerMover.start(id, workflow, identity, hr);
                grants.closeIfDone(id, workflow);
            }
            case "LEAVER" -> {
                if (leaver.disable(id, identity, current.receivedAt())) {
                    workers.submit(() -> finishLeaver(id, identity));
                }
            }
            default -> store.status(id, CaseStatus.COMPLETED, "HR record updated: " + worker.kind().wireName()
                    + (applied.reactivated() ? " (re-hired)" : ""));
        }
    }

    /** Queued behind the cases waiting to run, so every leaver's accounts are disabled before anyone's clean-up. */
    private void finishLeaver(String id, Identity identity) {
        try {
            leaver.finish(id, identity);
        } catch (RuntimeException e) {
            log.warn("leaver case {} stopped after its accounts were disabled and will be resumed: {}", id, e.toString());
        }
    }

    private static WorkerUpdate update(WorkerEvent w) {
        return new WorkerUpdate(w.employeeId(), w.kind() == WorkerEventKind.HIRE, w.name(), w.email(), w.title(), w.department(), w.desk(),
                w.costCentre(), w.location(), w.managerEmployeeId(), w.employmentType(), w.hireDate(), w.endDate(), w.status());
    }

    @Override
    public int executeDueRemovals(Instant now) {
        int done = 0;
        for (CaseItem item : store.dueRemovals(now)) {
            done += grants.remove(item) ? 1 : 0;
        }
        return done;
    }

    @Override
    public SweepReport sweep(LocalDate today) {
        SweepReport report = sweep.sweep(today);
        report.leaversStarted().forEach(this::run);
        return report;
    }

    @Override
    public Optional<LifecycleCase> lifecycleCase(String id) {
        return store.find(id);
    }

    @Override
    public Optional<AccessPackage> accessPackage(String requestId) {
        return store.accessPackage(requestId);
    }

    @Override
    public DeprovisioningStats deprovisioning() {
        return store.stats(Instant.EPOCH);
    }

    @Override
    public DeprovisioningStats deprovisioning(Instant since) {
        return store.stats(since);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Map<String, Object> sweepEvent(String id, Identity identity, HrRecord hr) {
        return new WorkerEvent(id, WorkerEventKind.CONTRACT_END, hr.endDate(), identity.employeeId(), null, null, null, null, null, null, null, null,
                null, null, hr.endDate(), io.countersign.directory.IdentityStatus.TERMINATED, null, null).toPayload();
    }

    /** New HR events: processed after the transaction that stored them commits, outside any transaction. */
    @Async
    @TransactionalEventListener
    void on(InboundEventsStored stored) {
        if (HrEvents.PLATFORM.equals(stored.platform()) && HrEvents.STREAM.equals(stored.stream())) {
            processPending();
        }
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalGranted granted) {
        if (ours(granted.workflow())) {
            grants.grant(text(granted.payload(), "case_id"), text(granted.payload(), "item_key"), granted.workflow(), granted.decisionSeq(),
                    granted.approvalId());
        }
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalRejected rejected) {
        if (ours(rejected.workflow())) {
            decided(rejected.payload(), rejected.workflow(), "REJECTED", "rejected by " + rejected.decidedBy(), rejected.decisionSeq());
        }
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalExpired expired) {
        if (ours(expired.workflow())) {
            decided(expired.payload(), expired.workflow(), "EXPIRED", "nobody decided in time: nothing was provisioned", expired.ledgerSeq());
        }
    }

    private void decided(Map<String, Object> payload, String workflow, String status, String detail, long seq) {
        String caseId = text(payload, "case_id");
        grants.decided(caseId, text(payload, "item_key"), status, detail, seq);
        grants.closeIfDone(caseId, workflow);
    }

    /** Due cases, interrupted cases, movers' removals and end dates, on a schedule. */
    @Scheduled(fixedDelayString = "${countersign.lifecycle.sweep-interval:PT1M}", initialDelayString = "${countersign.lifecycle.sweep-interval:PT1M}")
    void tick() {
        processPending();
        executeDueRemovals(Instant.now());
        sweep(today());
    }

    private static boolean ours(String workflow) {
        return JOINER.equals(workflow) || MOVER.equals(workflow);
    }

    private static String text(Map<String, Object> payload, String key) {
        return String.valueOf(payload.get(key));
    }
}
