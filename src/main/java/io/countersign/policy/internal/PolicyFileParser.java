package io.countersign.policy.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.policy.PolicyProblem;
import io.countersign.policy.PolicyRef;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Parses one policy file: YAML into a node tree that keeps line numbers, then the common keys ({@code kind},
 * {@code id}, {@code version}, {@code description}, {@code tests}) and the kind's own content.
 */
final class PolicyFileParser {

    static final List<String> KINDS = List.of("sod", "risk_tiers", "autonomy", "baselines", "agents", "catalogue");

    private final Map<String, KindParser> parsers;

    PolicyFileParser(Expressions expressions) {
        parsers = Map.of(
                "sod", new SodParser(expressions),
                "risk_tiers", new RiskTiersParser(expressions),
                "autonomy", new AutonomyParser(expressions),
                "baselines", new BaselinesParser(expressions),
                "agents", new AgentsParser(expressions),
                "catalogue", new CatalogueParser(expressions));
    }

    /** The parsed file, or empty with its problems added to {@code problems}. */
    Optional<ParsedFile> parse(SourceFile source, List<PolicyProblem> problems) {
        ParseContext context = new ParseContext(source.name());
        try {
            ParsedFile parsed = parse(source, compose(source), context);
            if (!context.hasProblems()) {
                return Optional.of(parsed);
            }
        } catch (InvalidNode problem) {
            context.report(problem);
        }
        problems.addAll(context.problems());
        return Optional.empty();
    }

    private static Node compose(SourceFile source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new UnicodeReader(new ByteArrayInputStream(source.bytes())));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new InvalidNode(line, "YAML syntax error: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidNode(1, "YAML error: " + e.getMessage());
        }
        if (root == null) {
            throw new InvalidNode(1, "empty policy file");
        }
        return root;
    }

    private ParsedFile parse(SourceFile source, Node root, ParseContext context) {
        YamlMap file = YamlMap.of(context, root, "policy file");
        String kind = file.string("kind");
        if (!KINDS.contains(kind)) {
            throw context.fail(file.node("kind"), "unknown kind '" + kind + "' (expected one of: "
                    + String.join(", ", KINDS) + ")");
        }
        KindParser parser = parsers.get(kind);
        List<String> allowed = new ArrayList<>(List.of("kind", "id", "version", "description"));
        allowed.addAll(parser.contentKeys());
        allowed.add("tests");
        file = YamlMap.of(context, root, kind + " policy", allowed);
        PolicyRef ref = source.ref(file.id("id"), file.integer("version", 1));
        file.optionalString("description"); // free text, but text: a list or mapping here is a mistake
        KindParser.Parsed parsed = parser.parse(file, ref);
        return new ParsedFile(source.name(), kind, ref, context.at(file.node("kind")), context.at(file.node("id")),
                parsed.content(), parsed.tests());
    }
}
