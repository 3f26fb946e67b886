package io.countersign.web.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operator;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Local users and tokens (the embedded default's identity store). */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final Operators operators;

    AdminController(Operators operators) {
        this.operators = operators;
    }

    record NewUser(String username, String displayName, List<String> roles, String password, String identityId) { }

    record NewToken(String name, Integer ttlDays) { }

    @GetMapping("/users")
    List<Operator> users() {
        return operators.list();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Operator addUser(@RequestBody NewUser body) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        (body.roles() == null ? List.<String>of() : body.roles()).forEach(r -> roles.add(Role.parse(r)));
        return operators.addUser(body.username(), body.displayName(), roles,
                body.password() == null ? null : body.password().toCharArray(), body.identityId());
    }

    /** The token's plain text is in this response and nowhere else. */
    @PostMapping("/users/{username}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> issueToken(@PathVariable String username, @RequestBody(required = false) NewToken body) {
        Integer days = body == null ? null : body.ttlDays();
        if (days != null && days < 1) {
            throw new IllegalArgumentException("ttlDays: must be at least 1, was " + days);
        }
        IssuedToken token = operators.issueToken(username, body == null || body.name() == null ? "api" : body.name(),
                days == null ? null : Duration.ofDays(days));
        return Map.of("id", token.id(), "username", token.username(), "token", token.token(),
                "expiresAt", String.valueOf(token.expiresAt()));
    }
}
