package io.countersign.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.countersign.remediation.SodFinding;
import io.countersign.remediation.SodRemediation;
import io.countersign.remediation.SodReviewSummary;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sod review|findings}. */
@Command(name = "sod", mixinStandardHelpOptions = true, description = "Separation-of-duties review and findings.",
        subcommands = {SodCommand.Review.class, SodCommand.Findings.class})
final class SodCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("sod needs a subcommand: review or findings (see 'countersign sod --help')");
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Find the directory's SoD violations; each new one gets a ledgered recommendation and a route.")
    static final class Review extends ContextCommand {

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run(ConfigurableApplicationContext context) {
            SodReviewSummary summary = context.getBean(SodRemediation.class).review();
            AppLauncher.awaitEventsHandled(context, Duration.ofSeconds(60));
            if (json) {
                printJson(summary);
            } else {
                System.out.printf("scanned %d identities: %d violations, %d new findings (%d for approval, %d automated), %d already open%n",
                        summary.identitiesScanned(), summary.violations(), summary.raised(), summary.routedToHuman(),
                        summary.automated(), summary.alreadyOpen());
            }
            return 0;
        }
    }

    @Command(name = "findings", mixinStandardHelpOptions = true, description = "List SoD findings.")
    static final class Findings extends ContextCommand {

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        int run(ConfigurableApplicationContext context) {
            List<SodFinding> findings = context.getBean(SodRemediation.class).findings(10000);
            if (json) {
                printJson(findings);
                return 0;
            }
            for (SodFinding f : findings) {
                System.out.printf(Locale.ROOT, "%s  %-17s %-9s %-28s %-8s %3.0f%%  %s -> %s%n", f.id(), f.status(), f.severity(), f.ruleId(),
                        f.recommendedAction(), f.confidence() * 100, f.identityId(), f.targetKey());
            }
            System.out.println(findings.size() + " finding(s)");
            return 0;
        }
    }
}
