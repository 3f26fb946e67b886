package io.countersign.ledger.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import io.countersign.ledger.ExportSummary;
import io.countersign.ledger.LedgerException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an export: one header line, the entries' canonical JSON exactly as hashed (one per line, in
 * order), then one line per signed checkpoint. The file appears complete or not at all.
 */
final class LedgerExporter {

    static final String HEADER_FIELD = "countersign_ledger_export";
    static final String CHECKPOINT_FIELD = "checkpoint";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LedgerStore store;
    private final SigningKeys keys;

    LedgerExporter(LedgerStore store, SigningKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** Call inside one repeatable-read transaction so header, entries and checkpoints agree. */
    ExportSummary write(Path file) {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + ".partial");
        LedgerStore.Head head = store.head();
        List<SignedCheckpoint> checkpoints = store.checkpoints().stream().filter(c -> c.seq() <= head.seq()).toList();
        String keyId = SigningKeys.keyId(keys.publicKey());
        try {
            Files.createDirectories(target.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(header(head, keyId));
                out.write('\n');
                store.streamEntries(entry -> writeLine(out, entry.body(), entry.position() <= head.seq()));
                for (SignedCheckpoint checkpoint : checkpoints) {
                    out.write(checkpointLine(checkpoint));
                    out.write('\n');
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
            throw new LedgerException("ledger.export", "cannot write the export to " + target + ": " + e.getMessage(), e);
        }
        return new ExportSummary(target, head.seq(), checkpoints.size(), head.seq(), head.hash(), keyId);
    }

    private String header(LedgerStore.Head head, String keyId) {
        ObjectNode header = JSON.createObjectNode();
        header.putObject(HEADER_FIELD)
                .put("format_version", 1)
                .put("exported_at", EntryCodec.formatTime(EntryCodec.ledgerTime(Instant.now())))
                .put("head_seq", head.seq())
                .put("head_hash", head.hash())
                .put("key_id", keyId)
                .put("public_key_pem", keys.publicKeyPem());
        return CanonicalJson.write(header);
    }

    static String checkpointLine(SignedCheckpoint checkpoint) {
        ObjectNode line = JSON.createObjectNode();
        line.set(CHECKPOINT_FIELD, JSON.readTree(checkpoint.body()));
        line.put("signature", checkpoint.signature());
        return CanonicalJson.write(line);
    }

    private static boolean writeLine(BufferedWriter out, String line, boolean covered) {
        if (!covered) {
            return false;
        }
        try {
            out.write(line);
            out.write('\n');
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the partial file is named as such; nothing relies on its absence
        }
    }
}
