package io.countersign.lifecycle.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.ConnectorWrite;
import io.countersign.directory.Account;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.Identity;
import io.countersign.ledger.AppliedPolicy;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.lifecycle.CaseStatus;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.lifecycle.LifecycleException;
import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.PolicyEngine;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deprovisions a leaver under the offboarding agent's scope, when the autonomy policy allows the leaver workflow to act
 * alone: every active account disabled first (the time-critical part, measured), then sessions ended, then each
 * entitlement removed, each read back; a note on every account at the end. The plan is stored as items before the first
 * write, so a resumed case carries out only what is not yet confirmed.
 */
final class Leaver {

    private static final Map<String, Object> FACTS = Map.of("approved", true, "automated", true);

    private final Directory directory;
    private final PolicyEngine policy;
    private final Ledger ledger;
    private final Writes writes;
    private final CaseStore store;
    private final TransactionTemplate transactions;

    Leaver(Directory directory, PolicyEngine policy, Ledger ledger, Writes writes, CaseStore store, TransactionTemplate transactions) {
        this.directory = directory;
        this.policy = policy;
        this.ledger = ledger;
        this.writes = writes;
        this.store = store;
        this.transactions = transactions;
    }

    /**
     * The time-critical half: plans the case (once) and disables every account, recording the time from the event's
     * arrival to the last account confirmed disabled. Returns false when policy blocked the case.
     */
    boolean disable(String caseId, Identity identity, Instant receivedAt) {
        AutonomyDecision autonomy = policy.autonomy(Lifecycle.LEAVER, null, Map.of("action", "deprovision"));
        List<CaseItem> items = store.items(caseId);
        long planSeq;
        if (items.isEmpty()) {
            LedgerEntry decision = ledger.append(LedgerDraft.of(EntryKind.POLICY_DECISION, Lifecycle.LEAVER).agent(Lifecycle.OFFBOARDING_AGENT)
                    .sourceEvent(caseId).subject("identity:" + identity.id().value())
                    .context(Map.of("action", "deprovision", "autonomy", autonomy.level().name(), "accounts", directory.accountsOf(identity.id()).size()))
                    .policy(new AppliedPolicy(autonomy.policy().id(), autonomy.policy().version(), autonomy.policy().contentHash(), Lifecycle.LEAVER))
                    .route(autonomy.automationAllowed() ? "auto" : "blocked").build());
            if (!autonomy.automationAllowed()) {
                store.status(caseId, CaseStatus.BLOCKED, "the autonomy policy does not let the leaver workflow act alone (" + autonomy.level() + ")");
                return false;
            }
            planSeq = decision.seq();
            plan(caseId, identity, planSeq);
            items = store.items(caseId);
        } else {
            planSeq = store.planSeq(caseId).orElseThrow(() -> new LifecycleException("lifecycle.no-plan", "leaver case " + caseId + " has items but no plan"));
        }
        List<Long> links = List.of(planSeq);
        Instant lastDisabled = null;
        int disabled = 0;
        for (CaseItem item : items.stream().filter(i -> i.action().equals("DISABLE")).toList()) {
            Optional<Writes.Done> done = writes.run(item, Lifecycle.LEAVER, Lifecycle.OFFBOARDING_AGENT,
                    new ConnectorWrite.DisableUser(item.platform(), item.login()), null, FACTS, links);
            if (done.filter(Writes.Done::confirmed).isPresent()) {
                directory.confirmAccount(identity.id(), item.platform(), item.login(), AccountStatus.DISABLED);
                lastDisabled = Instant.now();
                disabled++;
            }
        }
        if (lastDisabled != null || items.stream().noneMatch(i -> i.action().equals("DISABLE"))) {
            store.recordTiming(caseId, identity.id().value(), receivedAt, lastDisabled == null ? Instant.now() : lastDisabled, disabled);
        }
        return true;
    }

