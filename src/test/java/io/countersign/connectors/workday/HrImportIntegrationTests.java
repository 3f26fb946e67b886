package io.countersign.connectors.workday;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.countersign.connectors.Inbox;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.testing.CountersignTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/hr/imports} over real HTTP: administrators only, all rows or none, a second import adds nothing. */
@CountersignTest
class HrImportIntegrationTests {

    private static final String GOOD = "\uFEFF" + WorkerCsvTests.HEADER + "\r\n"
            + "imp-1,hire,2026-03-02,E8001,\"Hopper, Grace\",grace@bank.example,Quant,Markets,\"Rates, Europe\",CC-1,New York,,employee,2026-03-02,,,,\r\n"
            + "imp-2,contract_end,2026-06-30,E8002,,,,,,,,,contractor,,2026-06-30,,,\r\n"
            + "imp-3,leave_start,2026-04-01,E8003,,,,,,,,,,,,,,\r\n";

    @LocalServerPort int port;
    @Autowired Operators operators;
    @Autowired Inbox inbox;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void emptyTheHrInbox() {
        jdbc.update("delete from inbox_event where platform = 'workday'");
    }

    @Test
    void anAdministratorImportsAFileAndASecondImportAddsNothing() {
        String admin = bearer(Role.ADMIN);

        Http.Reply first = upload("workers.csv", false, GOOD, admin);
        Http.Reply second = upload("workers.csv", false, GOOD, admin);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("rows").asInt()).isEqualTo(3);
        assertThat(first.json().path("stored").asInt()).isEqualTo(3);
        assertThat(first.json().path("byKind").path("contract_end").asInt()).isEqualTo(1);
        assertThat(second.json().path("stored").asInt()).isZero();
        assertThat(second.json().path("alreadyImported").asInt()).isEqualTo(3);
        assertThat(inbox.count("workday", "worker_events")).isEqualTo(3);
    }

    @Test
    void aFileWithOneBadRowImportsNoneAndListsEveryProblem() {
        String bad = GOOD + "imp-4,hire,2026-03-02,E8004,,,,,,,,,,,,,,\r\n" + "imp-5,termination,yesterday,E8005,,,,,,,,,,,,,,\r\n";

        Http.Reply reply = upload("workers.csv", false, bad, bearer(Role.ADMIN));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asString()).isEqualTo("hr.bad-file");
        assertThat(reply.json().path("detail").asString()).isEqualTo("10 problem(s) in workers.csv, nothing was imported");
        assertThat(reply.json().path("errors").valueStream().map(n -> n.asString()).toList())
                .startsWith("workers.csv:5: name: is required for a hire")
                .contains("workers.csv:6: effective_date: must be a date as YYYY-MM-DD, was 'yesterday'",
                        "workers.csv:6: end_date: is required for a termination");
        assertThat(inbox.count("workday", "worker_events")).isZero();
    }

    @Test
    void aDryRunChecksAndStoresNothing() {
        Http.Reply reply = upload("workers.csv", true, GOOD, bearer(Role.ADMIN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("dryRun").asBoolean()).isTrue();
        assertThat(reply.json().path("rows").asInt()).isEqualTo(3);
        assertThat(inbox.count("workday", "worker_events")).isZero();
    }

    @Test
    void onlyAnAdministratorMayImport() {
        assertThat(upload("workers.csv", false, GOOD, bearer(Role.COMPLIANCE_OFFICER)).status()).isEqualTo(403);
        assertThat(upload("workers.csv", false, GOOD, null).status()).isEqualTo(401);
        assertThat(inbox.count("workday", "worker_events")).isZero();
    }

    private Http.Reply upload(String file, boolean dryRun, String csv, String authorization) {
        return Http.post(port, "/api/hr/imports?file=" + file + "&dryRun=" + dryRun, "text/csv; charset=utf-8",
                authorization == null ? Map.of() : Map.of("Authorization", authorization), csv);
    }

    private String bearer(Role role) {
        String username = role.wireName().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        operators.addUser("test", username, null, Set.of(role), null, null);
        return "Bearer " + operators.issueToken("test", username, "test", null).token();
    }
}
