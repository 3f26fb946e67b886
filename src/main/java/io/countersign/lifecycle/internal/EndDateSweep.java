package io.countersign.lifecycle.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.countersign.directory.Account;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Directory;
import io.countersign.directory.Holdings;
import io.countersign.directory.IdentityKind;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.lifecycle.AccountActiveAfterEndDate;
import io.countersign.lifecycle.CaseStatus;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.lifecycle.SweepReport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds people past their HR end date: each account of theirs still active is an alert (ledgered, published for the
 * SIEM export, raised once per account and end date), and a contractor with no leaver case since the hire gets one.
 */
final class EndDateSweep {

    private final Directory directory;
    private final Ledger ledger;
    private final CaseStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    EndDateSweep(Directory directory, Ledger ledger, CaseStore store, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.directory = directory;
        this.ledger = ledger;
        this.store = store;
        this.events = events;
        this.transactions = transactions;
    }

    SweepReport sweep(LocalDate today) {
        List<Holdings> past = new ArrayList<>();
        directory.forEachHolder(h -> {
            if (h.hr().pastEndDate(today)) {
                past.add(h);
            }
        });
        List<AccountActiveAfterEndDate> alerts = new ArrayList<>();
        List<String> started = new ArrayList<>();
        for (Holdings h : past) {
            for (Account account : directory.accountsOf(h.identity().id())) {
                if (account.status() == AccountStatus.ACTIVE && !store.alerted(h.identity().id().value(), account.platform(), account.login(), h.hr().endDate())) {
                    alerts.add(alert(h, account));
                }
            }
            if (h.hr().employmentType() == IdentityKind.CONTRACTOR && !store.hasCase(h.identity().employeeId(), "LEAVER", h.hr().hireDate())) {
                String id = "sweep:" + h.identity().employeeId() + ":" + h.hr().endDate();
                if (store.insert(id, "LEAVER", h.identity().employeeId(), h.hr().endDate(), LifecycleService.sweepEvent(id, h.identity(), h.hr()),
                        Instant.now(), CaseStatus.RECEIVED)) {
                    started.add(id);
                }
            }
        }
        return new SweepReport(alerts, started);
    }

    private AccountActiveAfterEndDate alert(Holdings h, Account account) {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.POLICY_DECISION, Lifecycle.LEAVER).agent(Lifecycle.OFFBOARDING_AGENT)
                .sourceEvent("end-date:" + h.identity().employeeId() + ":" + h.hr().endDate()).subject("identity:" + h.identity().id().value())
                .context(Map.of("alert", "account_active_after_end_date", "platform", account.platform(), "login", account.login(),
                        "end_date", h.hr().endDate().toString(), "employment_type", h.hr().employmentType().name()))
                .route("alert").build());
        AccountActiveAfterEndDate alert = new AccountActiveAfterEndDate(h.identity().id().value(), h.identity().employeeId(), account.platform(),
                account.login(), h.hr().endDate(), entry.seq());
        transactions.executeWithoutResult(status -> {
            if (store.insertAlert(alert.identityId(), alert.platform(), alert.login(), alert.endDate(), entry.seq())) {
                events.publishEvent(alert);
            }
        });
        return alert;
    }
}
