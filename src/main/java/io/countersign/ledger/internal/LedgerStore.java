package io.countersign.ledger.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.countersign.ledger.LedgerDraft;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** The ledger tables. Appends must run inside a transaction that first took {@link #lockForAppend()}. */
final class LedgerStore {

    /** Advisory lock key that makes appends single-writer across every process on the database. */
    private static final long WRITER_LOCK = 0x436f756e_74657273L;
    private static final String ENTRY_COLUMNS = "seq, recorded_at, kind, workflow, subject, source_event_id, links, body, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    LedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    record Head(long seq, String hash) {
        static final Head GENESIS = new Head(0, EntryCodec.GENESIS);
    }

    record Row(long seq, String body, String hash) {
    }

    void lockForAppend() {
        jdbc.query("select pg_advisory_xact_lock(?)", (RowCallbackHandler) rs -> { }, WRITER_LOCK);
    }

    Head head() {
        List<Head> heads = jdbc.query("select seq, hash from ledger_entry order by seq desc limit 1",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
        return heads.isEmpty() ? Head.GENESIS : heads.getFirst();
    }

    void insert(long seq, Instant recordedAt, LedgerDraft draft, String body, String prevHash, String hash) {
        jdbc.update("insert into ledger_entry (" + ENTRY_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?)",
                seq, Timestamp.from(recordedAt), draft.kind().wireName(), draft.workflow(), draft.subject(),
                draft.sourceEventId(), arrayLiteral(draft.links()), body, prevHash, hash);
    }

    void insertCheckpoint(SignedCheckpoint checkpoint) {
        jdbc.update("insert into ledger_checkpoint (seq, body, signature) values (?, ?, ?) on conflict (seq) do nothing",
                checkpoint.seq(), checkpoint.body(), checkpoint.signature());
    }

    long lastCheckpointSeq() {
        Long seq = jdbc.queryForObject("select max(seq) from ledger_checkpoint", Long.class);
        return seq == null ? 0 : seq;
    }

    Optional<Row> find(long seq) {
        return jdbc.query("select seq, body, hash from ledger_entry where seq = ?", LedgerStore::row, seq).stream().findFirst();
    }

    /** Entries after {@code afterSeq} that link to any of {@code seqs}. */
    List<Row> linkingTo(List<Long> seqs, long afterSeq) {
        return jdbc.query("select seq, body, hash from ledger_entry where links && ?::bigint[] and seq > ? order by seq",
                LedgerStore::row, arrayLiteral(seqs), afterSeq);
    }

    List<Row> page(long beforeSeq, int limit, String subject) {
        if (subject == null) {
            return jdbc.query("select seq, body, hash from ledger_entry where seq < ? order by seq desc limit ?",
                    LedgerStore::row, beforeSeq, limit);
        }
        return jdbc.query("select seq, body, hash from ledger_entry where seq < ? and subject = ? order by seq desc limit ?",
                LedgerStore::row, beforeSeq, subject, limit);
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from ledger_entry", Long.class);
        return count == null ? 0 : count;
    }

    List<SignedCheckpoint> checkpoints() {
        return jdbc.query("select seq, body, signature from ledger_checkpoint order by seq",
                (rs, i) -> new SignedCheckpoint(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Streams every entry in seq order until {@code sink} answers false. Call inside a read-only transaction. */
    void streamEntries(Predicate<StoredEntry> sink) {
        streaming.query("select " + ENTRY_COLUMNS + " from ledger_entry order by seq", (ResultSet rs) -> {
            while (rs.next()) {
                if (!sink.test(stored(rs))) {
                    return null;
                }
            }
            return null;
        });
    }

    private static StoredEntry stored(ResultSet rs) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("recorded_at", EntryCodec.formatTime(rs.getTimestamp("recorded_at").toInstant()));
        columns.put("kind", rs.getString("kind"));
        columns.put("workflow", rs.getString("workflow"));
        columns.put("subject", rs.getString("subject"));
        columns.put("source_event_id", rs.getString("source_event_id"));
        columns.put("links", links(rs.getArray("links")));
        return new StoredEntry(rs.getLong("seq"), rs.getString("body"), rs.getString("hash"), rs.getString("prev_hash"), columns);
    }

    private static List<Long> links(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("seq"), rs.getString("body"), rs.getString("hash"));
    }

    private static String arrayLiteral(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
