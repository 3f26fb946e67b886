package io.countersign.web.internal;

import io.countersign.ledger.Explanation;
import io.countersign.ledger.Ledger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Explain: a decision's inputs, model, policies, factor contributions and what followed. */
@RestController
class DecisionsController {

    private final Ledger ledger;

    DecisionsController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/decisions/{seq}/explain")
    Explanation explain(@PathVariable long seq) {
        return ledger.explain(seq).orElseThrow(() -> new ProblemHandler.NotFound("no ledger entry " + seq));
    }
}