    /** The rest, after every leaver's accounts are disabled: sessions ended, entitlements removed, notes written. */
    void finish(String caseId, Identity identity) {
        List<CaseItem> items = store.items(caseId);
        List<Long> links = List.of(store.planSeq(caseId).orElseThrow());
        for (CaseItem item : items.stream().filter(i -> i.action().equals("END_SESSIONS")).toList()) {
            writes.run(item, Lifecycle.LEAVER, Lifecycle.OFFBOARDING_AGENT, new ConnectorWrite.EndSessions(item.platform(), item.login()), null, FACTS, links);
        }
        for (CaseItem item : items.stream().filter(i -> i.action().equals("REVOKE")).toList()) {
            revoke(item, identity, links);
        }
        close(caseId, links);
    }

    private void plan(String caseId, Identity identity, long planSeq) {
        List<Account> accounts = directory.accountsOf(identity.id()).stream().filter(a -> a.status() == AccountStatus.ACTIVE).toList();
        List<Assignment> assignments = directory.assignmentsOf(identity.id());
        transactions.executeWithoutResult(status -> {
            store.attachPlan(caseId, planSeq);
            for (Account a : accounts) {
                String key = a.platform() + ":" + a.login();
                store.insertItem(new CaseItem(caseId, key, "DISABLE", a.platform(), a.login(), null, "APPROVED", null, null, null, null));
                store.insertItem(new CaseItem(caseId, key, "END_SESSIONS", a.platform(), a.login(), null, "APPROVED", null, null, null, null));
            }
            for (Assignment held : assignments) {
                Optional<Entitlement> e = directory.entitlement(held.entitlementId());
                Optional<Account> via = Optional.ofNullable(held.accountId()).flatMap(directory::account);
                if (e.isPresent() && via.isPresent()) {
                    store.insertItem(new CaseItem(caseId, e.get().key(), "REVOKE", via.get().platform(), via.get().login(), null, "APPROVED",
                            null, null, null, null));
                }
            }
            store.status(caseId, CaseStatus.RUNNING, accounts.size() + " account(s) to disable, " + assignments.size() + " entitlement(s) to remove");
        });
    }

    private void revoke(CaseItem item, Identity identity, List<Long> links) {
        Entitlement e = directory.entitlementByKey(item.key()).orElseThrow();
        ConnectorWrite write = ConnectorWrite.revoke(item.platform(), item.login(), e.key(), directory.carryingGroup(e));
        writes.run(item, Lifecycle.LEAVER, Lifecycle.OFFBOARDING_AGENT, write, e, FACTS, links)
                .filter(Writes.Done::confirmed).ifPresent(done -> directory.confirmRevoked(identity.id(), e.id()));
    }

    private void close(String caseId, List<Long> links) {
        List<CaseItem> items = store.items(caseId);
        List<String> notDone = items.stream().filter(i -> !i.status().equals("DONE") && !i.status().equals("UNSUPPORTED"))
                .map(i -> i.action() + " " + i.key() + ": " + i.status() + (i.detail() == null ? "" : " (" + i.detail() + ")")).toList();
        List<String> unsupported = items.stream().filter(i -> i.status().equals("UNSUPPORTED")).map(i -> i.platform() + ": " + i.detail()).toList();
        String note = "Countersign " + LocalDate.now(ZoneOffset.UTC) + ": account disabled and access removed based on the termination record"
                + " in Workday (event " + caseId + ")";
        List<Long> seqs = new ArrayList<>(links);
        for (CaseItem disable : items.stream().filter(i -> i.action().equals("DISABLE") && i.status().equals("DONE")).toList()) {
            writes.execute(caseId, Lifecycle.LEAVER, Lifecycle.OFFBOARDING_AGENT, new ConnectorWrite.SetReasonNote(disable.platform(), disable.login(), note),
                    null, Map.of("automated", true), seqs);
        }
        store.status(caseId, notDone.isEmpty() ? CaseStatus.COMPLETED : CaseStatus.PARTIAL,
                (notDone.isEmpty() ? "deprovisioned" : "not done: " + notDone) + (unsupported.isEmpty() ? "" : "; sessions: " + unsupported));
    }
}
