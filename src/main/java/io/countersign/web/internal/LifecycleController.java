package io.countersign.web.internal;

import java.util.Map;

import io.countersign.lifecycle.DeprovisioningStats;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.lifecycle.LifecycleCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Joiner, mover, leaver: access packages, cases and deprovisioning timings. Read-only; decisions go through /api/approvals. */
@RestController
@RequestMapping("/api/lifecycle")
class LifecycleController {

    private final Lifecycle lifecycle;

    LifecycleController(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The access package of a joiner's or mover's case, in the published shape; the request id is the HR event id. */
    @GetMapping("/packages/{requestId}")
    Map<String, Object> accessPackage(@PathVariable String requestId) {
        return lifecycle.accessPackage(requestId).map(p -> p.toJson())
                .orElseThrow(() -> new ProblemHandler.NotFound("no access package for request " + requestId));
    }

    @GetMapping("/cases/{id}")
    LifecycleCase lifecycleCase(@PathVariable String id) {
        return lifecycle.lifecycleCase(id).orElseThrow(() -> new ProblemHandler.NotFound("no lifecycle case " + id));
    }

    @GetMapping("/deprovisioning")
    DeprovisioningStats deprovisioning() {
        return lifecycle.deprovisioning();
    }
}
