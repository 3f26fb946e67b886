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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    Operator addUser(@RequestBody NewUser body, @AuthenticationPrincipal Operator admin) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        (body.roles() == null ? List.<String>of() : body.roles()).forEach(r -> roles.add(Role.parse(r)));
        return operators.addUser(admin.username(), body.username(), body.displayName(), roles,
                body.password() == null ? null : body.password().toCharArray(), body.identityId());
    }

    /**
     * Issues a token for an agent's service user. An admin decides nothing, so an admin may not obtain a
     * token that acts as a person: people issue their own tokens ({@code POST /api/me/tokens}).
     * The token's plain text is in this response and nowhere else.
     */
    @PostMapping("/users/{username}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> issueToken(@PathVariable String username, @RequestBody(required = false) NewToken body,
                                   @AuthenticationPrincipal Operator admin) {
        Operator target = operators.find(username).orElseThrow(() -> new ProblemHandler.NotFound("username: no user '" + username + "'"));
        if (!target.roles().equals(Set.of(Role.AGENT))) {
            throw new ProblemHandler.Forbidden("admins issue tokens only for agent users; " + username
                    + " must issue their own with POST /api/me/tokens or on the host with countersign tokens create");
        }
        return issued(operators.issueToken(admin.username(), username, tokenName(body), ttl(body)));
    }

    static String tokenName(NewToken body) {
        return body == null || body.name() == null ? "api" : body.name();
    }

    static Duration ttl(NewToken body) {
        Integer days = body == null ? null : body.ttlDays();
        if (days != null && days < 1) {
            throw new IllegalArgumentException("ttlDays: must be at least 1, was " + days);
        }
        return days == null ? null : Duration.ofDays(days);
    }

    static Map<String, Object> issued(IssuedToken token) {
        return Map.of("id", token.id(), "username", token.username(), "token", token.token(), "expiresAt", String.valueOf(token.expiresAt()));
    }
}
