package io.countersign.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.countersign.testing.CountersignTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@CountersignTest
class LedgerIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void chainsEachEntryToItsPredecessor() {
        LedgerEntry first = ledger.append(LedgerDraft.of(EntryKind.RECOMMENDATION, "test").subject("identity:a").build());
        LedgerEntry second = ledger.append(LedgerDraft.of(EntryKind.POLICY_DECISION, "test").link(first.seq()).build());

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.links()).containsExactly(first.seq());
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void recordsEveryFieldOfARecommendation() {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.RECOMMENDATION, "sod_remediation")
                .agent("sod-remediation-agent").sourceEvent("sod:rule:idn-1").subject("identity:idn-1")
                .context("title", "Equity Trader").model(new ModelRef("m", "1")).template(new TemplateRef("t", "abc"))
                .input(Map.of("peer_share", 0.25)).output(Map.of("action", "revoke")).confidence(0.92)
                .policy(new AppliedPolicy("sod-matrix", 3, "0123456789abcdef", "sod-trade-settle")).route("human").build());

        LedgerEntry read = ledger.entry(entry.seq()).orElseThrow();
        assertThat(read).isEqualTo(entry);
        assertThat(read.confidence()).isEqualTo(0.92);
        assertThat(read.policies()).containsExactly(new AppliedPolicy("sod-matrix", 3, "0123456789abcdef", "sod-trade-settle"));
        assertThat(read.body()).contains("\"confidence\":0.92").contains("\"kind\":\"recommendation\"");
    }

    @Test
    void neverStoresSecretsGivenInContextOrOutput() {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.EXECUTED, "test")
                .context("api_token", "s3cr3t-token").context("nested", Map.of("clientSecret", "hunter2", "ok", "visible"))
                .output(List.of(Map.of("Authorization", "Bearer abc"))).build());

        assertThat(entry.body()).doesNotContain("s3cr3t-token", "hunter2", "Bearer abc").contains("visible").contains("[redacted]");
    }

    @Test
    void databaseRefusesToChangeOrRemoveEntries() {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.EXECUTED, "test").build());

        assertThatThrownBy(() -> jdbc.update("update ledger_entry set subject = 'x' where seq = ?", entry.seq()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("the ledger is append-only: UPDATE on ledger_entry is refused");
        assertThatThrownBy(() -> jdbc.update("delete from ledger_entry where seq = ?", entry.seq()))
                .rootCause().hasMessageContaining("the ledger is append-only: DELETE on ledger_entry is refused");
        assertThatThrownBy(() -> jdbc.execute("truncate ledger_entry"))
                .rootCause().hasMessageContaining("the ledger is append-only: TRUNCATE on ledger_entry is refused");
        assertThatThrownBy(() -> jdbc.execute("truncate ledger_checkpoint"))
                .rootCause().hasMessageContaining("the ledger is append-only: TRUNCATE on ledger_checkpoint is refused");
    }

    @Test
    void anEntryAppendedInsideARolledBackTransactionLeavesNoTrace() {
        long before = ledger.size();
        transactions.executeWithoutResult(status -> {
            ledger.append(LedgerDraft.of(EntryKind.APPROVED, "test").build());
            status.setRollbackOnly();
        });
        assertThat(ledger.size()).isEqualTo(before);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void followUpsGatherEveryLaterEntryThatDescendsFromADecision() {
        LedgerEntry recommendation = ledger.append(LedgerDraft.of(EntryKind.RECOMMENDATION, "test").build());
        LedgerEntry unrelated = ledger.append(LedgerDraft.of(EntryKind.RECOMMENDATION, "test").build());
        LedgerEntry requested = ledger.append(LedgerDraft.of(EntryKind.APPROVAL_REQUESTED, "test").link(recommendation.seq()).build());
        LedgerEntry approved = ledger.append(LedgerDraft.of(EntryKind.APPROVED, "test").link(requested.seq()).build());
        LedgerEntry executed = ledger.append(LedgerDraft.of(EntryKind.EXECUTED, "test").link(approved.seq()).link(recommendation.seq()).build());

        assertThat(ledger.followUps(recommendation.seq())).extracting(LedgerEntry::seq)
                .containsExactly(requested.seq(), approved.seq(), executed.seq())
                .doesNotContain(unrelated.seq());
    }

    @Test
    void checkpointSignsTheHead() {
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.EXECUTED, "test").build());
        Checkpoint checkpoint = ledger.checkpoint().orElseThrow();

        assertThat(checkpoint.seq()).isGreaterThanOrEqualTo(entry.seq());
        assertThat(checkpoint.keyId()).isEqualTo(ledger.keyId());
        assertThat(ledger.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(ledger.verify().intact()).isTrue();
    }
}
