package io.countersign.web;

import static io.countersign.operators.Role.ADMIN;
import static io.countersign.operators.Role.AGENT;
import static io.countersign.operators.Role.APPROVER;
import static io.countersign.operators.Role.AUDITOR;
import static io.countersign.operators.Role.COMPLIANCE_OFFICER;
import static io.countersign.operators.Role.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.testing.CountersignTest;
import io.countersign.web.Api.Reply;
import io.countersign.web.Callers.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API is never open, and every endpoint lets in exactly the roles its rule names. */
@CountersignTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessIntegrationTests {

    private static final Role[] EVERYONE = Role.values();

    /**
     * The contract: each endpoint and the roles that may call it; every other role is refused with 403. Ids in paths
     * name nothing and bodies are empty, so an allowed call reads, or is refused as bad input or not found, and
     * changes nothing; the one exception is a SoD review, which scans the directory.
     */
    private static final List<Endpoint> RULE_TABLE = List.of(
            Endpoint.get("/api/approvals")                      .allows(ADMIN, COMPLIANCE_OFFICER, APPROVER, AUDITOR),
            Endpoint.get("/api/approvals/apr-none")             .allows(ADMIN, COMPLIANCE_OFFICER, APPROVER, AUDITOR),
            Endpoint.post("/api/approvals/apr-none/approve")    .allows(COMPLIANCE_OFFICER, APPROVER),
            Endpoint.post("/api/approvals/apr-none/reject")     .allows(COMPLIANCE_OFFICER, APPROVER),
            Endpoint.get("/api/decisions/0/explain")            .allows(ADMIN, COMPLIANCE_OFFICER, APPROVER, REVIEWER, AUDITOR),
            Endpoint.get("/api/ledger/entries")                 .allows(ADMIN, COMPLIANCE_OFFICER, AUDITOR),
            Endpoint.get("/api/ledger/verify")                  .allows(ADMIN, COMPLIANCE_OFFICER, AUDITOR),
            Endpoint.get("/api/ledger/public-key")              .allows(ADMIN, COMPLIANCE_OFFICER, AUDITOR),
            Endpoint.get("/api/directory/summary")              .allows(ADMIN, COMPLIANCE_OFFICER, APPROVER, REVIEWER, AUDITOR),
            Endpoint.get("/api/directory/identities")           .allows(ADMIN, COMPLIANCE_OFFICER, APPROVER, REVIEWER, AUDITOR),
            Endpoint.get("/api/directory/identities/idn-none")  .allows(ADMIN, COMPLIANCE_OFFICER, APPROVER, REVIEWER, AUDITOR),
            Endpoint.get("/api/sod/findings")                   .allows(ADMIN, COMPLIANCE_OFFICER, REVIEWER, AUDITOR),
            Endpoint.get("/api/sod/findings/sod-none")          .allows(ADMIN, COMPLIANCE_OFFICER, REVIEWER, AUDITOR),
            Endpoint.post("/api/sod/reviews")                   .allows(ADMIN, COMPLIANCE_OFFICER),
            Endpoint.get("/api/agents")                         .allows(ADMIN, COMPLIANCE_OFFICER, AUDITOR),
            Endpoint.get("/api/policies")                       .allows(ADMIN, COMPLIANCE_OFFICER, AUDITOR),
            Endpoint.post("/api/agents/writes")                 .allows(AGENT),
            Endpoint.get("/api/admin/users")                    .allows(ADMIN),
            Endpoint.post("/api/admin/users")                   .allows(ADMIN),
            Endpoint.post("/api/admin/users/nobody-here/tokens").allows(ADMIN),
            Endpoint.get("/actuator/prometheus")                .allows(ADMIN),
            Endpoint.get("/actuator/metrics")                   .allows(ADMIN),
            Endpoint.get("/actuator/info")                      .allows(ADMIN),
            Endpoint.get("/api/me")                             .allows(EVERYONE),
            Endpoint.get("/v3/api-docs")                        .allows(EVERYONE),
            Endpoint.get("/swagger-ui.html")                    .allows(EVERYONE));

    /** Methods and paths no rule names: no role may use them. */
    private static final List<String> UNKNOWN = List.of("GET /", "GET /api", "GET /api/unknown", "GET /error", "GET /api/admins",
            "GET /api/approvals/apr-none/votes", "POST /api/approvals", "POST /api/approvals/apr-none/escalate",
            "DELETE /api/approvals/apr-none", "PUT /api/directory/identities/idn-none", "POST /api/ledger/entries",
            "DELETE /api/sod/findings/sod-none", "POST /api/decisions/0/explain", "PATCH /api/policies", "GET /api/agents/writes",
            "GET /actuatorx", "GET /swagger-uix");

    @LocalServerPort int port;
    @Autowired Operators operators;

    private Api api;
    private final Map<Role, Caller> callers = new EnumMap<>(Role.class);

    @BeforeAll
    void oneCallerPerRole() {
        api = new Api(port);
        for (Role role : Role.values()) {
            callers.put(role, Callers.withToken(operators, role));
        }
    }

    @Test
    void answersHealthWithoutCredentials() {
        Reply reply = api.get("/actuator/health", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asString()).isEqualTo("UP");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void refusesEveryEndpointWithoutCredentials(Endpoint endpoint) {
        Reply reply = api.send(endpoint.method(), endpoint.path(), endpoint.body(), null);

        reply.assertProblem(401);
        assertThat(reply.json().path("code").asString()).isEqualTo("unauthenticated");
        assertThat(reply.challenge()).contains("Bearer").contains("Basic");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAsEveryRole")
    void letsInExactlyTheRolesTheRuleTableNames(Endpoint endpoint, Role role) {
        Reply reply = api.send(endpoint.method(), endpoint.path(), endpoint.body(), callers.get(role).authorization());

        if (endpoint.allowed().contains(role)) {
            assertThat(reply.status()).as("%s as %s: %s", endpoint, role, reply.body()).isNotIn(401, 403).isLessThan(500);
        } else {
            reply.assertProblem(403);
            assertThat(reply.detail()).isEqualTo("your roles do not allow " + endpoint);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyWrite")
    void refusesAuditorEveryWrite(Endpoint write) {
        Reply reply = api.send(write.method(), write.path(), write.body(), callers.get(AUDITOR).authorization());

        reply.assertProblem(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownEndpoints")
    void deniesWhatNoRuleNamesToEveryRole(Endpoint unknown) {
        for (Role role : Role.values()) {
            Reply reply = api.send(unknown.method(), unknown.path(), unknown.body(), callers.get(role).authorization());

            assertThat(reply.status()).as("%s as %s", unknown, role).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownEndpoints")
    void refusesWhatNoRuleNamesWithoutCredentials(Endpoint unknown) {
        Reply reply = api.send(unknown.method(), unknown.path(), unknown.body(), null);

        assertThat(reply.status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api//admin/users", "/api/admin;x=1/users", "/api/approvals/../admin/users", "/api/approvals/%2e%2e/admin/users"})
    void rejectsPathTricksBeforeAnyRuleIsMatched(String path) {
        api.get(path, callers.get(AUDITOR).authorization()).assertProblem(400);
        api.get(path, null).assertProblem(400);
    }

    static Stream<Endpoint> everyEndpoint() {
        return RULE_TABLE.stream();
    }

    static Stream<Arguments> everyEndpointAsEveryRole() {
        return RULE_TABLE.stream().flatMap(e -> Arrays.stream(Role.values()).map(r -> Arguments.of(e, r)));
    }

    static Stream<Endpoint> everyWrite() {
        return Stream.concat(RULE_TABLE.stream(), unknownEndpoints()).filter(e -> !e.method().equals("GET") && !e.method().equals("HEAD"));
    }

    static Stream<Endpoint> unknownEndpoints() {
        return UNKNOWN.stream().map(line -> line.split(" ")).map(p -> new Endpoint(p[0], p[1], Set.of()));
    }

    record Endpoint(String method, String path, Set<Role> allowed) {

        static Endpoint get(String path) {
            return new Endpoint("GET", path, Set.of());
        }

        static Endpoint post(String path) {
            return new Endpoint("POST", path, Set.of());
        }

        Endpoint allows(Role... roles) {
            return new Endpoint(method, path, EnumSet.copyOf(List.of(roles)));
        }

        /** Writes send an empty JSON object, which every write endpoint refuses as bad input or not found. */
        String body() {
            return method.equals("GET") || method.equals("HEAD") ? null : "{}";
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
