package io.countersign.web.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.countersign.lifecycle.requests.AccessRequest;
import io.countersign.lifecycle.requests.AccessRequests;
import io.countersign.lifecycle.requests.RequestException;
import io.countersign.lifecycle.requests.RequestStatus;
import io.countersign.lifecycle.requests.RequestSubmission;
import io.countersign.lifecycle.requests.SubmissionOutcome;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-service access requests. Anyone signed in asks for themselves (their operator's identity); asking for someone
 * else takes the approver, compliance officer or admin role. Requesters see their own requests; approvers, compliance
 * officers, auditors and admins see all.
 */
@RestController
@RequestMapping("/api/requests")
class RequestsController {

    private static final List<Role> ON_BEHALF = List.of(Role.APPROVER, Role.COMPLIANCE_OFFICER, Role.ADMIN);
    private static final List<Role> SEE_ALL = List.of(Role.APPROVER, Role.COMPLIANCE_OFFICER, Role.AUDITOR, Role.ADMIN);

    private final AccessRequests requests;

    RequestsController(AccessRequests requests) {
        this.requests = requests;
    }

    /** {@code for} is an identity or employee id; absent means the caller's own identity. */
    record NewRequest(String entitlement, String justification, Integer durationDays, @JsonProperty("for") String forWhom) { }

    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@RequestBody NewRequest body, @AuthenticationPrincipal Operator operator) {
        String requester = requester(body.forWhom(), operator);
        SubmissionOutcome outcome = requests.submit(new RequestSubmission(requester, body.entitlement(), body.justification(),
                body.durationDays(), operator.username()));
        Map<String, Object> answer = new LinkedHashMap<>();
        return switch (outcome) {
            case SubmissionOutcome.Submitted s -> {
                answer.put("outcome", "submitted");
                answer.put("request", s.request());
                yield ResponseEntity.created(URI.create("/api/requests/" + s.request().id())).body(answer);
            }
            case SubmissionOutcome.AlreadyOpen open -> {
                answer.put("outcome", "already_open");
                answer.put("request", open.request());
                yield ResponseEntity.ok(answer);
            }
            case SubmissionOutcome.AlreadyHeld held -> {
                answer.put("outcome", "already_held");
                answer.put("requester", held.requesterId());
                answer.put("entitlement", held.entitlementKey());
                answer.put("grantedAt", held.grantedAt());
                yield ResponseEntity.ok(answer);
            }
        };
    }

    @GetMapping("/{id}")
    AccessRequest show(@PathVariable String id, @AuthenticationPrincipal Operator operator) {
        AccessRequest request = requests.find(id).orElseThrow(() -> RequestException.notFound(id));
        if (!mayRead(operator, request)) {
            throw new ProblemHandler.Forbidden(operator.username() + " may see only their own requests");
        }
        return request;
    }

    @GetMapping
    List<AccessRequest> list(@RequestParam(required = false) RequestStatus status, @RequestParam(defaultValue = "100") int limit,
                             @AuthenticationPrincipal Operator operator) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit: must be between 1 and 1000, was " + limit);
        }
        if (seesAll(operator)) {
            return requests.list(status, limit);
        }
        return requests.list(status, 10_000).stream().filter(r -> mayRead(operator, r)).limit(limit).toList();
    }

    private static String requester(String forWhom, Operator operator) {
        if (forWhom == null || forWhom.isBlank() || forWhom.equals(operator.identityId())) {
            if (operator.identityId() == null) {
                throw RequestException.invalid("for", operator.username() + " is linked to no identity: name whom the request is for");
            }
            return operator.identityId();
        }
        if (ON_BEHALF.stream().noneMatch(operator::has)) {
            throw new ProblemHandler.Forbidden(operator.username() + " may request access only for themselves");
        }
        return forWhom;
    }

    private static boolean seesAll(Operator operator) {
        return SEE_ALL.stream().anyMatch(operator::has);
    }

    private static boolean mayRead(Operator operator, AccessRequest request) {
        return seesAll(operator) || Objects.equals(operator.identityId(), request.requesterId())
                || operator.username().equals(request.submittedBy());
    }
}
