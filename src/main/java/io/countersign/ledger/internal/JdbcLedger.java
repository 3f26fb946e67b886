package io.countersign.ledger.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.countersign.ledger.Checkpoint;
import io.countersign.ledger.Explanation;
import io.countersign.ledger.ExportSummary;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.ledger.VerificationReport;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The ledger on PostgreSQL; a checkpoint is signed at shutdown so the head is always covered. */
@Service
@EnableConfigurationProperties(LedgerProperties.class)
class JdbcLedger implements Ledger, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcLedger.class);

    private final LedgerStore store;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate snapshot;
    private final EntryCodec codec;
    private final SigningKeys keys;
    private final Checkpoints checkpoints;
    private final int checkpointEvery;
    private final Clock clock = Clock.systemUTC();

    private final MeterRegistry meters;

    JdbcLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LedgerProperties properties, MeterRegistry meters) {
        this.meters = meters;
        JsonMapper json = JsonMapper.builder().build();
        this.store = new LedgerStore(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        this.codec = new EntryCodec(json);
        this.keys = SigningKeys.loadOrCreate(properties.signingKeyFile());
        this.checkpoints = new Checkpoints(json, keys);
        this.checkpointEvery = properties.checkpointEvery();
    }

    @Override
    public LedgerEntry append(LedgerDraft draft) {
        return transactions.execute(status -> {
            store.lockForAppend();
            LedgerStore.Head head = store.head();
            long seq = head.seq() + 1;
            Instant now = EntryCodec.ledgerTime(clock.instant());
            String body = codec.encode(seq, now, head.hash(), draft);
            String hash = Sha256.hex(body);
            store.insert(seq, now, draft, body, head.hash(), hash);
            if (seq % checkpointEvery == 0) {
                store.insertCheckpoint(checkpoints.sign(seq, hash, now));
            }
            meters.counter("countersign.ledger.entries", "kind", draft.kind().wireName(), "workflow", draft.workflow()).increment();
            return codec.decode(body, hash);
        });
    }

    @Override
    public Optional<LedgerEntry> entry(long seq) {
        return store.find(seq).map(row -> codec.decode(row.body(), row.hash()));
    }

    @Override
    public List<LedgerEntry> followUps(long seq) {
        List<LedgerEntry> found = new ArrayList<>();
        List<Long> frontier = List.of(seq);
        while (!frontier.isEmpty()) {
            List<LedgerStore.Row> rows = store.linkingTo(frontier, seq);
            List<Long> next = new ArrayList<>();
            for (LedgerStore.Row row : rows) {
                if (found.stream().noneMatch(e -> e.seq() == row.seq())) {
                    found.add(codec.decode(row.body(), row.hash()));
                    next.add(row.seq());
                }
            }
            frontier = next;
        }
        found.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return found;
    }

    @Override
    public Optional<Explanation> explain(long seq) {
        return entry(seq).map(decision -> new Explanation(decision, antecedents(decision), followUps(seq)));
    }

    private List<LedgerEntry> antecedents(LedgerEntry decision) {
        TreeMap<Long, LedgerEntry> found = new TreeMap<>();
        ArrayDeque<Long> pending = new ArrayDeque<>(decision.links());
        while (!pending.isEmpty()) {
            long seq = pending.poll();
            if (!found.containsKey(seq)) {
                entry(seq).ifPresent(e -> {
                    found.put(seq, e);
                    pending.addAll(e.links());
                });
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<LedgerEntry> page(long beforeSeq, int limit, String subject) {
        return store.page(beforeSeq, limit, subject).stream().map(row -> codec.decode(row.body(), row.hash())).toList();
    }

    @Override
    public long size() {
        return store.count();
    }

    @Override
    public VerificationReport verify() {
        return readOnly.execute(status -> {
            ChainVerifier verifier = new ChainVerifier(codec, keys.publicKey(), store.checkpoints(), true);
            store.streamEntries(verifier::accept);
            return verifier.finish();
        });
    }

    @Override
    public Optional<Checkpoint> checkpoint() {
        return transactions.execute(status -> {
            store.lockForAppend();
            LedgerStore.Head head = store.head();
            if (head.seq() > 0 && store.lastCheckpointSeq() < head.seq()) {
                store.insertCheckpoint(checkpoints.sign(head.seq(), head.hash(), clock.instant()));
            }
            List<SignedCheckpoint> all = store.checkpoints();
            return all.isEmpty() ? Optional.<Checkpoint>empty() : Optional.of(checkpoints.describe(all.getLast()));
        });
    }

    @Override
    public ExportSummary export(Path file) {
        checkpoint();
        return snapshot.execute(status -> new LedgerExporter(store, keys).write(file));
    }

    @Override
    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    @Override
    public String keyId() {
        return SigningKeys.keyId(keys.publicKey());
    }

    @Override
    public void destroy() {
        try {
            checkpoint().ifPresent(c -> log.info("ledger checkpoint at seq {} signed at shutdown", c.seq()));
        } catch (RuntimeException e) {
            log.warn("no checkpoint at shutdown: {}", e.getMessage());
        }
    }
}
