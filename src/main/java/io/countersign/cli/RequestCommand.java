package io.countersign.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.countersign.lifecycle.requests.AccessRequest;
import io.countersign.lifecycle.requests.AccessRequests;
import io.countersign.lifecycle.requests.RequestException;
import io.countersign.lifecycle.requests.RequestModelInfo;
import io.countersign.lifecycle.requests.RequestStatus;
import io.countersign.lifecycle.requests.RequestSubmission;
import io.countersign.lifecycle.requests.SubmissionOutcome;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code request submit|show|list|model}. */
@Command(name = "request", mixinStandardHelpOptions = true, description = "Self-service access requests.",
        subcommands = {RequestCommand.Submit.class, RequestCommand.Show.class, RequestCommand.ListRequests.class, RequestCommand.Model.class})
final class RequestCommand implements Runnable {

    private static final Map<String, String> FLAGS = Map.of("requester", "--for", "entitlement", "--entitlement",
            "justification", "--justification", "duration", "--days");

    @Override
    public void run() {
        throw CliException.badInput("request needs a subcommand: submit, show, list or model (see 'countersign request --help')");
    }

    /** A request error as the command line states it: bad input names the flag and exits 2. */
    static CliException failure(RequestException e) {
        if (e.field() == null) {
            return CliException.failed(e.getMessage());
        }
        String flag = FLAGS.getOrDefault(e.field(), e.field());
        return CliException.badInput(flag + e.getMessage().substring(e.field().length()));
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Ask for an entitlement; prints the request and its route.")
    static final class Submit extends ContextCommand {

        @Option(names = "--for", required = true, paramLabel = "EMPLOYEE_ID", description = "Who is to hold it: employee id or identity id.")
        String requester;

        @Option(names = "--entitlement", required = true, paramLabel = "SYSTEM:PERMISSION", description = "e.g. \"Refinitiv Eikon:EIKON\".")
        String entitlement;

        @Option(names = "--justification", required = true, paramLabel = "TEXT", description = "Why it is needed (recorded in the ledger).")
        String justification;

        @Option(names = "--days", paramLabel = "N", description = "Time-bound: remove it after N days.")
        Integer days;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        void validate() {
            if (days != null && days < 1) {
                throw CliException.badInput("--days: must be at least 1, was " + days);
            }
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            SubmissionOutcome outcome;
            try {
                outcome = context.getBean(AccessRequests.class).submit(new RequestSubmission(requester, entitlement, justification, days,
                        CliActor.name()));
            } catch (RequestException e) {
                throw failure(e);
            }
            if (json) {
                printJson(switch (outcome) {
                    case SubmissionOutcome.Submitted s -> Map.of("outcome", "submitted", "request", s.request());
                    case SubmissionOutcome.AlreadyOpen open -> Map.of("outcome", "already_open", "request", open.request());
                    case SubmissionOutcome.AlreadyHeld held -> Map.of("outcome", "already_held", "requester", held.requesterId(),
                            "entitlement", held.entitlementKey(), "grantedAt", String.valueOf(held.grantedAt()));
                });
                return 0;
            }
            switch (outcome) {
                case SubmissionOutcome.Submitted s -> print(s.request());
                case SubmissionOutcome.AlreadyOpen open -> System.out.println("already open: " + line(open.request()));
                case SubmissionOutcome.AlreadyHeld held -> System.out.println(held.requesterId() + " already holds " + held.entitlementKey()
                        + " (granted " + held.grantedAt() + ")");
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one request as JSON: status, route, score, reasons, ledger entries.")
    static final class Show extends ContextCommand {

        @Parameters(paramLabel = "ID", description = "Request id, e.g. REQ-000001.")
        String id;

        @Override
        int run(ConfigurableApplicationContext context) {
            printJson(context.getBean(AccessRequests.class).find(id).orElseThrow(() -> CliException.badInput("ID: no request " + id)));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List requests, newest first.")
    static final class ListRequests extends ContextCommand {

        @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: ${COMPLETION-CANDIDATES}.")
        RequestStatus status;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        void validate() {
            if (limit < 1 || limit > 10000) {
                throw CliException.badInput("--limit: must be between 1 and 10000, was " + limit);
            }
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            List<AccessRequest> requests = context.getBean(AccessRequests.class).list(status, limit);
            if (json) {
                printJson(requests);
                return 0;
            }
            requests.forEach(r -> System.out.println(line(r)));
            System.out.println(requests.size() + " request(s)");
            return 0;
        }
    }

    @Command(name = "model", mixinStandardHelpOptions = true,
            description = "The approval model requests are scored with; trains it from the request history if the history changed,"
                    + " or from a CSV of past requests (set countersign.requests.training-csv for serve to keep using it).")
    static final class Model extends ContextCommand {

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--train-csv", paramLabel = "FILE", description = "Train on this CSV of past requests: columns among resource, manager,"
                + " department, desk, title, location, cost_centre, employment_type (resource required) and the label column.")
        Path trainCsv;

        @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "approved",
                description = "The CSV's label column: 1/0, true/false or approved/denied (default: ${DEFAULT-VALUE}).")
        String label;

        @Override
        void validate() {
            if (trainCsv != null && !Files.isRegularFile(trainCsv)) {
                throw CliException.badInput("--train-csv: no such file " + trainCsv);
            }
        }

        @Override
        Map<String, Object> properties() {
            return trainCsv == null ? Map.of()
                    : Map.of("countersign.requests.training-csv", trainCsv.toAbsolutePath().toString(), "countersign.requests.training-label", label);
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            RequestModelInfo info;
            try {
                info = context.getBean(AccessRequests.class).model();
            } catch (RequestException e) {
                throw failure(e);
            }
            if (json) {
                printJson(info);
                return 0;
            }
            System.out.printf(Locale.ROOT, "%s %s: %s on %d requests (%.1f s), ledger #%d%n", info.ref().id(), info.ref().version(),
                    info.trainedNow() ? "trained" : "loaded, trained " + info.trainedAt(), info.rowsTrain(), info.trainSeconds(), info.ledgerSeq());
            if (info.holdout() != null) {
                System.out.printf(Locale.ROOT, "held out %d: logloss %.4f, AUC %.4f, error rate %.4f%n", info.holdout().rows(),
                        info.holdout().logloss(), info.holdout().auc(), info.holdout().errorRate());
            }
            return 0;
        }
    }

    private static void print(AccessRequest r) {
        System.out.println(line(r));
        r.reasons().forEach(reason -> System.out.println("  " + reason.sentence()));
    }

    private static String line(AccessRequest r) {
        return String.format(Locale.ROOT, "%s  %-16s  %-18s  %-5s  %s for %s: %s", r.id(), r.status(), r.route().name().toLowerCase(Locale.ROOT),
                r.probability() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.probability()), r.entitlementKey(), r.requesterId(), r.detail());
    }
}
