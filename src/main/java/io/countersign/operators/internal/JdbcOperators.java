package io.countersign.operators.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operator;
import io.countersign.operators.OperatorException;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcOperators implements Operators {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final String COLUMNS = "username, display_name, roles, identity_id, disabled";

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Argon2PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the user is unknown, so an answer takes as long whether or not the name exists. */
    private final String decoyHash;

    JdbcOperators(JdbcTemplate jdbc, Ledger ledger, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        byte[] decoy = new byte[24];
        random.nextBytes(decoy);
        this.decoyHash = passwords.encode(Base64.getEncoder().encodeToString(decoy));
    }

    @Override
    public Operator addUser(String actor, String username, String displayName, Set<Role> roles, char[] password, String identityId) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new OperatorException("operator.username", "username: '" + username + "' must be 2-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (roles == null || roles.isEmpty()) {
            throw new OperatorException("operator.roles", "roles: at least one role is required");
        }
        if (password != null && password.length < MIN_PASSWORD_LENGTH) {
            throw new OperatorException("operator.password", "password: must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (find(username).isPresent()) {
            throw new OperatorException("operator.exists", "username: '" + username + "' already exists");
        }
        String hash = password == null ? null : passwords.encode(new String(password));
        String[] roleNames = roles.stream().map(Role::wireName).sorted().toArray(String[]::new);
        transactions.executeWithoutResult(status -> {
            insertUser(username, displayName, hash, roleNames, identityId);
            record(actor, username, Map.of("change", "user_added", "roles", List.of(roleNames), "identity_id", String.valueOf(identityId),
                    "sign_in", hash == null ? "token only" : "password and token"));
        });
        return find(username).orElseThrow();
    }

    private void insertUser(String username, String displayName, String hash, String[] roleNames, String identityId) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into operator (username, display_name, password_hash, roles, identity_id, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)");
            ps.setString(1, username);
            ps.setString(2, displayName == null || displayName.isBlank() ? username : displayName);
            ps.setString(3, hash);
            ps.setArray(4, con.createArrayOf("text", roleNames));
            ps.setString(5, identityId);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            return ps;
        });
    }

    private void record(String actor, String username, Map<String, Object> change) {
        ledger.append(LedgerDraft.of(EntryKind.ADMINISTRATION, "operator_admin").actor(actor).subject("operator:" + username)
                .context(change).build());
    }

    @Override
    public IssuedToken issueToken(String actor, String username, String name, Duration ttl) {
        Operator operator = find(username).orElseThrow(() -> new OperatorException("operator.unknown", "username: no user '" + username + "'"));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = "tok-" + HexFormat.of().formatHex(secret, 0, 6);
        Instant now = Instant.now();
        Instant expires = ttl == null ? null : now.plus(ttl);
        transactions.executeWithoutResult(status -> {
            jdbc.update("insert into api_token (id, username, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                    id, operator.username(), name == null ? "token" : name, sha256(token), Timestamp.from(now),
                    expires == null ? null : Timestamp.from(expires));
            record(actor, operator.username(), Map.of("change", "token_issued", "token_id", id, "name", String.valueOf(name),
                    "expires_at", String.valueOf(expires)));
        });
        return new IssuedToken(id, operator.username(), name, token, expires);
    }

    @Override
    public void revokeToken(String actor, String tokenId) {
        transactions.executeWithoutResult(status -> {
            List<String> owners = jdbc.queryForList("update api_token set revoked_at = now() where id = ? and revoked_at is null"
                    + " returning username", String.class, tokenId);
            if (owners.isEmpty()) {
                throw new OperatorException("operator.token", "token: no active token '" + tokenId + "'");
            }
            record(actor, owners.getFirst(), Map.of("change", "token_revoked", "token_id", tokenId));
        });
    }

    @Override
    public Optional<Operator> authenticate(String username, char[] password) {
        List<String> hashes = jdbc.queryForList("select password_hash from operator where username = ? and not disabled"
                + " and password_hash is not null", String.class, username);
        String presented = password == null ? "" : new String(password);
        boolean matches = passwords.matches(presented, hashes.isEmpty() ? decoyHash : hashes.getFirst());
        return matches && !hashes.isEmpty() && password != null ? find(username) : Optional.empty();
    }

    @Override
    public Optional<Operator> resolveToken(String token) {
        if (token == null || !token.startsWith("cs_")) {
            return Optional.empty();
        }
        List<String> users = jdbc.queryForList("update api_token set last_used_at = now() where token_hash = ? and revoked_at is null"
                + " and (expires_at is null or expires_at > now()) returning username", String.class, sha256(token));
        return users.isEmpty() ? Optional.empty() : find(users.getFirst()).filter(o -> !o.disabled());
    }

    @Override
    public Optional<Operator> find(String username) {
        return jdbc.query("select " + COLUMNS + " from operator where username = ?", JdbcOperators::operator, username).stream().findFirst();
    }

    @Override
    public List<Operator> list() {
        return jdbc.query("select " + COLUMNS + " from operator order by username", JdbcOperators::operator);
    }

    private static Operator operator(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = Arrays.stream((String[]) array.getArray()).map(Role::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Operator(rs.getString("username"), rs.getString("display_name"), roles, rs.getString("identity_id"),
                rs.getBoolean("disabled"));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
