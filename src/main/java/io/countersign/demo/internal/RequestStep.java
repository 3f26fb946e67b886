package io.countersign.demo.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import io.countersign.directory.AccountStatus;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.IdentityId;
import io.countersign.lifecycle.requests.AccessRequest;
import io.countersign.lifecycle.requests.AccessRequests;
import io.countersign.lifecycle.requests.RequestModelInfo;
import io.countersign.lifecycle.requests.RequestRoute;
import io.countersign.lifecycle.requests.RequestStatus;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Self-service requests over the REST API, submitted by the service desk for people in the synthetic bank: a
 * catalogue item the model agrees with (auto-approved and granted on Okta), an execution right routed to the desk
 * head with the model's reasons, a privileged group routed to the chief compliance officer, a settlement right that
 * would break the trade/settle rule (blocked), and a mainframe profile the desk head approves but the fulfilment
 * agent may not grant (refused by the scope guard: the mainframe team grants those).
 */
@Component
public class RequestStep {

    static final String SERVICE_DESK = "demo-service-desk";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> TRADERS = List.of("Cash Equities Trader", "Equity Derivatives Trader", "Rates Trader", "FX Spot Trader");
    private static final List<String> CATALOGUE = List.of("Refinitiv Eikon:EIKON", "Bloomberg Terminal:BLOOMBERG_ANYWHERE");
    private static final List<String> ROUTED = List.of("Fidessa:ALGO_ACCESS", "Murex:AMEND_TRADE", "Murex:CANCEL_TRADE");
    private static final List<String> MAINFRAME = List.of("Core Banking:OPEN_ACCOUNT", "Core Banking:MAINTAIN_ACCOUNT");

    private final AccessRequests requests;
    private final Operators operators;
    private final Directory directory;

    RequestStep(AccessRequests requests, Operators operators, Directory directory) {
        this.requests = requests;
        this.operators = operators;
        this.directory = directory;
    }

