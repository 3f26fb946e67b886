package io.countersign.connectors.entra;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /hooks/graph}: Graph's validation handshake ({@code ?validationToken=…} answered at once with the
 * token, decoded, as {@code text/plain}) and its notification deliveries, stored before they are acknowledged with
 * a 202. A delivery whose {@code clientState} is missing or wrong is answered 401 and stores nothing.
 */
@RestController
class GraphNotificationsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LONGEST_TOKEN = 2048;

    private final EntraNotifications notifications;

    GraphNotificationsController(EntraNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping(path = "/hooks/graph", params = "validationToken")
    ResponseEntity<?> validate(@RequestParam String validationToken) {
        if (validationToken.length() > LONGEST_TOKEN) {
            return problem(HttpStatus.BAD_REQUEST, "hook.malformed", "validationToken is longer than " + LONGEST_TOKEN + " characters");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).header("X-Content-Type-Options", "nosniff").body(validationToken);
    }

    @PostMapping(path = "/hooks/graph", params = "!validationToken")
    ResponseEntity<?> deliver(@RequestBody(required = false) byte[] body) {
        JsonNode delivery;
        try {
            delivery = body == null ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "hook.malformed", "the body is not JSON");
        }
        return switch (notifications.receive(delivery)) {
            case EntraNotifications.Receipt.Stored stored -> ResponseEntity.accepted().build();
            case EntraNotifications.Receipt.Refused refused -> problem(HttpStatus.UNAUTHORIZED, "hook.unauthenticated", refused.reason());
            case EntraNotifications.Receipt.Malformed malformed -> problem(HttpStatus.BAD_REQUEST, "hook.malformed", malformed.reason());
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://countersign.io/problems/" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
