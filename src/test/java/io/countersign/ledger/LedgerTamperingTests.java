package io.countersign.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.countersign.CountersignApplication;
import io.countersign.testing.TestDataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tampering as an attacker with database superuser rights would do it: the append-only triggers are
 * switched off, rows changed, and the triggers switched back on. Runs on its own database, since it
 * wipes the ledger before each test.
 */
@SpringBootTest(classes = CountersignApplication.class)
class LedgerTamperingTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        Path dir = Path.of(System.getProperty(TestDataDirectory.PROPERTY), "ledger-tampering");
        registry.add("countersign.data-dir", dir::toString);
        registry.add("countersign.ledger.checkpoint-every", () -> "5");
    }

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path scratch;

    @BeforeEach
    void startFromAnEmptyLedgerOfTwelveEntries() {
        asSuperuser("truncate ledger_entry, ledger_checkpoint");
        for (int i = 1; i <= 12; i++) {
            ledger.append(LedgerDraft.of(EntryKind.RECOMMENDATION, "test").subject("identity:idn-" + i).confidence(i / 20.0).build());
        }
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void detectsAnEditedEntry() {
        asSuperuser("update ledger_entry set body = replace(body, 'idn-7', 'idn-70') where seq = 7");
        assertBreach(ledger.verify(), 7, BreachKind.EDITED, "its content no longer matches its recorded hash");
    }

    @Test
    void detectsAnEditWhoseHashWasRecomputed() {
        asSuperuser("update ledger_entry set body = replace(body, 'idn-7', 'idn-70'), subject = 'identity:idn-70' where seq = 7");
        asSuperuser("update ledger_entry set hash = encode(sha256(convert_to(body, 'UTF8')), 'hex') where seq = 7");
        assertBreach(ledger.verify(), 7, BreachKind.EDITED, "entry 8 records a different hash for entry 7, so entry 7 was altered");
    }

    @Test
    void detectsAnEditedQueryColumn() {
        asSuperuser("update ledger_entry set subject = 'identity:someone-else' where seq = 3");
        assertBreach(ledger.verify(), 3, BreachKind.EDITED, "its subject column differs from the entry");
    }

    @Test
    void detectsADeletedEntry() {
        asSuperuser("delete from ledger_entry where seq = 4");
        assertBreach(ledger.verify(), 4, BreachKind.MISSING, "no entries from seq 4 to 4");
    }

    @Test
    void detectsReorderedEntries() {
        asSuperuser("update ledger_entry set seq = 1000006 where seq = 6");
        asSuperuser("update ledger_entry set seq = 6 where seq = 7");
        asSuperuser("update ledger_entry set seq = 7 where seq = 1000006");
        assertBreach(ledger.verify(), 6, BreachKind.REORDERED, "the entry stored at seq 6 is entry 7");
    }

    @Test
    void detectsTruncationCoveredByACheckpoint() {
        asSuperuser("delete from ledger_entry where seq > 8");
        assertBreach(ledger.verify(), 9, BreachKind.TRUNCATED, "the signed checkpoint at seq 10 covers entries up to 10, but the ledger ends at seq 8");
    }

    @Test
    void detectsAForgedCheckpoint() {
        String forged = Base64.getEncoder().encodeToString(new byte[64]);
        asSuperuser("update ledger_checkpoint set signature = '" + forged + "' where seq = 5");
        assertBreach(ledger.verify(), 5, BreachKind.BAD_SIGNATURE, "the checkpoint at seq 5 does not verify with key " + ledger.keyId());
    }

    @Test
    void detectsAChainRewrittenFromTheEditOnwards() {
        asSuperuser("update ledger_entry set body = replace(body, 'idn-7', 'idn-70'), subject = 'identity:idn-70' where seq = 7");
        rehashFrom(7);
        assertBreach(ledger.verify(), 6, BreachKind.EDITED, "entries 6 to 10 do not match the signed checkpoint at seq 10: the chain was rewritten");
    }

    @Test
    void exportVerifiesOfflineAndWithThePinnedKey() {
        Path file = scratch.resolve("ledger.jsonl");
        ExportSummary summary = ledger.export(file);

        assertThat(summary.entries()).isEqualTo(12);
        VerificationReport report = Ledger.verifyExport(file, Optional.of(ledger.publicKeyPem()));
        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).isEqualTo(12);
        assertThat(report.headHash()).isEqualTo(summary.headHash());
    }

    @Test
    void detectsAnEditedExportLine() throws IOException {
        Path file = exported();
        rewrite(file, lines -> lines.set(6, lines.get(6).replace("idn-6", "idn-60")));
        assertBreach(Ledger.verifyExport(file, Optional.empty()), 6, BreachKind.EDITED, "entry 7 records a different hash for entry 6, so entry 6 was altered");
    }

    @Test
    void detectsARemovedExportLine() throws IOException {
        Path file = exported();
        rewrite(file, lines -> lines.remove(3));
        assertBreach(Ledger.verifyExport(file, Optional.empty()), 3, BreachKind.MISSING, "entry 3 is absent; entry 4 follows entry 2");
    }

    @Test
    void detectsSwappedExportLines() throws IOException {
        Path file = exported();
        rewrite(file, lines -> Collections.swap(lines, 3, 4));
        assertBreach(Ledger.verifyExport(file, Optional.empty()), 3, BreachKind.REORDERED, "entry 3 appears later in the file than its successors");
    }

    @Test
    void detectsAnExportCutShortBeforeItsCheckpoints() throws IOException {
        Path file = exported();
        rewrite(file, lines -> lines.subList(11, 13).clear());
        assertBreach(Ledger.verifyExport(file, Optional.empty()), 11, BreachKind.TRUNCATED, "the signed checkpoint at seq 12 covers entries up to 12, but the ledger ends at seq 10");
    }

    @Test
    void detectsAnExportResignedWithAnotherKeyWhenTheKeyIsPinned() throws Exception {
        Path file = exported();
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        String otherPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(other.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        VerificationReport report = Ledger.verifyExport(file, Optional.of(otherPem));
        assertThat(report.intact()).isFalse();
        assertThat(report.breach().orElseThrow().kind()).isEqualTo(BreachKind.BAD_SIGNATURE);
    }

    private Path exported() {
        Path file = scratch.resolve("ledger.jsonl");
        ledger.export(file);
        return file;
    }

    private static void rewrite(Path file, java.util.function.Consumer<List<String>> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        change.accept(lines);
        Files.write(file, lines);
    }

    private void rehashFrom(long seq) {
        List<Long> seqs = jdbc.queryForList("select seq from ledger_entry where seq >= ? order by seq", Long.class, seq);
        for (Long s : seqs) {
            String prev = jdbc.queryForObject("select hash from ledger_entry where seq = ?", String.class, s - 1);
            asSuperuser("update ledger_entry set body = regexp_replace(body, '\"prev_hash\":\"[0-9a-f]{64}\"', '\"prev_hash\":\"" + prev + "\"'),"
                    + " prev_hash = '" + prev + "' where seq = " + s);
            asSuperuser("update ledger_entry set hash = encode(sha256(convert_to(body, 'UTF8')), 'hex') where seq = " + s);
        }
    }

    private void asSuperuser(String sql) {
        jdbc.execute("alter table ledger_entry disable trigger user");
        jdbc.execute("alter table ledger_checkpoint disable trigger user");
        try {
            jdbc.execute(sql);
        } finally {
            jdbc.execute("alter table ledger_entry enable trigger user");
            jdbc.execute("alter table ledger_checkpoint enable trigger user");
        }
    }

    private static void assertBreach(VerificationReport report, long seq, BreachKind kind, String detail) {
        assertThat(report.intact()).isFalse();
        assertThat(report.breach()).contains(new Breach(seq, kind, detail));
    }
}
