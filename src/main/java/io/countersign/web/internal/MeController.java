package io.countersign.web.internal;

import java.util.Map;

import io.countersign.operators.Operator;
import io.countersign.operators.Operators;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller: who they are, and their own API tokens. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final Operators operators;

    MeController(Operators operators) {
        this.operators = operators;
    }

    @GetMapping
    Operator me(@AuthenticationPrincipal Operator operator) {
        return operator;
    }

    /** A token for the caller, who must be a local user (a JWT caller gets tokens from the bank's identity provider). */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> issueOwnToken(@RequestBody(required = false) AdminController.NewToken body, @AuthenticationPrincipal Operator operator) {
        if (operators.find(operator.username()).isEmpty()) {
            throw new IllegalArgumentException("username: " + operator.username() + " is not a local user; tokens come from your identity provider");
        }
        return AdminController.issued(operators.issueToken(operator.username(), operator.username(), AdminController.tokenName(body),
                AdminController.ttl(body)));
    }
}
