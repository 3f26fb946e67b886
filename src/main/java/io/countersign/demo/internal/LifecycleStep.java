package io.countersign.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.connectors.compliance.ComplianceApi;
import io.countersign.directory.Account;
import io.countersign.directory.Directory;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityStatus;
import io.countersign.lifecycle.CaseStatus;
import io.countersign.lifecycle.DeprovisioningStats;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.lifecycle.LifecycleCase;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import io.countersign.policy.Route;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joiner, mover, leaver over loopback HTTP: Workday posts a hire for a trading role to {@code /hooks/workday}; the
 * access package is read from the REST API; the desk head and the chief compliance officer approve their items through
 * the REST API; the agent provisions on the platforms, reads back and notes the profile. Then a transfer, and a batch
 * of terminations of people with accounts on Okta, Entra ID and the mainframe (SCIM), timed from arrival to the last
 * account confirmed disabled.
 */
@Component
public class LifecycleStep {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> TRADING_TITLES = List.of("Equity Derivatives Trader", "Cash Equities Trader", "Rates Trader", "Credit Trader",
            "FX Spot Trader");

    private final Lifecycle lifecycle;
    private final Directory directory;
    private final Approvals approvals;
    private final Operators operators;
    private final ComplianceApi compliance;

    LifecycleStep(Lifecycle lifecycle, Directory directory, Approvals approvals, Operators operators, ComplianceApi compliance) {
        this.compliance = compliance;
        this.lifecycle = lifecycle;
        this.directory = directory;
        this.approvals = approvals;
        this.operators = operators;
    }

    /** What the step did: {@code joinerMover} and {@code deprovisioning}. */
    public record Result(Map<String, Object> joinerMover, Map<String, Object> deprovisioning) { }

