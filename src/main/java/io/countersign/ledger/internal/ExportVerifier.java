package io.countersign.ledger.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import io.countersign.ledger.LedgerException;
import io.countersign.ledger.VerificationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Verifies an export file with no database: the same chain walk as the live ledger, over the file's lines. */
public final class ExportVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHECKPOINT_PREFIX = "{\"" + LedgerExporter.CHECKPOINT_FIELD + "\":";

    private ExportVerifier() {
    }

    public static VerificationReport verify(Path file, Optional<String> pinnedPublicKeyPem) {
        try {
            JsonNode header = header(file);
            PublicKey key = SigningKeys.parsePublicKey(pinnedPublicKeyPem.orElse(header.get("public_key_pem").asString()));
            List<SignedCheckpoint> checkpoints = checkpoints(file);
            ChainVerifier verifier = new ChainVerifier(new EntryCodec(JSON), key, checkpoints, false);
            forEachEntryLine(file, (lineNo, line) -> verifier.accept(new StoredEntry(lineNo, line, null, null, Map.of())));
            Optional<Long> missing = verifier.missingSeq();
            if (missing.isPresent() && appearsLater(file, missing.get())) {
                verifier.reclassifyAsReordered(missing.get());
            }
            return verifier.finish();
        } catch (IOException e) {
            throw new LedgerException("ledger.export-read", "cannot read " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new LedgerException("ledger.public-key", "the public key is not an Ed25519 PEM public key: " + e.getMessage(), e);
        }
    }

    private static JsonNode header(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            JsonNode header = first == null ? null : readOrNull(first);
            if (header == null || !header.has(LedgerExporter.HEADER_FIELD)) {
                throw new LedgerException("ledger.export-format", file + ": line 1: not a Countersign ledger export header");
            }
            return header.get(LedgerExporter.HEADER_FIELD);
        }
    }

    private static List<SignedCheckpoint> checkpoints(Path file) throws IOException {
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        forEachLine(file, (lineNo, line) -> {
            if (line.startsWith(CHECKPOINT_PREFIX)) {
                JsonNode node = readOrNull(line);
                if (node == null || !node.has("signature")) {
                    throw new LedgerException("ledger.export-format", file + ": line " + lineNo + ": unreadable checkpoint");
                }
                JsonNode body = node.get(LedgerExporter.CHECKPOINT_FIELD);
                checkpoints.add(new SignedCheckpoint(body.get("seq").asLong(), CanonicalJson.write(body), node.get("signature").asString()));
            }
            return true;
        });
        return checkpoints;
    }

    private static boolean appearsLater(Path file, long seq) throws IOException {
        boolean[] found = {false};
        forEachEntryLine(file, (lineNo, line) -> {
            JsonNode node = readOrNull(line);
            found[0] = node != null && node.has("seq") && node.get("seq").asLong() == seq;
            return !found[0];
        });
        return found[0];
    }

    private static void forEachEntryLine(Path file, BiPredicate<Long, String> sink) throws IOException {
        forEachLine(file, (lineNo, line) -> lineNo == 1 || line.startsWith(CHECKPOINT_PREFIX) || line.isEmpty() || sink.test(lineNo, line));
    }

    private static void forEachLine(Path file, BiPredicate<Long, String> sink) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!sink.test(++lineNo, line)) {
                    return;
                }
            }
        }
    }

    private static JsonNode readOrNull(String line) {
        try {
            return JSON.readTree(line);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
