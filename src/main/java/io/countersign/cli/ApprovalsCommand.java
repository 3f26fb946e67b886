package io.countersign.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.ApprovalStatus;
import io.countersign.approval.Approvals;
import io.countersign.approval.Decision;
import io.countersign.operators.Operator;
import io.countersign.operators.Operators;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code approvals list|show|approve|reject}. */
@Command(name = "approvals", mixinStandardHelpOptions = true, description = "The human-in-the-loop approval queue.",
        subcommands = {ApprovalsCommand.ListRequests.class, ApprovalsCommand.Show.class, ApprovalsCommand.Approve.class,
                ApprovalsCommand.Reject.class})
final class ApprovalsCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("approvals needs a subcommand: list, show, approve or reject (see 'countersign approvals --help')");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List approval requests, newest first.")
    static final class ListRequests extends ContextCommand {

        @Option(names = "--status", paramLabel = "STATUS", description = "Only PENDING, APPROVED, REJECTED or EXPIRED.")
        ApprovalStatus status;

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
            Approvals approvals = context.getBean(Approvals.class);
            approvals.expireOverdue(Instant.now());
            List<ApprovalRequest> requests = approvals.list(status, limit);
            if (json) {
                printJson(requests);
                return 0;
            }
            for (ApprovalRequest r : requests) {
                System.out.printf("%s  %-8s  %-8s  %-18s  %s%n", r.id(), r.status(), r.riskTier(),
                        r.route().name().toLowerCase() + (r.routeIdentityId() == null ? "" : ":" + r.routeIdentityId()), r.summary());
            }
            System.out.println(requests.size() + " request(s)");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one approval request as JSON.")
    static final class Show extends ContextCommand {

        @Parameters(paramLabel = "ID", description = "Approval id, e.g. APR-000001.")
        String id;

        @Override
        int run(ConfigurableApplicationContext context) {
            printJson(context.getBean(Approvals.class).find(id).orElseThrow(() -> CliException.badInput("ID: no approval " + id)));
            return 0;
        }
    }

    /** Shared by approve and reject. */
    abstract static class Decide extends ContextCommand {

        @Parameters(paramLabel = "ID", description = "Approval id, e.g. APR-000001.")
        String id;

        @Mixin
        Credentials credentials = new Credentials();

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the ledger.")
        String reason;

        @Override
        void validate() {
            credentials.validate();
        }

        abstract Decision decide(Approvals approvals, Operator operator);

        @Override
        int run(ConfigurableApplicationContext context) {
            Operator operator = credentials.authenticate(context.getBean(Operators.class));
            Decision decision = decide(context.getBean(Approvals.class), operator);
            return switch (decision) {
                case Decision.Taken taken -> {
                    AppLauncher.awaitEventsHandled(context, Duration.ofSeconds(60));
                    System.out.printf("%s %s by %s (ledger #%d)%n", taken.request().id(), taken.request().status().name().toLowerCase(),
                            operator.username(), taken.ledgerSeq());
                    yield 0;
                }
                case Decision.Refused refused -> throw CliException.failed("refused: " + refused.reason() + " (ledger #" + refused.ledgerSeq() + ")");
            };
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a request (dual control applies).")
    static final class Approve extends Decide {
        @Override
        Decision decide(Approvals approvals, Operator operator) {
            return approvals.approve(id, operator, reason);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request (dual control applies).")
    static final class Reject extends Decide {
        @Override
        Decision decide(Approvals approvals, Operator operator) {
            return approvals.reject(id, operator, reason);
        }
    }
}
