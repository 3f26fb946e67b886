package io.countersign.connectors.workday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.Inbox;
import io.countersign.testing.CountersignTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Workday-style webhook over real HTTP: the shared secret, all-or-nothing batches, redelivery. */
@CountersignTest
class WorkdayWebhookIntegrationTests {

    private static final String SECRET = "wh-" + UUID.randomUUID();

    @LocalServerPort int port;
    @Autowired ConnectorRegistry connectors;
    @Autowired Inbox inbox;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void configureTheSecret(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("webhook-secret"), SECRET + "\n");
        connectors.create("workday", Map.of("webhook-secret", "file:" + secret));
        jdbc.update("delete from inbox_event where platform = 'workday'");
    }

    @Test
    void storesABatchAndAnswersWithWhatWasNew() {
        Http.Reply reply = deliver(SECRET, batch(hire("wd-a1", "E9001"), leave("wd-a2", "E9002")));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("received").asInt()).isEqualTo(2);
        assertThat(reply.json().path("stored").asInt()).isEqualTo(2);
        InboundEvent stored = inbox.find("workday", "wd-a1").orElseThrow();
        assertThat(stored.stream()).isEqualTo("worker_events");
        assertThat(stored.type()).isEqualTo("hire");
        assertThat(stored.target()).isEqualTo("E9001");
        WorkerEvent hire = WorkerEvent.fromPayload(stored.payload());
        assertThat(hire.employmentType().name()).isEqualTo("CONTRACTOR");
        assertThat(hire.desk()).isEqualTo("Cash Equities");
        assertThat(hire.managerEmployeeId()).isEqualTo("E0001");
    }

    @Test
    void takesASingleEventAndIgnoresMembersItDoesNotKnow() {
        String event = hire("wd-b1", "E9003").replace("\"eventType\"", "\"unknownMember\": {\"x\": [1]}, \"eventType\"");

        Http.Reply reply = deliver(SECRET, event);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(inbox.count("workday", "worker_events")).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        deliver(SECRET, batch(hire("wd-c1", "E9004")));

        Http.Reply again = deliver(SECRET, batch(hire("wd-c1", "E9004"), hire("wd-c1", "E9004")));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("received").asInt()).isEqualTo(2);
        assertThat(again.json().path("stored").asInt()).isZero();
        assertThat(inbox.count("workday", "worker_events")).isEqualTo(1);
    }

    @Test
    void aWrongSecretIs401AndStoresNothing() {
        Http.Reply reply = deliver("not-" + SECRET, batch(hire("wd-d1", "E9005")));

        assertProblem(reply, 401, "hr.unauthenticated", "the X-Countersign-Webhook-Secret header does not match the configured secret");
        assertThat(inbox.count("workday", "worker_events")).isZero();
    }

    @Test
    void aMissingSecretIs401AndStoresNothing() {
        Http.Reply reply = Http.post(port, "/hooks/workday", "application/json", Map.of(), batch(hire("wd-e1", "E9006")));

        assertProblem(reply, 401, "hr.unauthenticated", "the X-Countersign-Webhook-Secret header is missing");
        assertThat(inbox.count("workday", "worker_events")).isZero();
    }

    @Test
    void aBadFieldIs400NamingTheEventAndFieldAndStoresNoneOfTheBatch() {
        String badEmail = hire("wd-f2", "E9008").replace("ada@bank.example", "ada-at-bank");
        String noEmployee = hire("wd-f3", "E9009").replace("\"employeeID\": \"E9009\", ", "");

        Http.Reply reply = deliver(SECRET, batch(hire("wd-f1", "E9007"), badEmail, noEmployee));

        assertProblem(reply, 400, "hr.bad-request", "2 problem(s) in the delivery, nothing was stored: "
                + "events[1].worker.primaryWorkEmail: is not an e-mail address: 'ada-at-bank'");
        assertThat(reply.json().path("errors").valueStream().map(node -> node.asString()).toList()).containsExactly(
                "events[1].worker.primaryWorkEmail: is not an e-mail address: 'ada-at-bank'",
                "events[2].worker.employeeID: is required");
        assertThat(inbox.count("workday", "worker_events")).isZero();
    }

    @Test
    void anUnknownEventTypeIsNamedWithTheWordsWorkdayUses() {
        Http.Reply reply = deliver(SECRET, hire("wd-g1", "E9010").replace("\"Hire\"", "\"Promotion\""));

        assertProblem(reply, 400, "hr.bad-request", "1 problem(s) in the delivery, nothing was stored: event.eventType: 'Promotion' is not one of "
                + "End Contract, Hire, Leave of Absence, Return from Leave, Termination, Transfer");
    }

    @Test
    void truncatedJsonIs400AndStoresNothing() {
        String truncated = batch(hire("wd-h1", "E9011"));
        Http.Reply reply = deliver(SECRET, truncated.substring(0, truncated.length() / 2));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).startsWith("1 problem(s) in the delivery, nothing was stored: body: is not valid JSON");
        assertThat(inbox.count("workday", "worker_events")).isZero();
    }

    private Http.Reply deliver(String secret, String body) {
        return Http.post(port, "/hooks/workday", "application/json", Map.of(HrEvents.SECRET_HEADER, secret), body);
    }

    private static void assertProblem(Http.Reply reply, int status, String code, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asString()).isEqualTo(code);
        assertThat(reply.json().path("detail").asString()).isEqualTo(detail);
    }

    static String batch(String... events) {
        return "{\"events\": [" + String.join(", ", events) + "]}";
    }

    static String hire(String id, String employee) {
        return """
                {"id": "%s", "eventType": "Hire", "effectiveDate": "2026-03-02",
                 "worker": {"employeeID": "%s", "descriptor": "Ada Lovelace", "primaryWorkEmail": "ada@bank.example",
                            "businessTitle": "Trader", "department": "Equities", "team": "Cash Equities", "costCenter": "CC-4100",
                            "location": "London", "managerEmployeeID": "E0001", "workerType": "Contingent Worker",
                            "hireDate": "2026-03-02", "endDate": "2026-12-31", "workerStatus": "Active"}}
                """.formatted(id, employee);
    }

    static String leave(String id, String employee) {
        return """
                {"id": "%s", "eventType": "Leave of Absence", "effectiveDate": "2026-04-01", "worker": {"employeeID": "%s"}}
                """.formatted(id, employee);
    }
}
