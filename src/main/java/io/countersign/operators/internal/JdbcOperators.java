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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operator;
import io.countersign.operators.OperatorException;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class JdbcOperators implements Operators {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final String COLUMNS = "username, display_name, roles, identity_id, disabled";

    private final JdbcTemplate jdbc;
    private final Argon2PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final SecureRandom random = new SecureRandom();

    JdbcOperators(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Operator addUser(String username, String displayName, Set<Role> roles, char[] password, String identityId) {
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
        return find(username).orElseThrow();
    }

    @Override
    public IssuedToken issueToken(String username, String name, Duration ttl) {
        Operator operator = find(username).orElseThrow(() -> new OperatorException("operator.unknown", "username: no user '" + username + "'"));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = "tok-" + HexFormat.of().formatHex(secret, 0, 6);
        Instant now = Instant.now();
        Instant expires = ttl == null ? null : now.plus(ttl);
        jdbc.update("insert into api_token (id, username, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                id, operator.username(), name == null ? "token" : name, sha256(token), Timestamp.from(now),
                expires == null ? null : Timestamp.from(expires));
        return new IssuedToken(id, operator.username(), name, token, expires);
    }

    @Override
    public void revokeToken(String tokenId) {
        if (jdbc.update("update api_token set revoked_at = now() where id = ? and revoked_at is null", tokenId) == 0) {
            throw new OperatorException("operator.token", "token: no active token '" + tokenId + "'");
        }
    }

    @Override
    public Optional<Operator> authenticate(String username, char[] password) {
        List<String> hashes = jdbc.queryForList("select password_hash from operator where username = ? and not disabled"
                + " and password_hash is not null", String.class, username);
        if (hashes.isEmpty() || password == null || !passwords.matches(new String(password), hashes.getFirst())) {
            return Optional.empty();
        }
        return find(username);
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
