package io.countersign.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.testing.CountersignTest;
import io.countersign.web.Api.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input is a 400 naming the field, a missing thing a 404, and both are RFC 7807 documents. */
@CountersignTest
class ProblemDocumentsIntegrationTests {

    @LocalServerPort int port;
    @Autowired Operators operators;

    private Api api;
    private String complianceOfficer;
    private String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        complianceOfficer = Callers.withToken(operators, Role.COMPLIANCE_OFFICER).authorization();
        admin = Callers.withToken(operators, Role.ADMIN).authorization();
    }

    @Test
    void refusesAnApprovalLimitOutOfRange() {
        Reply reply = api.get("/api/approvals?limit=0", complianceOfficer).assertProblem(400);

        assertThat(reply.detail()).isEqualTo("limit: must be between 1 and 1000, was 0");
    }

    @Test
    void refusesAnUnknownApprovalStatus() {
        Reply reply = api.get("/api/approvals?status=bogus", complianceOfficer).assertProblem(400);

        assertThat(reply.detail()).isEqualTo("status: 'bogus' is not a valid ApprovalStatus");
    }

    @Test
    void refusesALedgerLimitThatIsNotANumber() {
        Reply reply = api.get("/api/ledger/entries?limit=abc", complianceOfficer).assertProblem(400);

        assertThat(reply.detail()).isEqualTo("limit: 'abc' is not a valid int");
    }

    @Test
    void refusesALedgerLimitOutOfRange() {
        Reply reply = api.get("/api/ledger/entries?limit=501", complianceOfficer).assertProblem(400);

        assertThat(reply.detail()).isEqualTo("limit: must be between 1 and 500, was 501");
    }

    @Test
    void refusesADecisionSequenceThatIsNotANumber() {
        Reply reply = api.get("/api/decisions/abc/explain", complianceOfficer).assertProblem(400);

        assertThat(reply.detail()).isEqualTo("seq: 'abc' is not a valid long");
    }

    @Test
    void refusesADirectoryPageOutOfRange() {
        assertThat(api.get("/api/directory/identities?limit=0", complianceOfficer).assertProblem(400).detail())
                .isEqualTo("limit: must be between 1 and 1000, was 0");
        assertThat(api.get("/api/directory/identities?offset=-1", complianceOfficer).assertProblem(400).detail())
                .isEqualTo("offset: must be at least 0, was -1");
    }

    @Test
    void refusesASodFindingsLimitOutOfRange() {
        assertThat(api.get("/api/sod/findings?limit=0", complianceOfficer).assertProblem(400).detail())
                .isEqualTo("limit: must be between 1 and 1000, was 0");
        assertThat(api.get("/api/sod/findings?limit=-1", complianceOfficer).assertProblem(400).detail())
                .isEqualTo("limit: must be between 1 and 1000, was -1");
    }

    @Test
    void answersAnUnknownApprovalWithNotFound() {
        Reply reply = api.get("/api/approvals/apr-none", complianceOfficer).assertProblem(404);

        assertThat(reply.detail()).isEqualTo("approval apr-none does not exist");
    }

    @Test
    void answersADecisionOnAnUnknownApprovalWithNotFound() {
        Reply reply = api.post("/api/approvals/apr-none/approve", "{\"reason\":\"fine\"}", complianceOfficer).assertProblem(404);

        assertThat(reply.json().path("code").asString()).isEqualTo("approval.not-found");
    }

    @Test
    void answersUnknownIdentitiesFindingsAndLedgerEntriesWithNotFound() {
        assertThat(api.get("/api/directory/identities/idn-none", complianceOfficer).assertProblem(404).detail()).isEqualTo("no identity idn-none");
        assertThat(api.get("/api/sod/findings/sod-none", complianceOfficer).assertProblem(404).detail()).isEqualTo("no finding sod-none");
        assertThat(api.get("/api/decisions/" + Long.MAX_VALUE + "/explain", complianceOfficer).assertProblem(404).detail())
                .isEqualTo("no ledger entry " + Long.MAX_VALUE);
    }

    @Test
    void answersATokenForAnUnknownUserWithNotFound() {
        Reply reply = api.post("/api/admin/users/nobody-here/tokens", "{}", admin).assertProblem(404);

        assertThat(reply.detail()).isEqualTo("username: no user 'nobody-here'");
    }

    @Test
    void refusesAnUnknownRoleForANewUser() {
        Reply reply = api.post("/api/admin/users", "{\"username\":\"" + Callers.uniqueName("x") + "\",\"roles\":[\"boss\"]}", admin)
                .assertProblem(400);

        assertThat(reply.detail()).startsWith("unknown role 'boss'");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        api.post("/api/admin/users", "{not json", admin).assertProblem(400);
        api.post("/api/admin/users", "[]", admin).assertProblem(400);
    }

    @Test
    void refusesAMissingBody() {
        api.post("/api/admin/users", null, admin).assertProblem(400);
    }

    @Test
    void answersAnEndpointThatDoesNotExistUnderAnAllowedPathWithNotFound() {
        Reply reply = api.get("/api/ledger/nothing-here", complianceOfficer).assertProblem(404);

        assertThat(reply.detail()).isEqualTo("no endpoint GET /api/ledger/nothing-here");
    }

    @Test
    void answersAMethodAnEndpointDoesNotTakeWithMethodNotAllowed() {
        Reply reply = api.send("DELETE", "/api/admin/users", null, admin).assertProblem(405);

        assertThat(reply.detail()).isEqualTo("DELETE is not supported here; supported: GET, POST");
    }

    @Test
    void refusesABodyThatIsNotDeclaredAsJson() {
        assertThat(api.sendText("/api/admin/users", "username=x", admin).assertProblem(415).detail())
                .isEqualTo("the request body must be application/json, was text/plain;charset=UTF-8");
    }
}
