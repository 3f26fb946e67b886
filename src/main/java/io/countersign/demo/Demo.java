package io.countersign.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.countersign.approval.ApprovalStatus;
import io.countersign.approval.Approvals;
import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.siem.SiemExport;
import io.countersign.connectors.tickets.TicketDesk;
import io.countersign.demo.internal.ApprovalStep;
import io.countersign.demo.internal.LifecycleStep;
import io.countersign.demo.internal.PlatformLink;
import io.countersign.demo.internal.PlatformReads;
import io.countersign.demo.internal.RequestStep;
import io.countersign.demo.internal.ScopeProbe;
import io.countersign.directory.Directory;
import io.countersign.directory.DirectoryCounts;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.VerificationReport;
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

    public static final int STEPS = 9;
    private static final int LEAVERS = 20;
    private static final int SIGN_INS_PER_USER = 3;

    private final SyntheticBank bank;
    private final SimulatedTenant tenant;
    private final Directory directory;
    private final SodRemediation remediation;
    private final Approvals approvals;
    private final Ledger ledger;
    private final ConnectorRegistry connectors;
    private final TicketDesk tickets;
    private final SiemExport siem;
    private final PlatformReads reads;
    private final ApprovalStep approvalStep;
    private final ScopeProbe scopeProbe;
    private final LifecycleStep lifecycleStep;
    private final RequestStep requestStep;

    Demo(SyntheticBank bank, SimulatedTenant tenant, Directory directory, SodRemediation remediation, Approvals approvals, Ledger ledger,
         ConnectorRegistry connectors, TicketDesk tickets, SiemExport siem, PlatformReads reads, ApprovalStep approvalStep,
         ScopeProbe scopeProbe, LifecycleStep lifecycleStep, RequestStep requestStep) {
        this.lifecycleStep = lifecycleStep;
        this.bank = bank;
        this.tenant = tenant;
        this.directory = directory;
        this.remediation = remediation;
        this.approvals = approvals;
        this.ledger = ledger;
        this.connectors = connectors;
        this.tickets = tickets;
        this.siem = siem;
        this.reads = reads;
        this.approvalStep = approvalStep;
        this.scopeProbe = scopeProbe;
        this.requestStep = requestStep;
    }

    /**
     * The demo's knobs: the bank's seed and size, the day it is generated as of, and where the OCSF
     * export goes.
     */
    public record Options(long seed, int employees, int days, LocalDate asOf, Path outDir) { }

    public DemoReport run(Options options, int apiPort, Consumer<String> progress) {
        Map<String, Long> timings = new LinkedHashMap<>();
        Stopwatch watch = new Stopwatch();
        Instant runStart = Instant.now();
        progress.accept("generating a synthetic bank of " + options.employees() + " people (seed " + options.seed() + ")");
        GeneratedBank generated = bank.generate(new BankSpec(options.seed(), options.employees(), options.days(), options.asOf()));
        directory.load(generated.snapshot());
        tenant.seed(generated.snapshot(), options.seed(), SIGN_INS_PER_USER);
        timings.put("generateAndLoad", watch.lap());
        CompletableFuture<RequestStep.Ready> approvalModel = requestStep.prepareModel();
        try (PlatformLink platforms = PlatformLink.start(tenant, "http://127.0.0.1:" + apiPort + "/hooks/okta")) {
            progress.accept("starting the platforms' stand-ins on " + platforms.baseUrl() + " and connecting to them over HTTP");
            platforms.connect(connectors);
            platforms.attachTicketsAndSiem(tickets, siem, options.outDir().resolve("ocsf.jsonl").toAbsolutePath());
            progress.accept("syncing Okta, Entra ID and the mainframe's SCIM directory; polling sign-ins and HR events");
            Map<String, Object> sync = reads.syncAll();
            Map<String, Object> events = reads.pollAll();
            timings.put("platforms", watch.lap());
            progress.accept("reviewing separation of duties: each violation becomes a ledgered recommendation, a route and a Jira ticket");
            SodReviewSummary review = remediation.review();
            timings.put("review", watch.lap());
            progress.accept("the chief compliance officer approves one through the REST API; the agent removes it on the platform");
            Map<String, Object> approval = approvalStep.approveOne(apiPort, runStart);
            timings.put("approve", watch.lap());
            progress.accept("the remediation agent tries a write outside its scope");
            Map<String, Object> refusal = scopeProbe.tryOutOfScopeWrite();
            progress.accept("joiner, mover, leaver: Workday posts a hire, a transfer and " + LEAVERS + " terminations to /hooks/workday");
            LifecycleStep.Result lifecycle = lifecycleStep.run(apiPort, platforms, LEAVERS);
            timings.put("lifecycle", watch.lap());
            Map<String, Object> delivered = reads.delivered(options.outDir().resolve("ocsf.jsonl").toAbsolutePath());
            progress.accept("self-service access requests over the REST API, scored by the approval model trained on the request history");
            Map<String, Object> requests = requestStep.run(apiPort, approvalModel);
            timings.put("requests", watch.lap());
            progress.accept("verifying the ledger");
            VerificationReport verification = ledger.verify();
            timings.put("verify", watch.lap());
            timings.put("total", watch.total());
            return report(options, review, approval, refusal, lifecycle, new Platforms(platforms.baseUrl(), sync, events, delivered), verification,
                    timings, requests);
        }
    }

    /** What the demo read from and sent to the platforms. */
    record Platforms(String standIns, Map<String, Object> sync, Map<String, Object> events, Map<String, Object> delivered) { }

    private DemoReport report(Options options, SodReviewSummary review, Map<String, Object> approval, Map<String, Object> refusal,
                              LifecycleStep.Result lifecycle, Platforms platforms, VerificationReport verification, Map<String, Long> timings,
                              Map<String, Object> requests) {
        DirectoryCounts counts = directory.counts();
        int pending = approvals.list(ApprovalStatus.PENDING, 100_000).size();
        return new DemoReport(options.seed(), options.employees(), options.days(), counts.identities(), counts.accounts(),
                counts.applications(), counts.entitlements(), counts.assignments(), counts.pastRequests(), review.violations(),
                review.raised(), review.alreadyOpen(), pending, approval, refusal, platforms.standIns(), platforms.sync(),
                platforms.events(), platforms.delivered(), lifecycle.joinerMover(), lifecycle.deprovisioning(), verification.entries(),
                verification.intact(), verification.headHash(), timings, requests);
    }
}
