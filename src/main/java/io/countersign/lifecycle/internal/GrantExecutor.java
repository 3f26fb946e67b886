package io.countersign.lifecycle.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Application;
import io.countersign.directory.Assignment;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.lifecycle.CaseStatus;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.lifecycle.LifecycleException;

/**
 * The joiner's and the mover's second half: an approved grant is provisioned under the onboarding agent's scope
 * (the account created first where the platform has none), read back and recorded; a mover's removal whose grace
 * period ended is carried out under the offboarding agent's scope. When no item of a case is open any more, the case
 * closes and a reason note goes on each profile that received access.
 */
final class GrantExecutor {

    private final Directory directory;
    private final Writes writes;
    private final CaseStore store;

    GrantExecutor(Directory directory, Writes writes, CaseStore store) {
        this.directory = directory;
        this.writes = writes;
        this.store = store;
    }

    void decided(String caseId, String key, String to, String detail, long decisionSeq) {
        store.item(caseId, key, "GRANT").ifPresent(item -> store.transition(item, List.of("PENDING_APPROVAL"), to, detail, decisionSeq));
    }

    void grant(String caseId, String key, String workflow, long decisionSeq, String approvalId) {
        Optional<CaseItem> item = store.item(caseId, key, "GRANT");
        if (item.isEmpty() || !store.transition(item.get(), List.of("PENDING_APPROVAL"), "APPROVED", "approved (" + approvalId + ")", decisionSeq)) {
            return;
        }
        Identity identity = identity(caseId);
        Entitlement entitlement = directory.entitlementByKey(key).orElseThrow(() -> new LifecycleException("lifecycle.unknown-entitlement", "no entitlement " + key + " in the catalogue"));
        String platform = directory.application(entitlement.applicationId()).map(Application::platform).orElseThrow();
        Map<String, Object> facts = Map.of("approved", true, "approval_id", approvalId);
        Optional<AccountId> account = ensureAccount(caseId, workflow, identity, platform, facts, decisionSeq);
        CaseItem approved = store.item(caseId, key, "GRANT").orElseThrow();
        if (account.isEmpty()) {
            store.transition(approved, List.of("APPROVED"), "FAILED", "no account on " + platform + " could be created", null);
        } else {
            String login = directory.account(account.get()).orElseThrow().login();
            ConnectorWrite write = ConnectorWrite.grant(platform, login, key, directory.carryingGroup(entitlement));
            writes.run(approved, workflow, Lifecycle.ONBOARDING_AGENT, write, entitlement, facts, List.of(decisionSeq))
                    .filter(Writes.Done::confirmed).ifPresent(done -> directory.confirmGranted(new Assignment(identity.id(), entitlement.id(),
                            account.get(), Instant.now(), Lifecycle.ONBOARDING_AGENT + ":" + approvalId, null,
                            workflow.equals(Lifecycle.JOINER) ? AssignmentSource.ROLE_BUNDLE : AssignmentSource.REQUEST)));
        }
        closeIfDone(caseId, workflow);
    }

    private Optional<AccountId> ensureAccount(String caseId, String workflow, Identity identity, String platform, Map<String, Object> facts,
                                              long decisionSeq) {
        Optional<Account> existing = Writes.accountOn(directory.accountsOf(identity.id()), platform);
        if (existing.isPresent() && existing.get().status() == AccountStatus.ACTIVE) {
            return Optional.of(existing.get().id());
        }
        String login = existing.map(Account::login).orElseGet(() -> Writes.loginFor(identity, platform));
        ConnectorWrite.CreateUser create = new ConnectorWrite.CreateUser(platform, login, profile(identity));
        ProvisioningOutcome outcome = writes.execute(caseId, workflow, Lifecycle.ONBOARDING_AGENT, create, null, facts, List.of(decisionSeq));
        return outcome.confirmed() ? Optional.of(directory.confirmAccount(identity.id(), platform, login, AccountStatus.ACTIVE)) : Optional.empty();
    }

    private static Map<String, String> profile(Identity identity) {
        String[] names = identity.displayName().split(" ", 2);
        return Map.of("firstName", names[0], "lastName", names.length > 1 ? names[1] : names[0],
                "email", identity.email() == null ? identity.employeeId() : identity.email(), "employeeNumber", identity.employeeId());
    }

