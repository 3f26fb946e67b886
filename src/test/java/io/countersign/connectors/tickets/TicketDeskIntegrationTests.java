package io.countersign.connectors.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.countersign.approval.ApprovalDraft;
import io.countersign.approval.ApprovalGranted;
import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.ApprovalRequested;
import io.countersign.approval.Approvals;
import io.countersign.connectors.TicketRef;
import io.countersign.connectors.TicketRequest;
import io.countersign.directory.Directory;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.RiskAssessment;
import io.countersign.policy.Route;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Approval requests mirrored as tickets in the Jira and ServiceNow stand-ins, over loopback HTTP, read back through their APIs. */
@CountersignTest
@ExtendWith(OutputCaptureExtension.class)
class TicketDeskIntegrationTests {

    private static final String SECRET = "tickets-" + UUID.randomUUID();
    private static final Operator EQUITIES_HEAD = new Operator("eq-head", "eq-head", Set.of(Role.APPROVER), TestBank.EQUITIES_HEAD, false);
    private static final Operator CCO = new Operator("cco", "cco", Set.of(Role.COMPLIANCE_OFFICER), TestBank.CCO, false);

    @Autowired TicketDesk desk;
    @Autowired Approvals approvals;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @TempDir Path dir;
    private StandInServer standIns;
    private TicketDesk.Use use;

    @BeforeEach
    void startTheTicketSystems() throws IOException {
        Workflows.startFrom(TestBank.snapshot(), directory, tenant, jdbc);
        Files.writeString(dir.resolve("secret"), SECRET);
        standIns = StandInServer.start(0, new SimulatedTenant(), new StandInOptions(SECRET, 0, 3, 0, Map.of()));
    }

    @AfterEach
    void stopUsingThem() {
        if (use != null) {
            use.close();
        }
        standIns.close();
    }

    @Test
    void aRequestOpensATicketAndItsApprovalClosesIt(CapturedOutput output) {
        use = desk.use("jira", jira());

        ApprovalRequest request = approvals.open(draft(Route.DESK_HEAD));
        ApprovalTicket opened = awaitTicket(request.id(), ticket -> ticket.key() != null);
        approvals.approve(request.id(), EQUITIES_HEAD, "needed for the desk");
        ApprovalTicket closed = awaitTicket(request.id(), ticket -> ticket.resolvedAt() != null);

        assertThat(opened.kind()).isEqualTo("jira");
        assertThat(opened.url()).isEqualTo(standIns.baseUri() + "/browse/" + opened.key());
        JsonNode issue = jira("/rest/api/3/issue/" + opened.key());
        assertThat(issue.path("fields").path("summary").asString()).isEqualTo("Countersign approval " + request.id() + ": " + request.summary());
        assertThat(issue.path("fields").path("status").path("name").asString()).isEqualTo("Done");
        assertThat(closed.outcome()).isEqualTo("approved");
        assertThat(closed.status()).isEqualTo("Done");
        assertThat(output.getAll()).doesNotContain(SECRET);
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where body like ?", Integer.class, "%" + SECRET + "%")).isZero();
    }

    @Test
    void aRedeliveredRequestDoesNotOpenASecondTicket() {
        use = desk.use("jira", jira());
        ApprovalRequest request = approvals.open(draft(Route.DESK_HEAD));
        ApprovalTicket first = awaitTicket(request.id(), ticket -> ticket.key() != null);

        redeliver(requested(request));

        assertThat(issuesLabelled(request.id())).containsExactly(first.key());
        assertThat(desk.ticketFor(request.id())).contains(first);
    }

    @Test
    void aTicketOpenedJustBeforeACrashIsFoundAndNotOpenedAgain() {
        ApprovalRequest request = approvals.open(draft(Route.DESK_HEAD));
        awaitTicketWork();
        TicketRef orphan = desk.factories().stream().filter(f -> f.id().equals("jira")).findFirst().orElseThrow().create(jira())
                .open(new TicketRequest(request.id(), "opened before the crash", "-", Map.of()));
        use = desk.use("jira", jira());

        redeliver(requested(request));

        assertThat(desk.ticketFor(request.id())).hasValueSatisfying(ticket -> assertThat(ticket.key()).isEqualTo(orphan.key()));
        assertThat(issuesLabelled(request.id())).containsExactly(orphan.key());
    }

