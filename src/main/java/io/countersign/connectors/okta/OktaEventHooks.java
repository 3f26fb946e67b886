package io.countersign.connectors.okta;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.Inbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Okta event hooks at {@code /hooks/okta}, for the Okta connector currently registered for platform {@code okta}.
 * Every request must carry that connector's event hook secret as its {@code Authorization} header (the hook's
 * {@code authScheme} in Okta: type {@code HEADER}, key {@code Authorization}), or it is answered 401 and nothing is
 * stored. The one-time verification {@code GET} echoes the
 * {@code X-Okta-Verification-Challenge} header; a delivery ({@code POST}, {@code data.events[]}) is stored in the
 * inbox, deduplicated on each event's {@code uuid}, and answered 200 at once: processing happens afterwards, from
 * the inbox, so redeliveries and deliveries out of order are harmless. A delivery that cannot be read is refused
 * whole with 400.
 */
@RestController
@RequestMapping("/hooks/okta")
class OktaEventHooks {

    private final ConnectorRegistry connectors;
    private final Inbox inbox;

    OktaEventHooks(ConnectorRegistry connectors, Inbox inbox) {
        this.connectors = connectors;
        this.inbox = inbox;
    }

    @GetMapping
    ResponseEntity<?> verify(@RequestHeader(name = "Authorization", required = false) String authorization,
                             @RequestHeader(name = "X-Okta-Verification-Challenge", required = false) String challenge) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        if (challenge == null || challenge.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "bad-request", "the X-Okta-Verification-Challenge header is missing");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("verification", challenge));
    }

    @PostMapping
    ResponseEntity<?> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
                              @RequestBody(required = false) String body) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        List<InboundEvent> events;
        try {
            JsonNode delivery = LogEvents.parse(body, "the event hook delivery");
            events = LogEvents.events(delivery.path("data").path("events"), "the event hook delivery's data.events");
        } catch (ConnectorException e) {
            return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
        }
        if (!events.isEmpty()) {
            inbox.store(events);
        }
        return ResponseEntity.ok().build();
    }

    private boolean authorised(String authorization) {
        return connectors.reader(OktaDirectoryReader.PLATFORM).filter(OktaConnector.class::isInstance).map(OktaConnector.class::cast)
                .map(okta -> okta.acceptsHook(authorization)).orElse(false);
    }

    private static ResponseEntity<ProblemDetail> unauthorised() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "the event hook's authorization header does not carry the configured secret");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://countersign.io/problems/" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
