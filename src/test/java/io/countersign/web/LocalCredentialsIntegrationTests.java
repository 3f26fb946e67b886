package io.countersign.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.testing.CountersignTest;
import io.countersign.web.Api.Reply;
import io.countersign.web.Callers.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Local users sign in with HTTP Basic, agents and scripts with API tokens; anything doubtful is a 401. */
@CountersignTest
class LocalCredentialsIntegrationTests {

    private static final String READ = "/api/directory/summary";

    @LocalServerPort int port;
    @Autowired Operators operators;
    @Autowired JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void acceptsHttpBasicWithALocalUsersPassword() {
        String reviewer = Callers.withPassword(operators, Role.REVIEWER);

        Reply reply = api.get(READ, Api.basic(reviewer, Callers.PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("counts")).isTrue();
    }

    @Test
    void acceptsPasswordsWithColonsAndCharactersBeyondAscii() {
        String password = "über:straße:密码:çafé";
        String username = Callers.uniqueName("reviewer");
        operators.addUser("test", username, null, Set.of(Role.REVIEWER), password.toCharArray(), null);

        assertThat(api.get(READ, Api.basic(username, password)).status()).isEqualTo(200);
        assertThat(api.get(READ, Api.basic(username, "über:straße")).status()).isEqualTo(401);
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        String reviewer = Callers.withPassword(operators, Role.REVIEWER);

        Reply wrongPassword = api.get(READ, Api.basic(reviewer, Callers.PASSWORD + "!"));
        Reply unknownUser = api.get(READ, Api.basic(Callers.uniqueName("nobody"), Callers.PASSWORD));

        wrongPassword.assertProblem(401);
        unknownUser.assertProblem(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    }

    @Test
    void refusesAnEmptyPassword() {
        String reviewer = Callers.withPassword(operators, Role.REVIEWER);

        api.get(READ, Api.basic(reviewer, "")).assertProblem(401);
    }

    @Test
    void refusesAPasswordForATokenOnlyUser() {
        Caller agent = Callers.withToken(operators, Role.REVIEWER);

        api.get(READ, Api.basic(agent.username(), "")).assertProblem(401);
        api.get(READ, Api.basic(agent.username(), Callers.PASSWORD)).assertProblem(401);
    }

    @Test
    void refusesADisabledUsersPasswordAndTokens() {
        String reviewer = Callers.withPassword(operators, Role.REVIEWER);
        IssuedToken token = operators.issueToken("test", reviewer, "laptop", null);
        assertThat(api.get(READ, Api.bearer(token.token())).status()).isEqualTo(200);

        jdbc.update("update operator set disabled = true where username = ?", reviewer);

        api.get(READ, Api.basic(reviewer, Callers.PASSWORD)).assertProblem(401);
        api.get(READ, Api.bearer(token.token())).assertProblem(401);
    }

    @Test
    void acceptsAnIssuedTokenUntilItIsRevoked() {
        Caller reviewer = Callers.withToken(operators, Role.REVIEWER);
        assertThat(api.get(READ, reviewer.authorization()).status()).isEqualTo(200);

        operators.revokeToken("test", reviewer.tokenId());

        api.get(READ, reviewer.authorization()).assertProblem(401);
    }

    @Test
    void acceptsATokenWithinItsLifetime() {
        String reviewer = Callers.withPassword(operators, Role.REVIEWER);
        IssuedToken token = operators.issueToken("test", reviewer, "one day", Duration.ofDays(1));

        assertThat(api.get(READ, Api.bearer(token.token())).status()).isEqualTo(200);
    }

    @Test
    void refusesAnExpiredToken() {
        String reviewer = Callers.withPassword(operators, Role.REVIEWER);
        String token = "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        Instant issued = Instant.now().minus(Duration.ofDays(31));
        jdbc.update("insert into api_token (id, username, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                Callers.uniqueName("tok"), reviewer, "expired", sha256(token), Timestamp.from(issued),
                Timestamp.from(issued.plus(Duration.ofDays(30))));

        api.get(READ, Api.bearer(token)).assertProblem(401);
    }

    @Test
    void refusesUnknownAndMalformedBearerTokens() {
        api.get(READ, Api.bearer("cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes()))).assertProblem(401);
        api.get(READ, Api.bearer("cs_")).assertProblem(401);
        api.get(READ, Api.bearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.")).assertProblem(401);
        api.get(READ, "Bearer ").assertProblem(401);
    }

    @Test
    void ignoresATokenInTheQueryString() {
        Caller reviewer = Callers.withToken(operators, Role.REVIEWER);

        api.get(READ + "?access_token=" + reviewer.token(), null).assertProblem(401);
    }

    @Test
    void issuesThroughTheAdminApiATokenForAnAgentThatCarriesItsRole() {
        Caller admin = Callers.withToken(operators, Role.ADMIN);
        String username = Callers.uniqueName("agent");

        Reply created = api.post("/api/admin/users", "{\"username\":\"" + username + "\",\"roles\":[\"agent\"]}", admin.authorization());
        Reply issued = api.post("/api/admin/users/" + username + "/tokens", "{\"name\":\"runner\",\"ttlDays\":7}", admin.authorization());

        assertThat(created.status()).isEqualTo(201);
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asString();
        assertThat(token).startsWith("cs_");
        assertThat(api.get("/api/me", Api.bearer(token)).json().path("username").asString()).isEqualTo(username);
        api.get("/api/admin/users", Api.bearer(token)).assertProblem(403);
    }

    @Test
    void refusesAnAdminATokenThatWouldActAsAPerson() {
        Caller admin = Callers.withToken(operators, Role.ADMIN);
        String officer = Callers.withPassword(operators, Role.COMPLIANCE_OFFICER);

        Reply refused = api.post("/api/admin/users/" + officer + "/tokens", "{}", admin.authorization());

        refused.assertProblem(403);
        assertThat(refused.detail()).startsWith("admins issue tokens only for agent users; " + officer);
    }

    @Test
    void aPersonIssuesTheirOwnTokenAndTheLedgerRecordsItWithoutTheToken() {
        String auditor = Callers.withPassword(operators, Role.AUDITOR);

        Reply issued = api.post("/api/me/tokens", "{\"name\":\"evidence\",\"ttlDays\":7}", Api.basic(auditor, Callers.PASSWORD));

        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asString();
        assertThat(api.get("/api/ledger/verify", Api.bearer(token)).status()).isEqualTo(200);
        assertThat(api.get("/api/ledger/entries?subject=operator:" + auditor, Api.bearer(token)).body())
                .contains("token_issued").contains(issued.json().path("id").asString()).doesNotContain(token);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