    /** Carries out one removal whose grace period ended. */
    boolean remove(CaseItem item) {
        Identity identity = identity(item.caseId());
        Optional<Entitlement> entitlement = directory.entitlementByKey(item.key());
        Optional<Assignment> held = entitlement.flatMap(e -> directory.assignmentsOf(identity.id()).stream()
                .filter(a -> a.entitlementId().equals(e.id())).findFirst());
        Optional<Account> account = held.map(Assignment::accountId).flatMap(id -> Optional.ofNullable(id).flatMap(directory::account));
        if (held.isEmpty() || account.isEmpty()) {
            store.transition(item, List.of("SCHEDULED"), "DONE", "already gone", null);
            closeIfDone(item.caseId(), Lifecycle.MOVER);
            return false;
        }
        Entitlement e = entitlement.get();
        ConnectorWrite write = ConnectorWrite.revoke(account.get().platform(), account.get().login(), e.key(), directory.carryingGroup(e));
        long planSeq = store.accessPackage(item.caseId()).map(p -> p.aiRecommendation().ledgerSeq()).orElse(1L);
        Optional<Writes.Done> done = writes.run(item, Lifecycle.MOVER, Lifecycle.OFFBOARDING_AGENT, write, e,
                Map.of("approved", true, "grace_period_ended", true), List.of(planSeq));
        done.filter(Writes.Done::confirmed).ifPresent(d -> directory.confirmRevoked(identity.id(), e.id()));
        closeIfDone(item.caseId(), Lifecycle.MOVER);
        return done.isPresent();
    }

    /** Closes the case once nothing is open, and notes the reason on each profile that received access. */
    void closeIfDone(String caseId, String workflow) {
        List<CaseItem> items = store.items(caseId);
        if (items.stream().anyMatch(CaseItem::open)) {
            return;
        }
        boolean complete = items.stream().allMatch(i -> i.status().equals("DONE"));
        String summary = items.stream().filter(i -> !i.status().equals("DONE")).map(i -> i.action() + " " + i.key() + ": " + i.status()).toList().toString();
        if (!store.transition(caseId, CaseStatus.PENDING_APPROVAL, complete ? CaseStatus.COMPLETED : CaseStatus.PARTIAL,
                complete ? "every item done" : "not done: " + summary)) {
            return;
        }
        note(caseId, workflow, items);
    }

    private void note(String caseId, String workflow, List<CaseItem> items) {
        Identity identity = identity(caseId);
        List<String> granted = items.stream().filter(i -> i.action().equals("GRANT") && i.status().equals("DONE")).map(CaseItem::key).toList();
        if (granted.isEmpty()) {
            return;
        }
        Set<String> platforms = new LinkedHashSet<>();
        granted.forEach(key -> directory.entitlementByKey(key).flatMap(e -> directory.application(e.applicationId()))
                .ifPresent(app -> platforms.add(app.platform())));
        String note = "Countersign " + LocalDate.now(ZoneOffset.UTC) + ": access granted based on "
                + (workflow.equals(Lifecycle.JOINER) ? "new-hire" : "transfer") + " record in Workday (event " + caseId
                + ") and manager approval: " + String.join(", ", granted);
        List<Long> seqs = new ArrayList<>(items.stream().filter(i -> i.resultSeq() != null && i.status().equals("DONE")).map(CaseItem::resultSeq).toList());
        for (String platform : platforms) {
            Writes.accountOn(directory.accountsOf(identity.id()), platform).ifPresent(account -> writes.execute(caseId, workflow,
                    Lifecycle.ONBOARDING_AGENT, new ConnectorWrite.SetReasonNote(platform, account.login(), note), null, Map.of(), seqs));
        }
    }

    private Identity identity(String caseId) {
        String id = store.find(caseId).map(c -> c.identityId()).orElseThrow(() -> new LifecycleException("lifecycle.no-identity", "case " + caseId + " has no identity"));
        return directory.identity(new IdentityId(id)).orElseThrow();
    }
}
