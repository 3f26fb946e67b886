package io.countersign.operators;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Local users and API tokens.
 *
 * <p>Who authorises: an admin (through the command line on the host, or the admin API). Each change is
 * ledgered as an {@code administration} entry naming the actor. Nothing here writes a password or a token
 * in plain text anywhere; lookups compare hashes.
 */
public interface Operators {

    /**
     * Adds a user. {@code password} may be {@code null} for a token-only user (an agent); otherwise it
     * must be at least 12 characters. Refused: a taken or malformed user name, no roles.
     */
    Operator addUser(String actor, String username, String displayName, Set<Role> roles, char[] password, String identityId);

    /** Issues a token for {@code username}, valid for {@code ttl} ({@code null}: until revoked). */
    IssuedToken issueToken(String actor, String username, String name, Duration ttl);

    void revokeToken(String actor, String tokenId);

    Optional<Operator> authenticate(String username, char[] password);

    /** The operator a bearer token belongs to, if it is known, unexpired, unrevoked and its user enabled. */
    Optional<Operator> resolveToken(String token);

    Optional<Operator> find(String username);

    List<Operator> list();
}