    /** Connects the compliance API stand-in, then a hire, a transfer and {@code leavers} terminations. */
    public Result run(int apiPort, PlatformLink platforms, int leavers) {
        platforms.connectCompliance(compliance);
        long start = System.nanoTime();
        Map<String, Object> joinerMover = new LinkedHashMap<>(joinerAndMover(apiPort, platforms));
        joinerMover.put("wall_ms", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        Map<String, Object> deprovisioning = new LinkedHashMap<>(leavers(apiPort, platforms, leavers));
        deprovisioning.put("wall_ms", (System.nanoTime() - start) / 1_000_000);
        return new Result(joinerMover, deprovisioning);
    }

    /** The hire and the transfer, with the package, the approvals and what was provisioned. */
    private Map<String, Object> joinerAndMover(int apiPort, PlatformLink platforms) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = new ApiClient(apiPort, token("demo-cco", "Chief Compliance Officer (demo)", Role.COMPLIANCE_OFFICER, ccoIdentity()));
        Optional<HrRecord> template = TRADING_TITLES.stream().flatMap(t -> directory.withTitle(t).stream()).map(directory::hrRecord)
                .flatMap(Optional::stream).filter(hr -> directory.deskHead(hr.department(), hr.desk()).isPresent()).findFirst();
        if (template.isEmpty()) {
            return Map.of("note", "the bank has no trader with a desk head to model a hire on");
        }
        HrRecord peer = template.get();
        String hireId = "wd-hire-" + run;
        String employeeId = "E-DEMO-" + run;
        api.postWorkday(platforms.workdayHookSecret(), json(event(hireId, "Hire", employeeId, "Noor Demo-" + run, peer.title(), peer.department(),
                peer.desk(), peer.location(), directory.identity(peer.managerId()).map(Identity::employeeId).orElse(null), null)));
        awaitRouted(hireId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("hire", hireId);
        result.put("package", JSON.readValue(api.get("/api/lifecycle/packages/" + hireId).body(), new TypeReference<Map<String, Object>>() { }));
        List<String> decided = approveAll(apiPort, api, hireId);
        result.put("approvals", decided);
        LifecycleCase done = decided.stream().anyMatch(d -> d.contains("not approved")) ? lifecycle.lifecycleCase(hireId).orElseThrow()
                : Waiting.until(WAIT, () -> lifecycle.lifecycleCase(hireId).orElseThrow(), c -> c.status() == CaseStatus.COMPLETED || c.status() == CaseStatus.PARTIAL);
        result.put("joinerStatus", done.status().name());
        result.put("joinerItems", done.items());
        result.put("joinerDetail", String.valueOf(done.detail()));
        result.put("transfer", transfer(api, platforms, run, peer));
        return result;
    }

    private List<String> approveAll(int apiPort, ApiClient cco, String caseId) {
        List<String> decided = new ArrayList<>();
        ApiClient deputy = new ApiClient(apiPort, token("demo-deputy-cco", "Deputy CCO (demo)", Role.COMPLIANCE_OFFICER, null));
        for (ApprovalRequest request : requestsOf(caseId)) {
            try {
                decided.add(approve(apiPort, cco, deputy, request));
            } catch (IllegalStateException refused) {
                decided.add(request.itemKey() + ": not approved: " + refused.getMessage());
            }
        }
        return decided;
    }

    private String approve(int apiPort, ApiClient cco, ApiClient deputy, ApprovalRequest request) {
        {
            if (request.route() == Route.DESK_HEAD) {
                ApiClient head = new ApiClient(apiPort, token("demo-desk-head-" + request.routeIdentityId(), "Desk head (demo)", Role.APPROVER,
                        request.routeIdentityId()));
                head.approve(request.id(), "Standard kit for the desk.");
                return request.itemKey() + ": desk head " + request.routeIdentityId();
            }
            cco.approve(request.id(), "Registration checked.");
            if (request.approvalsRequired() > 1) {
                deputy.approve(request.id(), "Second approval.");
            }
            return request.itemKey() + ": chief compliance officer" + (request.approvalsRequired() > 1 ? " and deputy" : "");
        }
    }

    private Map<String, Object> transfer(ApiClient api, PlatformLink platforms, String run, HrRecord from) {
        Optional<HrRecord> to = TRADING_TITLES.stream().flatMap(t -> directory.withTitle(t).stream()).map(directory::hrRecord).flatMap(Optional::stream)
                .filter(hr -> !hr.desk().equals(from.desk())).findFirst();
        Optional<IdentityId> mover = directory.withTitle(from.title()).stream().filter(id -> !id.equals(from.identityId())).findFirst();
        if (to.isEmpty() || mover.isEmpty()) {
            return Map.of("note", "no second desk to transfer a trader to");
        }
        Identity who = directory.identity(mover.get()).orElseThrow();
        String id = "wd-transfer-" + run;
        api.postWorkday(platforms.workdayHookSecret(), json(event(id, "Transfer", who.employeeId(), who.displayName(), to.get().title(),
                to.get().department(), to.get().desk(), to.get().location(), null, Map.of("businessTitle", from.title(), "team", from.desk()))));
        awaitRouted(id);
        Map<String, Object> accessPackage = JSON.readValue(api.get("/api/lifecycle/packages/" + id).body(), new TypeReference<Map<String, Object>>() { });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("event", id);
        result.put("who", who.id().value() + " " + from.desk() + " -> " + to.get().desk());
        result.put("grantsProposed", ((List<?>) accessPackage.get("entitlements")).size());
        result.put("approvalsOpened", requestsOf(id).size());
        result.put("removalsAfterGracePeriod", accessPackage.get("removals"));
        result.put("sodAfter", accessPackage.get("sod_after"));
        return result;
    }

    /** Terminates {@code count} people with accounts on Okta, Entra ID and the mainframe in one delivery, and times them. */
    private Map<String, Object> leavers(int apiPort, PlatformLink platforms, int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Identity> chosen = new ArrayList<>();
        for (Identity identity : directory.identities(0, 100_000)) {
            Set<String> active = new java.util.HashSet<>(directory.accountsOf(identity.id()).stream()
                    .filter(a -> a.status() == io.countersign.directory.AccountStatus.ACTIVE).map(Account::platform).toList());
            if (identity.status() == IdentityStatus.ACTIVE && identity.employeeId() != null && active.containsAll(Set.of("okta", "entra", "local"))) {
                chosen.add(identity);
            }
            if (chosen.size() == count) {
                break;
            }
        }
        List<Map<String, Object>> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Identity leaver : chosen) {
            String id = "wd-term-" + run + "-" + leaver.employeeId();
            ids.add(id);
            events.add(event(id, "Termination", leaver.employeeId(), null, null, null, null, null, null, null));
        }
        Instant since = Instant.now().minusSeconds(1);
        new ApiClient(apiPort, "unused").postWorkday(platforms.workdayHookSecret(), JSON.writeValueAsString(Map.of("events", events)));
        List<LifecycleCase> done = Waiting.until(WAIT, () -> ids.stream().map(lifecycle::lifecycleCase).flatMap(Optional::stream).toList(),
                cases -> cases.size() == ids.size() && cases.stream().allMatch(c -> c.status() == CaseStatus.COMPLETED || c.status() == CaseStatus.PARTIAL));
        DeprovisioningStats stats = lifecycle.deprovisioning(since);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("leavers", stats.leavers());
        result.put("p50_ms", stats.p50Ms());
        result.put("p99_ms", stats.p99Ms());
        result.put("max_ms", stats.maxMs());
        result.put("accounts_disabled", stats.accountsDisabled());
        result.put("cases_completed", done.stream().filter(c -> c.status() == CaseStatus.COMPLETED).count());
        result.put("sessions_unsupported", done.stream().flatMap(c -> c.items().stream()).filter(i -> i.endsWith(": UNSUPPORTED")).count());
        result.put("example", done.isEmpty() ? "" : done.getFirst().detail());
        return result;
    }

