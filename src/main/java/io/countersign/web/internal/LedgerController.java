package io.countersign.web.internal;

import java.util.List;
import java.util.Map;

import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import io.countersign.ledger.VerificationReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views of the ledger for auditors. */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/entries")
    List<LedgerEntry> entries(@RequestParam(defaultValue = "9223372036854775807") long before,
                              @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String subject) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit: must be between 1 and 500, was " + limit);
        }
        return ledger.page(before, limit, subject);
    }

    @GetMapping("/verify")
    VerificationReport verify() {
        return ledger.verify();
    }

    @GetMapping("/public-key")
    Map<String, String> publicKey() {
        return Map.of("keyId", ledger.keyId(), "algorithm", "Ed25519", "pem", ledger.publicKeyPem());
    }
}
