package io.countersign.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import io.countersign.directory.Directory;
import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.RequestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@CountersignTest
class RequestsApiIntegrationTests {

    private static final String WHY = "Covering the desk's Asia hours from next week";

    @LocalServerPort int port;
    @Autowired Operators operators;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired JdbcTemplate jdbc;

    private Api api;
    private String trader;

    @BeforeEach
    void startFromTheRequestBank() {
        jdbc.execute("delete from access_request");
        Workflows.startFrom(RequestBank.snapshot(), directory, tenant, jdbc);
        api = new Api(port);
        trader = tokenFor(Role.REVIEWER, "idn-trader-2");
    }

    @Test
    void aRequesterAsksForThemselvesAndSeesTheRouteScoreReasonsAndLedgerEntries() {
        Api.Reply reply = api.post("/api/requests", json(RequestBank.EIKON, WHY, null), trader);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode request = reply.json().path("request");
        assertThat(reply.json().path("outcome").asString()).isEqualTo("submitted");
        assertThat(request.path("requesterId").asString()).isEqualTo("idn-trader-2");
        assertThat(request.path("route").asString()).isEqualTo("AUTO_APPROVED");

        JsonNode shown = api.get("/api/requests/" + request.path("id").asString(), trader).json();
        assertThat(shown.path("status").asString()).isEqualTo("FULFILLED");
        assertThat(shown.path("probability").asDouble()).isGreaterThan(0.8);
        assertThat(shown.path("reasons").get(0).path("sentence").asString()).startsWith("For approval: ");
        assertThat(shown.path("ledgerSeqs").size()).isGreaterThanOrEqualTo(5);
        assertThat(api.get("/api/requests?status=FULFILLED", trader).json().size()).isEqualTo(1);
    }

    @Test
    void aSecondIdenticalRequestAnswersWithTheOpenOne() {
        String first = api.post("/api/requests", json(RequestBank.AMEND_TRADE, WHY, null), trader).json().path("request").path("id").asString();

        Api.Reply again = api.post("/api/requests", json(RequestBank.AMEND_TRADE, WHY, null), trader);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("outcome").asString()).isEqualTo("already_open");
        assertThat(again.json().path("request").path("id").asString()).isEqualTo(first);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api.Reply reply = api.post("/api/requests", json(RequestBank.EIKON, "because", null), trader).assertProblem(400);

        assertThat(reply.detail()).isEqualTo("justification: must be at least 20 characters, was 7");
        assertThat(reply.json().path("field").asString()).isEqualTo("justification");
        assertThat(api.post("/api/requests", json("Nope:NOTHING", WHY, null), trader).assertProblem(400).json().path("field").asString())
                .isEqualTo("entitlement");
    }

    @Test
    void onlyApproversComplianceOfficersAndAdminsAskForSomeoneElse() {
        api.post("/api/requests", json(RequestBank.EIKON, WHY, "idn-trader-3"), trader).assertProblem(403);

        String deskHead = tokenFor(Role.APPROVER, "idn-eq-head");
        Api.Reply onBehalf = api.post("/api/requests", json(RequestBank.EIKON, WHY, "E-idn-trader-3"), deskHead);
        assertThat(onBehalf.status()).as(onBehalf.body()).isEqualTo(201);
        assertThat(onBehalf.json().path("request").path("requesterId").asString()).isEqualTo("idn-trader-3");
    }

    @Test
    void aRequesterCannotReadSomeoneElsesRequest() {
        String other = tokenFor(Role.REVIEWER, "idn-trader-3");
        String id = api.post("/api/requests", json(RequestBank.AMEND_TRADE, WHY, null), trader).json().path("request").path("id").asString();

        api.get("/api/requests/" + id, other).assertProblem(403);
        assertThat(api.get("/api/requests", other).json().size()).isZero();
        api.get("/api/requests/REQ-999999", other).assertProblem(404);
    }

    private String tokenFor(Role role, String identityId) {
        String username = Callers.uniqueName(role.wireName());
        operators.addUser("test", username, null, Set.of(role), null, identityId);
        IssuedToken token = operators.issueToken("test", username, "test", null);
        return Api.bearer(token.token());
    }

    private static String json(String entitlement, String justification, String forWhom) {
        return "{\"entitlement\": \"" + entitlement + "\", \"justification\": \"" + justification + "\""
                + (forWhom == null ? "" : ", \"for\": \"" + forWhom + "\"") + "}";
    }
}
