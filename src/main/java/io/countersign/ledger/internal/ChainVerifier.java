package io.countersign.ledger.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.countersign.ledger.Breach;
import io.countersign.ledger.BreachKind;
import io.countersign.ledger.VerificationReport;
import tools.jackson.databind.JsonNode;

/**
 * Walks a ledger in storage order and finds its first breach: entries fed one by one through
 * {@link #accept}, signed checkpoints checked up front. The same walk serves the database (where the seq
 * column gives the position and copies of fields sit beside the body) and an export file (where only
 * the bodies exist).
 */
final class ChainVerifier {

    private final EntryCodec codec;
    private final boolean positionIsSeq;
    private final String keyId;
    private final TreeMap<Long, String> signedHashes = new TreeMap<>();
    private Breach signatureBreach;
    private Breach chainBreach;
    private long expected = 1;
    private String prevHash = EntryCodec.GENESIS;
    private long lastGoodCheckpoint;
    private long entries;

    ChainVerifier(EntryCodec codec, PublicKey key, List<SignedCheckpoint> checkpoints, boolean positionIsSeq) {
        this.codec = codec;
        this.positionIsSeq = positionIsSeq;
        this.keyId = SigningKeys.keyId(key);
        checkpoints.forEach(c -> admit(key, c));
    }

    private void admit(PublicKey key, SignedCheckpoint checkpoint) {
        String failure = checkpointFailure(key, checkpoint);
        if (failure == null) {
            signedHashes.put(checkpoint.seq(), codec.parse(checkpoint.body()).get("hash").asString());
        } else if (signatureBreach == null || checkpoint.seq() < signatureBreach.seq()) {
            signatureBreach = new Breach(checkpoint.seq(), BreachKind.BAD_SIGNATURE, failure);
        }
    }

    private String checkpointFailure(PublicKey key, SignedCheckpoint checkpoint) {
        if (!SigningKeys.verify(key, checkpoint.body(), checkpoint.signature())) {
            return "the checkpoint at seq " + checkpoint.seq() + " does not verify with key " + keyId;
        }
        JsonNode body = codec.parse(checkpoint.body());
        if (body.get("seq").asLong() != checkpoint.seq()) {
            return "the checkpoint filed at seq " + checkpoint.seq() + " was signed for seq " + body.get("seq").asLong();
        }
        return null;
    }

    /** Checks the next stored entry; returns false once the chain is broken (later entries prove nothing). */
    boolean accept(StoredEntry stored) {
        if (chainBreach != null) {
            return false;
        }
        chainBreach = check(stored);
        return chainBreach == null;
    }

    private Breach check(StoredEntry stored) {
        JsonNode body;
        long seq;
        try {
            body = codec.parse(stored.body());
            seq = body.get("seq").asLong();
        } catch (RuntimeException e) {
            return new Breach(positionIsSeq ? stored.position() : expected, BreachKind.MALFORMED,
                    "the entry is not readable ledger JSON" + (positionIsSeq ? "" : " (line " + stored.position() + ")"));
        }
        Breach order = positionIsSeq ? checkSeqColumn(stored.position(), seq) : checkFileOrder(seq);
        if (order != null) {
            return order;
        }
        String hash = Sha256.hex(stored.body());
        Breach content = checkContent(stored, body, seq, hash);
        if (content != null) {
            return content;
        }
        Breach checkpoint = checkAgainstCheckpoint(seq, hash);
        if (checkpoint != null) {
            return checkpoint;
        }
        prevHash = hash;
        expected = seq + 1;
        entries++;
        return null;
    }

    private Breach checkSeqColumn(long column, long seq) {
        if (column > expected) {
            return new Breach(expected, BreachKind.MISSING, "no entries from seq " + expected + " to " + (column - 1));
        }
        if (seq != column) {
            return new Breach(column, BreachKind.REORDERED, "the entry stored at seq " + column + " is entry " + seq);
        }
        return null;
    }

    private Breach checkFileOrder(long seq) {
        if (seq > expected) {
            return new Breach(expected, BreachKind.MISSING, "entry " + expected + " is absent; entry " + seq + " follows entry " + (expected - 1));
        }
        if (seq < expected) {
            return new Breach(seq, BreachKind.REORDERED, "entry " + seq + " appears after entry " + (expected - 1));
        }
        return null;
    }

    private Breach checkContent(StoredEntry stored, JsonNode body, long seq, String hash) {
        if (stored.hashColumn() != null && !stored.hashColumn().equals(hash)) {
            return new Breach(seq, BreachKind.EDITED, "its content no longer matches its recorded hash");
        }
        String recordedPrev = EntryCodec.text(body, "prev_hash");
        if (!prevHash.equals(recordedPrev)) {
            long altered = Math.max(1, seq - 1);
            return new Breach(altered, BreachKind.EDITED, seq == 1
                    ? "the first entry does not start from the genesis hash"
                    : "entry " + seq + " records a different hash for entry " + altered + ", so entry " + altered + " was altered");
        }
        if (stored.prevHashColumn() != null && !stored.prevHashColumn().equals(recordedPrev)) {
            return new Breach(seq, BreachKind.EDITED, "its prev_hash column differs from the entry");
        }
        for (Map.Entry<String, Object> column : stored.columns().entrySet()) {
            if (!Objects.equals(column.getValue(), bodyValue(body, column.getKey()))) {
                return new Breach(seq, BreachKind.EDITED, "its " + column.getKey() + " column differs from the entry");
            }
        }
        return null;
    }

    private static Object bodyValue(JsonNode body, String field) {
        return "links".equals(field) ? EntryCodec.decodeLinks(body.get("links")) : EntryCodec.text(body, field);
    }

    private Breach checkAgainstCheckpoint(long seq, String hash) {
        String signed = signedHashes.get(seq);
        if (signed == null) {
            return null;
        }
        if (!signed.equals(hash)) {
            long from = lastGoodCheckpoint + 1;
            return new Breach(from, BreachKind.EDITED, "entries " + from + " to " + seq
                    + " do not match the signed checkpoint at seq " + seq + ": the chain was rewritten");
        }
        lastGoodCheckpoint = seq;
        return null;
    }

    /** Whether the walk so far reported a missing entry (an export may hold it further on: reordered). */
    Optional<Long> missingSeq() {
        return chainBreach != null && chainBreach.kind() == BreachKind.MISSING ? Optional.of(chainBreach.seq()) : Optional.empty();
    }

    void reclassifyAsReordered(long seq) {
        chainBreach = new Breach(seq, BreachKind.REORDERED, "entry " + seq + " appears later in the file than its successors");
    }

    VerificationReport finish() {
        long headSeq = expected - 1;
        Breach breach = chainBreach;
        if (breach == null && !signedHashes.isEmpty() && signedHashes.lastKey() > headSeq) {
            breach = new Breach(headSeq + 1, BreachKind.TRUNCATED, "the signed checkpoint at seq " + signedHashes.lastKey()
                    + " covers entries up to " + signedHashes.lastKey() + ", but the ledger ends at seq " + headSeq);
        }
        if (signatureBreach != null && (breach == null || signatureBreach.seq() <= breach.seq())) {
            breach = signatureBreach;
        }
        return new VerificationReport(entries, signedHashes.size(), headSeq, prevHash, keyId, Optional.ofNullable(breach));
    }
}
