package io.countersign.policy.internal;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.countersign.policy.PolicyException;
import io.countersign.policy.PolicyTestResult;

import org.yaml.snakeyaml.nodes.Node;

/**
 * A test case written in a policy file, evaluated against that file's own rules. An evaluation error fails
 * the test; it is not a load problem.
 */
record PolicyTestCase(String file, String name, Supplier<TestOutcome> body) {

    PolicyTestResult run() {
        try {
            TestOutcome outcome = body.get();
            return new PolicyTestResult(file, name, outcome.passed(), outcome.detail());
        } catch (PolicyException e) {
            return new PolicyTestResult(file, name, false, e.getMessage());
        }
    }

    /**
     * Parses the file's {@code tests:}; each test is a mapping with a unique {@code name} and the
     * {@code keys} its kind allows, turned into a runnable body by {@code parser}.
     */
    static List<PolicyTestCase> parseAll(YamlMap file, List<String> keys,
            Function<YamlMap, Supplier<TestOutcome>> parser) {
        ParseContext context = file.context();
        UniqueIds names = new UniqueIds();
        return context.each(file.optionalSequence("tests"), (Node node) -> {
            YamlMap test = YamlMap.of(context, node, "test", keys);
            String name = test.string("name");
            Location first = names.claim(name, context.at(test.node("name"))).orElse(null);
            if (first != null) {
                throw context.fail(test.node("name"), "duplicate test name '" + name + "' (first at " + first + ")");
            }
            return new PolicyTestCase(context.file(), name, parser.apply(test));
        });
    }
}
