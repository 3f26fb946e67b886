package io.countersign.operators;

import java.time.Instant;

/** A freshly issued API token: {@code token} is the only time its plain text exists outside the caller. */
public record IssuedToken(String id, String username, String name, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", username=" + username + ", name=" + name + ", token=" + masked(token) + ", expiresAt=" + expiresAt + "]";
    }

    /** The token as it may be displayed: its prefix and last four characters. */
    private static String masked(String token) {
        return token == null || token.length() < 12 ? "****" : token.substring(0, 3) + "…" + token.substring(token.length() - 4);
    }
}