    /**
     * Starts training (or loading) the approval model on a background thread, so that it overlaps the platform steps;
     * the answer carries the model and how long it took to be ready.
     */
    public CompletableFuture<Ready> prepareModel() {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            RequestModelInfo model = requests.model();
            return new Ready(model, (System.nanoTime() - start) / 1e9);
        });
    }

    /** The approval model once trained or loaded, and the seconds that took. */
    public record Ready(RequestModelInfo model, double seconds) { }

    /** Submits the requests once the model is ready and reports what became of them. */
    public Map<String, Object> run(int apiPort, CompletableFuture<Ready> preparing) {
        Ready ready = preparing.join();
        RequestModelInfo model = ready.model();
        double modelSeconds = ready.seconds();
        ApiClient api = new ApiClient(apiPort, operators.issueToken("demo", serviceDesk(), "demo", Duration.ofHours(1)).token());
        List<AccessRequest> made = new ArrayList<>();
        List<String> traders = TRADERS.stream().flatMap(t -> directory.withTitle(t).stream()).map(IdentityId::value).limit(40).toList();
        firstRouted(api, made, traders, CATALOGUE, "My desk trades on Eikon prices; I need the desktop to quote clients", RequestRoute.AUTO_APPROVED);
        firstRouted(api, made, traders, ROUTED, "Covering algorithmic orders while the desk's algo trader is on leave", RequestRoute.DESK_HEAD);
        firstRouted(api, made, traders, List.of("Active Directory:Domain Admins"), "Need to fix a group policy on the trading floor PCs",
                RequestRoute.COMPLIANCE_OFFICER);
        List<String> executing = holdersOf("Murex:EXECUTE_TRADE");
        firstRouted(api, made, executing, List.of("Murex:CONFIRM_TRADE"), "Help the back office confirm my trades at month end",
                RequestRoute.SOD_BLOCK);
        firstRouted(api, made, withAccountOn("local", holdersOf("Core Banking:VIEW_ACCOUNTS")), MAINFRAME,
                "Opening accounts for the new corporate clients of my team", RequestRoute.DESK_HEAD).ifPresent(r -> approveAsDeskHead(apiPort, r));
        List<AccessRequest> settled = made.stream().map(r -> requests.find(r.id()).orElseThrow()).toList();
        return report(settled, model, modelSeconds);
    }

    /** Submits (person, item) pairs until one takes {@code wanted}; a few attempts at most, every one a real request. */
    private Optional<AccessRequest> firstRouted(ApiClient api, List<AccessRequest> made, List<String> people, List<String> items,
                                                String justification, RequestRoute wanted) {
        int attempts = 0;
        for (String item : items) {
            Optional<Entitlement> entitlement = directory.entitlementByKey(item);
            for (String person : people) {
                if (entitlement.isEmpty() || attempts >= 4 || holds(person, entitlement.get())) {
                    continue;
                }
                ApiClient.Answer answer = api.post("/api/requests", Map.of("for", person, "entitlement", item, "justification", justification));
                if (answer.status() != 201) {
                    continue;
                }
                attempts++;
                AccessRequest request = requests.find(JSON.readTree(answer.body()).path("request").path("id").asString()).orElseThrow();
                made.add(request);
                if (request.route() == wanted) {
                    return Optional.of(request);
                }
            }
        }
        return Optional.empty();
    }

    private void approveAsDeskHead(int apiPort, AccessRequest request) {
        var hr = directory.hrRecord(new IdentityId(request.requesterId())).orElseThrow();
        Optional<IdentityId> head = directory.deskHead(hr.department(), hr.desk());
        if (head.isEmpty() || request.approvalId() == null) {
            return;
        }
        String username = "demo-head-" + head.get().value();
        if (operators.find(username).isEmpty()) {
            operators.addUser("demo", username, "Head of " + hr.desk() + " (demo)", Set.of(Role.APPROVER), null, head.get().value());
        }
        new ApiClient(apiPort, operators.issueToken("demo", username, "demo", Duration.ofHours(1)).token())
                .approve(request.approvalId(), "Fine for a trader to see balances");
        Waiting.until(WAIT, () -> requests.find(request.id()).orElseThrow(), r -> !r.status().open());
    }

    private Map<String, Object> report(List<AccessRequest> made, RequestModelInfo model, double modelSeconds) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("submitted", made.size());
        result.put("auto_approved", count(made, r -> r.route() == RequestRoute.AUTO_APPROVED));
        result.put("routed_desk_head", count(made, r -> r.route() == RequestRoute.DESK_HEAD));
        result.put("routed_compliance", count(made, r -> r.route() == RequestRoute.COMPLIANCE_OFFICER));
        result.put("blocked_sod", count(made, r -> r.route() == RequestRoute.SOD_BLOCK));
        result.put("refused_scope", count(made, r -> r.status() == RequestStatus.REFUSED));
        result.put("pending", count(made, r -> r.status() == RequestStatus.PENDING_APPROVAL));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", model.ref().id());
        m.put("version", model.ref().version());
        m.put("rows_train", model.rowsTrain());
        m.put("rows_holdout", model.rowsHoldout());
        if (model.holdout() != null) {
            m.put("holdout_logloss", model.holdout().logloss());
            m.put("holdout_auc", model.holdout().auc());
            m.put("holdout_error_rate", model.holdout().errorRate());
        }
        m.put("train_seconds", model.trainSeconds());
        m.put("trained_now", model.trainedNow());
        m.put("ready_seconds", modelSeconds);
        m.put("ledger_seq", model.ledgerSeq());
        result.put("model", m);
        result.put("requests", made.stream().map(RequestStep::describe).toList());
        return result;
    }

    private static Map<String, Object> describe(AccessRequest r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", r.id());
        d.put("for", r.requesterId());
        d.put("entitlement", r.entitlementKey());
        d.put("route", r.route().name());
        d.put("status", r.status().name());
        d.put("probability", r.probability());
        d.put("detail", r.detail());
        d.put("reasons", r.reasons().stream().map(reason -> reason.sentence()).toList());
        return d;
    }

    private String serviceDesk() {
        if (operators.find(SERVICE_DESK).isEmpty()) {
            operators.addUser("demo", SERVICE_DESK, "IT service desk (demo)", Set.of(Role.ADMIN), null, null);
        }
        return SERVICE_DESK;
    }

    private boolean holds(String person, Entitlement entitlement) {
        return directory.assignmentsOf(new IdentityId(person)).stream().anyMatch(a -> a.entitlementId().equals(entitlement.id()));
    }

    private List<String> holdersOf(String key) {
        return directory.entitlementByKey(key).map(e -> directory.holdersOf(e.id()).stream().map(IdentityId::value).limit(40).toList())
                .orElse(List.of());
    }

    private List<String> withAccountOn(String platform, List<String> people) {
        return people.stream().filter(p -> directory.accountsOf(new IdentityId(p)).stream()
                .anyMatch(a -> a.platform().equals(platform) && a.status() == AccountStatus.ACTIVE)).toList();
    }

    private static long count(List<AccessRequest> made, Predicate<AccessRequest> which) {
        return made.stream().filter(which).count();
    }
}
