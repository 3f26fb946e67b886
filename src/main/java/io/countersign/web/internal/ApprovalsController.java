package io.countersign.web.internal;

import java.util.List;
import java.util.Map;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.ApprovalStatus;
import io.countersign.approval.Approvals;
import io.countersign.approval.Decision;
import io.countersign.operators.Operator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The approval queue: list, show, approve, reject. A refused decision is a 409 problem naming the reason and its ledger entry. */
@RestController
@RequestMapping("/api/approvals")
class ApprovalsController {

    private final Approvals approvals;

    ApprovalsController(Approvals approvals) {
        this.approvals = approvals;
    }

    record DecisionBody(String reason) { }

    @GetMapping
    List<ApprovalRequest> list(@RequestParam(required = false) ApprovalStatus status, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit: must be between 1 and 1000, was " + limit);
        }
        return approvals.list(status, limit);
    }

    @GetMapping("/{id}")
    ApprovalRequest show(@PathVariable String id) {
        return approvals.find(id).orElseThrow(() -> new ProblemHandler.NotFound("approval " + id + " does not exist"));
    }

    @PostMapping("/{id}/approve")
    ResponseEntity<?> approve(@PathVariable String id, @RequestBody(required = false) DecisionBody body,
                              @AuthenticationPrincipal Operator operator) {
        return answer(approvals.approve(id, operator, body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/reject")
    ResponseEntity<?> reject(@PathVariable String id, @RequestBody(required = false) DecisionBody body,
                             @AuthenticationPrincipal Operator operator) {
        return answer(approvals.reject(id, operator, body == null ? null : body.reason()));
    }

    private static ResponseEntity<?> answer(Decision decision) {
        return switch (decision) {
            case Decision.Taken taken -> ResponseEntity.ok(Map.of("approval", taken.request(), "ledgerSeq", taken.ledgerSeq()));
            case Decision.Refused refused -> ResponseEntity.status(HttpStatus.CONFLICT).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.CONFLICT, "approval.refused", refused.reason(), Map.of("ledgerSeq", refused.ledgerSeq())));
        };
    }
}