    private Map<String, Object> event(String id, String type, String employeeId, String name, String title, String department, String desk,
                                      String location, String manager, Map<String, Object> prior) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("employeeID", employeeId);
        if (type.equals("Hire")) {
            worker.put("descriptor", name);
            worker.put("primaryWorkEmail", name.toLowerCase().replace(' ', '.') + "@bank.example");
            worker.put("workerType", "Employee");
            worker.put("hireDate", today.toString());
            worker.put("costCenter", "CC-DEMO");
        }
        if (title != null) {
            worker.put("businessTitle", title);
            worker.put("department", department);
            worker.put("team", desk);
            worker.put("location", location);
        }
        if (manager != null) {
            worker.put("managerEmployeeID", manager);
        }
        worker.put("workerStatus", type.equals("Termination") ? "Terminated" : "Active");
        if (type.equals("Termination")) {
            worker.put("endDate", today.toString());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("eventType", type);
        event.put("effectiveDate", today.toString());
        event.put("worker", worker);
        if (prior != null) {
            event.put("priorPosition", prior);
        }
        return event;
    }

    private static String json(Map<String, Object> event) {
        return JSON.writeValueAsString(event);
    }

    private LifecycleCase awaitRouted(String id) {
        return Waiting.until(WAIT, () -> lifecycle.lifecycleCase(id).orElse(null), c -> c != null && c.status() != CaseStatus.RECEIVED
                && c.status() != CaseStatus.RUNNING && lifecycle.accessPackage(id).map(p -> requestsOf(id).size() >= p.entitlements().stream()
                        .filter(i -> !i.route().equals("blocked")).count()).orElse(false));
    }

    private List<ApprovalRequest> requestsOf(String caseId) {
        return approvals.list(null, 100_000).stream().filter(r -> r.sourceEventId() != null && r.sourceEventId().startsWith(caseId + ":")).toList();
    }

    private String ccoIdentity() {
        List<IdentityId> cco = directory.withTitle("Chief Compliance Officer");
        return cco.isEmpty() ? null : cco.getFirst().value();
    }

    private String token(String username, String displayName, Role role, String identityId) {
        if (operators.find(username).isEmpty()) {
            operators.addUser("demo", username, displayName, Set.of(role), null, identityId);
        }
        return operators.issueToken("demo", username, "demo", Duration.ofHours(1)).token();
    }
}
