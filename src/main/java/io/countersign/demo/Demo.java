package io.countersign.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.ApprovalStatus;
import io.countersign.approval.Approvals;
import io.countersign.demo.internal.ApiClient;
import io.countersign.demo.internal.ScopeProbe;
import io.countersign.directory.Directory;
import io.countersign.directory.DirectoryCounts;
import io.countersign.directory.IdentityId;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.VerificationReport;
import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.remediation.SodFinding;
import io.countersign.remediation.SodFindingStatus;
import io.countersign.remediation.SodRemediation;
import io.countersign.remediation.SodReviewSummary;
import io.countersign.simulator.BankSpec;
import io.countersign.simulator.GeneratedBank;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SyntheticBank;
import org.springframework.stereotype.Service;

/** Runs the showcase; see the package documentation for the steps. */
@Service
public class Demo {

    static final String APPROVER = "demo-cco";
    private static final Duration REMEDIATION_WAIT = Duration.ofSeconds(60);

    private final SyntheticBank bank;
    private final SimulatedTenant tenant;
    private final Directory directory;
    private final SodRemediation remediation;
    private final Approvals approvals;
    private final Operators operators;
    private final Ledger ledger;
    private final ScopeProbe scopeProbe;

    Demo(SyntheticBank bank, SimulatedTenant tenant, Directory directory, SodRemediation remediation, Approvals approvals,
         Operators operators, Ledger ledger, ScopeProbe scopeProbe) {
        this.bank = bank;
        this.tenant = tenant;
        this.directory = directory;
        this.remediation = remediation;
        this.approvals = approvals;
        this.operators = operators;
        this.ledger = ledger;
        this.scopeProbe = scopeProbe;
    }

    /** The demo's knobs: the bank's seed and size, and the day it is generated as of. */
    public record Options(long seed, int employees, int days, LocalDate asOf) { }

    public DemoReport run(Options options, int apiPort, Consumer<String> progress) {
        Map<String, Long> timings = new LinkedHashMap<>();
        Stopwatch watch = new Stopwatch();
        progress.accept("generating a synthetic bank of " + options.employees() + " people (seed " + options.seed() + ")");
        GeneratedBank generated = bank.generate(new BankSpec(options.seed(), options.employees(), options.days(), options.asOf()));
        timings.put("generate", watch.lap());
        progress.accept("loading the directory and the simulated platforms");
        directory.load(generated.snapshot());
        tenant.seed(generated.snapshot());
        timings.put("load", watch.lap());
        progress.accept("reviewing separation of duties: each violation becomes a ledgered recommendation with a route");
        SodReviewSummary review = remediation.review();
        timings.put("review", watch.lap());
        progress.accept("a second person (the chief compliance officer) approves one through the REST API");
        Map<String, Object> approval = approveOne(apiPort);
        timings.put("approve", watch.lap());
        progress.accept("the remediation agent tries a write outside its scope");
        Map<String, Object> refusal = scopeProbe.tryOutOfScopeWrite();
        timings.put("scope", watch.lap());
        progress.accept("verifying the ledger");
        VerificationReport verification = ledger.verify();
        timings.put("verify", watch.lap());
        timings.put("total", watch.total());
        DirectoryCounts counts = directory.counts();
        int pending = approvals.list(ApprovalStatus.PENDING, 100_000).size();
        return new DemoReport(options.seed(), options.employees(), options.days(), counts.identities(), counts.accounts(),
                counts.applications(), counts.entitlements(), counts.assignments(), counts.pastRequests(), review.violations(),
                review.raised(), review.alreadyOpen(), pending, approval, refusal, verification.entries(), verification.intact(),
                verification.headHash(), timings);
    }

    private Map<String, Object> approveOne(int apiPort) {
        Optional<ApprovalRequest> candidate = scopeProbe.firstApprovalWithinScope(
                approvals.list(ApprovalStatus.PENDING, 100_000).stream()
                        .filter(r -> SodRemediation.WORKFLOW.equals(r.workflow())).sorted((a, b) -> a.id().compareTo(b.id())).toList());
        if (candidate.isEmpty()) {
            return Map.of("note", "no pending SoD approval to decide");
        }
        ApprovalRequest request = candidate.get();
        IssuedToken token = operators.issueToken("demo", complianceOfficer(), "demo", Duration.ofHours(1));
        ApiClient.Answer answer = new ApiClient(apiPort, token.token()).approve(request.id(),
                "Confirmed with the desk: the entitlement is a leftover of a previous role.");
        String findingId = String.valueOf(request.payload().get("finding_id"));
        SodFinding finding = awaitSettled(findingId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approvalId", request.id());
        result.put("summary", request.summary());
        result.put("routedTo", request.route().name().toLowerCase() + (request.routeIdentityId() == null ? "" : ":" + request.routeIdentityId()));
        result.put("approvedBy", APPROVER);
        result.put("httpStatus", answer.status());
        result.put("recommendationSeq", request.recommendationSeq());
        result.put("findingId", findingId);
        result.put("findingStatus", finding.status().name());
        result.put("findingDetail", finding.detail());
        result.put("resolutionSeq", finding.resolutionSeq());
        return result;
    }

    /** The demo's approver is the bank's chief compliance officer, as a token-only local user. */
    private String complianceOfficer() {
        if (operators.find(APPROVER).isEmpty()) {
            List<IdentityId> cco = directory.withTitle("Chief Compliance Officer");
            operators.addUser("demo", APPROVER, "Chief Compliance Officer (demo)", java.util.Set.of(Role.COMPLIANCE_OFFICER), null,
                    cco.isEmpty() ? null : cco.getFirst().value());
        }
        return APPROVER;
    }

    private SodFinding awaitSettled(String findingId) {
        long deadline = System.nanoTime() + REMEDIATION_WAIT.toNanos();
        while (true) {
            SodFinding finding = remediation.finding(findingId).orElseThrow();
            boolean settled = finding.status() != SodFindingStatus.PENDING_APPROVAL && finding.status() != SodFindingStatus.REMEDIATING;
            if (settled || System.nanoTime() > deadline) {
                return finding;
            }
            Stopwatch.pause(Duration.ofMillis(50));
        }
    }
}
