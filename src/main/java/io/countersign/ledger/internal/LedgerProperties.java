package io.countersign.ledger.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ledger settings.
 *
 * @param signingKeyFile  the Ed25519 private key (PKCS#8 PEM) that signs checkpoints, created on first start;
 *                        the public key sits beside it with the suffix {@code .pub}
 * @param checkpointEvery sign a checkpoint after every this many entries (and at shutdown)
 */
@ConfigurationProperties("countersign.ledger")
record LedgerProperties(
        @DefaultValue("var/keys/ledger-signing-key.pem") Path signingKeyFile,
        @DefaultValue("100") int checkpointEvery) {

    LedgerProperties {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("countersign.ledger.checkpoint-every must be at least 1, was " + checkpointEvery);
        }
    }
}
