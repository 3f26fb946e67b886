package io.countersign.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.countersign.ledger.Explanation;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain SEQ}: why a decision was made and what followed. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show a ledger entry's inputs, model, policies, factor contributions and the entries that followed.")
final class ExplainCommand extends ContextCommand {

    @Parameters(paramLabel = "SEQ", description = "Ledger sequence number of the decision.")
    long seq;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Override
    void validate() {
        if (seq < 1) {
            throw CliException.badInput("SEQ: must be a positive ledger sequence number, was " + seq);
        }
    }

    @Override
    int run(ConfigurableApplicationContext context) {
        Explanation explanation = context.getBean(Ledger.class).explain(seq)
                .orElseThrow(() -> CliException.badInput("SEQ: no ledger entry " + seq));
        if (json) {
            printJson(explanation);
            return 0;
        }
        LedgerEntry d = explanation.decision();
        System.out.printf("#%d %s  %s  workflow=%s  subject=%s%n", d.seq(), d.kind().wireName(), d.recordedAt(), d.workflow(), d.subject());
        line("agent", d.agentId());
        line("actor", d.actor());
        line("model", d.model() == null ? null : d.model().id() + " v" + d.model().version());
        line("template", d.template() == null ? null : d.template().id() + " @" + d.template().version());
        line("confidence", d.confidence() == null ? null : String.format(Locale.ROOT, "%.3f", d.confidence()));
        line("route", d.route());
        d.policies().forEach(p -> line("policy", p.id() + " v" + p.version() + " (" + p.contentHash() + ")" + (p.rule() == null ? "" : " rule " + p.rule())));
        if (d.output() instanceof Map<?, ?> output) {
            line("narrative", output.get("narrative") == null ? null : String.valueOf(output.get("narrative")));
            contributions(output.get("contributions"));
        }
        section("followed from", explanation.antecedents());
        section("followed by", explanation.followUps());
        return 0;
    }

    private static void contributions(Object value) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            System.out.println("  factor contributions (log-odds):");
            for (Object item : list) {
                Map<?, ?> c = (Map<?, ?>) item;
                System.out.printf(Locale.ROOT, "    %-24s %+.2f  %s%n", c.get("factor"), ((Number) c.get("contribution")).doubleValue(), c.get("explanation"));
            }
        }
    }

    private static void section(String title, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        System.out.println("  " + title + ":");
        for (LedgerEntry e : entries) {
            String who = e.actor() != null ? "by " + e.actor() : e.agentId() != null ? "by " + e.agentId() : "";
            System.out.printf("    #%d %-18s %s %s%n", e.seq(), e.kind().wireName(), who, e.route() == null ? "" : "route=" + e.route());
        }
    }

    private static void line(String label, String value) {
        if (value != null) {
            System.out.printf("  %-10s %s%n", label, value);
        }
    }
}
