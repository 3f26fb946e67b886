package io.countersign.ledger.internal;

import java.time.Instant;

import io.countersign.ledger.Checkpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Makes and reads signed checkpoints: the canonical JSON {@code {hash, key_id, seq, signed_at}} and its signature. */
final class Checkpoints {

    private final JsonMapper json;
    private final SigningKeys keys;

    Checkpoints(JsonMapper json, SigningKeys keys) {
        this.json = json;
        this.keys = keys;
    }

    SignedCheckpoint sign(long seq, String hash, Instant at) {
        ObjectNode body = json.createObjectNode()
                .put("seq", seq)
                .put("hash", hash)
                .put("signed_at", EntryCodec.formatTime(EntryCodec.ledgerTime(at)))
                .put("key_id", SigningKeys.keyId(keys.publicKey()));
        String canonical = CanonicalJson.write(body);
        return new SignedCheckpoint(seq, canonical, keys.sign(canonical));
    }

    Checkpoint describe(SignedCheckpoint signed) {
        JsonNode body = json.readTree(signed.body());
        return new Checkpoint(signed.seq(), body.get("hash").asString(), Instant.parse(body.get("signed_at").asString()),
                body.get("key_id").asString(), signed.signature());
    }
}
