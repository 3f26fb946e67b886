package io.countersign.lifecycle.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.directory.Account;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.lifecycle.LifecycleException;
import io.countersign.policy.DirectoryFacts;

/**
 * Carries out one planned item through {@link Provisioning}: the item is claimed (so a write whose success is
 * recorded is never repeated), written under the agent's scope, read back, and its outcome recorded on the item.
 */
final class Writes {

    private final Provisioning provisioning;
    private final Directory directory;
    private final CaseStore store;

    Writes(Provisioning provisioning, Directory directory, CaseStore store) {
        this.provisioning = provisioning;
        this.directory = directory;
        this.store = store;
    }

    /** How one item ended: {@code DONE} when confirmed by read-back. */
    record Done(String status, String detail, Long seq, ProvisioningOutcome outcome) {
        boolean confirmed() {
            return status.equals("DONE");
        }
    }

    Optional<Done> run(CaseItem item, String workflow, String agent, ConnectorWrite write, Entitlement entitlement,
                       Map<String, Object> facts, List<Long> links) {
        if (!store.transition(item, List.of("APPROVED", "SCHEDULED", "EXECUTING"), "EXECUTING", null, null)) {
            return Optional.empty();
        }
        ProvisioningOutcome outcome = execute(item.caseId(), workflow, agent, write, entitlement, facts, links);
        Done done = done(outcome, write);
        store.transition(item, List.of("EXECUTING"), done.status(), done.detail(), done.seq());
        return Optional.of(done);
    }

    ProvisioningOutcome execute(String caseId, String workflow, String agent, ConnectorWrite write, Entitlement entitlement,
                                Map<String, Object> facts, List<Long> links) {
        Identity subject = subjectOf(caseId);
        return provisioning.execute(new ProvisioningRequest(workflow, agent, caseId, "identity:" + subject.id().value(), write,
                entitlement == null ? null : DirectoryFacts.entitlement(entitlement), facts, links));
    }

    static Done done(ProvisioningOutcome outcome, ConnectorWrite write) {
        if (outcome.confirmed()) {
            return new Done("DONE", write.operation() + " confirmed on " + write.platform(), outcome.lastSeq(), outcome);
        }
        String status = switch (outcome.result()) {
            case ChangeResult.Rejected r -> write instanceof ConnectorWrite.EndSessions && r.detail().contains("no sessions") ? "UNSUPPORTED" : "REFUSED";
            case ChangeResult.Failed f -> "FAILED";
            case ChangeResult.Applied a -> "FAILED";
            case ChangeResult.AlreadyInState s -> "FAILED";
        };
        String detail = switch (outcome.result()) {
            case ChangeResult.Rejected r -> r.detail();
            case ChangeResult.Failed f -> "failed: " + f.detail();
            default -> "not confirmed by read-back: " + (outcome.readBack() == null ? "none" : outcome.readBack().state());
        };
        return new Done(status, detail, outcome.lastSeq(), outcome);
    }

    private Identity subjectOf(String caseId) {
        String identityId = store.find(caseId).map(c -> c.identityId())
                .orElseThrow(() -> new LifecycleException("lifecycle.no-identity", "case " + caseId + " has no identity"));
        return directory.identity(new IdentityId(identityId)).orElseThrow();
    }

    /** The login a new account gets on a platform: the e-mail address, or its local part where logins are plain names. */
    static String loginFor(Identity identity, String platform) {
        String email = identity.email() == null ? identity.employeeId() : identity.email();
        return platform.equals("ad") || platform.equals("local") ? (email.contains("@") ? email.substring(0, email.indexOf('@')) : email) : email;
    }

    static Optional<Account> accountOn(List<Account> accounts, String platform) {
        return accounts.stream().filter(a -> a.platform().equals(platform)).findFirst();
    }
}
