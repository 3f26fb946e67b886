package io.countersign.web;

import java.util.Set;
import java.util.UUID;

import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;

/** Local users made for one test run: the database is shared, so every name carries a random suffix. */
final class Callers {

    static final String PASSWORD = "correct horse battery staple";

    private Callers() {
    }

    /** A token-only user with {@code role} and a fresh API token. */
    static Caller withToken(Operators operators, Role role) {
        String username = uniqueName(role.wireName());
        operators.addUser("test", username, null, Set.of(role), null, null);
        IssuedToken token = operators.issueToken("test", username, "test", null);
        return new Caller(username, token.id(), token.token());
    }

    /** A user who signs in with {@link #PASSWORD}. */
    static String withPassword(Operators operators, Role role) {
        String username = uniqueName(role.wireName());
        operators.addUser("test", username, null, Set.of(role), PASSWORD.toCharArray(), null);
        return username;
    }

    static String uniqueName(String prefix) {
        return prefix.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    record Caller(String username, String tokenId, String token) {

        String authorization() {
            return Api.bearer(token);
        }
    }
}
