package io.countersign.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.countersign.policy.PolicyProblem;

import org.yaml.snakeyaml.nodes.Node;

/** The file being parsed and the problems found in it so far. */
final class ParseContext {

    private final String file;
    private final List<PolicyProblem> problems = new ArrayList<>();

    ParseContext(String file) {
        this.file = file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    String file() {
        return file;
    }

    Location at(Node node) {
        return new Location(file, line(node));
    }

    /** The exception to throw for a problem at {@code node}. */
    InvalidNode fail(Node node, String reason) {
        return new InvalidNode(line(node), reason);
    }

    void report(InvalidNode problem) {
        problems.add(new PolicyProblem(file, problem.line(), problem.getMessage()));
    }

    /** Parses each node, reporting a broken one and going on with the rest. */
    <T> List<T> each(List<Node> nodes, Function<Node, T> parser) {
        List<T> parsed = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            try {
                parsed.add(parser.apply(node));
            } catch (InvalidNode problem) {
                report(problem);
            }
        }
        return parsed;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<PolicyProblem> problems() {
        return List.copyOf(problems);
    }
}