    @Test
    void aDecisionThatArrivesBeforeTheTicketOpensAndClosesIt() {
        ApprovalRequest request = approvals.open(draft(Route.DESK_HEAD));
        approvals.approve(request.id(), EQUITIES_HEAD, "fine");
        awaitTicketWork();
        use = desk.use("jira", jira());

        redeliver(new ApprovalGranted(request.id(), "test", request.subjectIdentityId(), request.itemEntitlementId(), "eq-head", 1L, Map.of()));

        ApprovalTicket ticket = desk.ticketFor(request.id()).orElseThrow();
        assertThat(ticket.outcome()).isEqualTo("approved");
        assertThat(jira("/rest/api/3/issue/" + ticket.key()).path("fields").path("status").path("name").asString()).isEqualTo("Done");
        assertThat(issuesLabelled(request.id())).hasSize(1);
    }

    @Test
    void aRejectionClosesTheServiceNowRecordWithTheRejectedState() {
        use = desk.use("servicenow", Map.of("url", standIns.baseUri().toString(), "user", "svc-countersign", "password", "file:" + dir.resolve("secret"),
                "field.assignment_group", "IAM Approvals"));

        ApprovalRequest request = approvals.open(draft(Route.COMPLIANCE_OFFICER));
        approvals.reject(request.id(), CCO, "not justified");
        ApprovalTicket ticket = awaitTicket(request.id(), t -> t.resolvedAt() != null);

        assertThat(ticket.key()).startsWith("SCTASK");
        assertThat(ticket.outcome()).isEqualTo("rejected");
        JsonNode record = serviceNow("/api/now/table/sc_task/" + ticket.id()).path("result");
        assertThat(record.path("state").asString()).isEqualTo("4");
        assertThat(record.path("correlation_id").asString()).isEqualTo(request.id());
        assertThat(record.path("close_notes").asString()).isEqualTo("Rejected in Countersign by cco: not justified");
    }

    @Test
    void anExpiredRequestClosesItsTicket() {
        use = desk.use("jira", jira());
        ApprovalRequest request = approvals.open(draft(Route.DESK_HEAD));
        awaitTicket(request.id(), ticket -> ticket.key() != null);

        approvals.expireOverdue(Instant.now().plus(Duration.ofDays(8)));

        ApprovalTicket ticket = awaitTicket(request.id(), t -> t.resolvedAt() != null);
        assertThat(ticket.outcome()).isEqualTo("expired");
        assertThat(ticket.status()).isEqualTo("Won't Do");
    }

    private ApprovalTicket awaitTicket(String approvalId, java.util.function.Predicate<ApprovalTicket> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> desk.ticketFor(approvalId).filter(condition).orElse(null), t -> t != null);
    }

    /** Waits until every ticket listener has finished with the events published so far. */
    private void awaitTicketWork() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication"
                + " where listener_id like '%TicketListener%' and completion_date is null", Integer.class) == 0);
    }

    private void redeliver(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        awaitTicketWork();
    }

    private static ApprovalRequested requested(ApprovalRequest request) {
        return new ApprovalRequested(request.id(), request.workflow(), request.subjectIdentityId(), request.itemKey(), request.summary(),
                request.riskTier(), request.route().name(), request.routeIdentityId(), request.expiresAt(), request.requestSeq());
    }

    private Map<String, String> jira() {
        return Map.of("url", standIns.baseUri().toString(), "email", "countersign@bank.example", "api-token", "file:" + dir.resolve("secret"),
                "project-key", "IAM");
    }

    private List<String> issuesLabelled(String approvalId) {
        String jql = URLEncoder.encode("project = IAM AND labels = countersign-" + approvalId, StandardCharsets.UTF_8);
        return jira("/rest/api/3/search/jql?jql=" + jql).path("issues").valueStream().map(i -> i.path("key").asString()).toList();
    }

    private JsonNode jira(String path) {
        return get(path, "auditor@bank.example");
    }

    private JsonNode serviceNow(String path) {
        return get(path, "auditor");
    }

    private JsonNode get(String path, String user) {
        try {
            String basic = Base64.getEncoder().encodeToString((user + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(standIns.baseUri() + path))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                return get(path, user);
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.shared().readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApprovalDraft draft(Route route) {
        RiskAssessment risk = new RiskAssessment(route == Route.COMPLIANCE_OFFICER ? "high" : "standard", route, 1, Duration.ofDays(7),
                new PolicyRef("risk-tiers", 1, "0000000000000000"));
        return new ApprovalDraft("test", "idn-trader-2", TestBank.EXECUTE_TRADE, "Murex:EXECUTE_TRADE", "Grant Murex:EXECUTE_TRADE to idn-trader-2",
                "alice", risk, null, null, List.of(), Map.of());
    }
}
