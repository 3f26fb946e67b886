package io.countersign.web.internal;

import java.util.List;

import io.countersign.remediation.SodFinding;
import io.countersign.remediation.SodRemediation;
import io.countersign.remediation.SodReviewSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Separation-of-duties findings and reviews. */
@RestController
@RequestMapping("/api/sod")
class SodController {

    private final SodRemediation remediation;

    SodController(SodRemediation remediation) {
        this.remediation = remediation;
    }

    @GetMapping("/findings")
    List<SodFinding> findings(@RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit: must be between 1 and 1000, was " + limit);
        }
        return remediation.findings(limit);
    }

    @GetMapping("/findings/{id}")
    SodFinding finding(@PathVariable String id) {
        return remediation.finding(id).orElseThrow(() -> new ProblemHandler.NotFound("no finding " + id));
    }

    @PostMapping("/reviews")
    SodReviewSummary review() {
        return remediation.review();
    }
}
