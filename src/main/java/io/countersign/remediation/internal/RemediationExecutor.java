package io.countersign.remediation.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.approval.ApprovalExpired;
import io.countersign.approval.ApprovalGranted;
import io.countersign.approval.ApprovalRejected;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.Provisioning;
import io.countersign.connectors.ProvisioningOutcome;
import io.countersign.connectors.ProvisioningRequest;
import io.countersign.directory.Account;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.IdentityId;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.EntitlementFacts;
import io.countersign.remediation.SodFinding;
import io.countersign.remediation.SodFindingStatus;
import io.countersign.remediation.SodRemediation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries out decided findings. Listens to approval events after their transaction commits (durably:
 * an event whose handling fails stays in the publication registry and is republished at restart) and
 * runs outside any transaction, as provisioning requires.
 */
@Component
class RemediationExecutor {

    private final Directory directory;
    private final Provisioning provisioning;
    private final FindingStore findings;

    RemediationExecutor(Directory directory, Provisioning provisioning, JdbcTemplate jdbc) {
        this.directory = directory;
        this.provisioning = provisioning;
        this.findings = new FindingStore(jdbc);
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalGranted event) {
        if (SodRemediation.WORKFLOW.equals(event.workflow())) {
            remediate(String.valueOf(event.payload().get("finding_id")), event.decisionSeq(),
                    Map.of("approved", true, "approval_id", event.approvalId()));
        }
    }

    @TransactionalEventListener
    void on(ApprovalRejected event) {
        if (SodRemediation.WORKFLOW.equals(event.workflow())) {
            findings.update(String.valueOf(event.payload().get("finding_id")), SodFindingStatus.KEPT,
                    "rejected by " + event.decidedBy() + ": the conflict stays as an accepted risk", event.decisionSeq());
        }
    }

    @TransactionalEventListener
    void on(ApprovalExpired event) {
        if (SodRemediation.WORKFLOW.equals(event.workflow())) {
            findings.update(String.valueOf(event.payload().get("finding_id")), SodFindingStatus.EXPIRED,
                    "nobody decided in time; the next review raises it again", event.ledgerSeq());
        }
    }

    /** Removes the finding's target entitlement through the connectors, under the remediation agent's scope. */
    void remediate(String findingId, long authorisingSeq, Map<String, Object> item) {
        SodFinding finding = findings.find(findingId)
                .orElseThrow(() -> new IllegalStateException("approval refers to unknown finding " + findingId));
        IdentityId subject = new IdentityId(finding.identityId());
        Entitlement target = directory.entitlementByKey(finding.targetKey())
                .orElseThrow(() -> new IllegalStateException("finding " + findingId + " targets unknown entitlement " + finding.targetKey()));
        Optional<Assignment> held = directory.assignmentsOf(subject).stream().filter(a -> a.entitlementId().equals(target.id())).findFirst();
        if (held.isEmpty()) {
            findings.update(findingId, SodFindingStatus.REMEDIATED, target.key() + " was already gone", authorisingSeq);
            return;
        }
        findings.update(findingId, SodFindingStatus.REMEDIATING, finding.detail(), null);
        ConnectorWrite removal = removal(subject, target, held.get());
        ProvisioningOutcome outcome = provisioning.execute(request(finding, removal, DirectoryFacts.entitlement(target), item, authorisingSeq));
        record(finding, subject, target, outcome);
        if (outcome.confirmed()) {
            String note = "Countersign " + LocalDate.now(ZoneOffset.UTC) + ": removed " + target.key() + " (" + finding.ruleId()
                    + ", finding " + finding.id() + ", approved per ledger #" + authorisingSeq + ")";
            provisioning.execute(request(finding, new ConnectorWrite.SetReasonNote(removal.platform(), removal.login(), note), null, item,
                    outcome.lastSeq()));
        }
    }

    private static ProvisioningRequest request(SodFinding finding, ConnectorWrite write, EntitlementFacts entitlement,
                                               Map<String, Object> item, long authorisingSeq) {
        return new ProvisioningRequest(SodRemediation.WORKFLOW, SodRemediation.AGENT, "sod:" + finding.ruleId() + ":" + finding.identityId(),
                "identity:" + finding.identityId(), write, entitlement, item, List.of(authorisingSeq));
    }

    private void record(SodFinding finding, IdentityId subject, Entitlement target, ProvisioningOutcome outcome) {
        if (outcome.confirmed()) {
            directory.confirmRevoked(subject, target.id());
            findings.update(finding.id(), SodFindingStatus.REMEDIATED, target.key() + " removed and confirmed on the platform", outcome.lastSeq());
            return;
        }
        String detail = switch (outcome.result()) {
            case ChangeResult.Rejected r -> "refused: " + r.detail();
            case ChangeResult.Failed f -> "failed: " + f.detail();
            case ChangeResult.Applied a -> "applied but the platform still shows it: " + outcome.readBack().state();
            case ChangeResult.AlreadyInState s -> "the platform reports it gone but the read-back disagrees: " + outcome.readBack().state();
        };
        findings.update(finding.id(), SodFindingStatus.BLOCKED, detail, outcome.lastSeq());
    }

    private ConnectorWrite removal(IdentityId subject, Entitlement target, Assignment held) {
        Account account = Optional.ofNullable(held.accountId()).flatMap(directory::account)
                .orElseThrow(() -> new IllegalStateException(subject + " holds " + target.key() + " through no known account"));
        return ConnectorWrite.revoke(account.platform(), account.login(), target.key(), directory.carryingGroup(target));
    }
}
