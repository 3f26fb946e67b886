package io.countersign.policy.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.SodViolation;

import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code kind: sod} files: separation-of-duties rules. */
final class SodParser implements KindParser {

    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    private static final List<String> RULE_KEYS =
            List.of("id", "name", "severity", "sides", "min_sides", "applies_when", "mitigations");
    private static final List<String> SIDE_KEYS = List.of("keys", "match");
    private static final List<String> TEST_KEYS = List.of("name", "identity", "holds", "expect_violations");

    private final Expressions expressions;

    SodParser(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public List<String> contentKeys() {
        return List.of("rules");
    }

    @Override
    public Parsed parse(YamlMap file, PolicyRef policy) {
        ParseContext context = file.context();
        List<SodRule> rules = context.each(file.sequence("rules"),
                node -> rule(YamlMap.of(context, node, "sod rule", RULE_KEYS), policy));
        SodMatrix matrix = new SodMatrix(rules);
        Set<String> ids = new HashSet<>(rules.stream().map(SodRule::id).toList());
        return new Parsed(matrix, PolicyTestCase.parseAll(file, TEST_KEYS, test -> test(test, matrix, ids)));
    }

    private SodRule rule(YamlMap rule, PolicyRef policy) {
        String id = rule.id("id");
        String name = rule.string("name");
        String severity = rule.oneOf("severity", SEVERITIES);
        List<Node> sideNodes = rule.sequence("sides");
        if (sideNodes.size() < 2) {
            throw rule.context().fail(rule.node("sides"), "rule " + id + " needs at least 2 sides, not "
                    + sideNodes.size());
        }
        List<SodSide> sides = new ArrayList<>();
        for (Node side : sideNodes) {
            sides.add(side(YamlMap.of(rule.context(), side, "side", SIDE_KEYS), id, sides.size() + 1));
        }
        int minSides = rule.has("min_sides") ? rule.integer("min_sides", 2) : sides.size();
        if (minSides > sides.size()) {
            throw rule.context().fail(rule.node("min_sides"), "min_sides " + minSides + " exceeds the "
                    + sides.size() + " sides of rule " + id);
        }
        Condition appliesWhen = rule.has("applies_when") ? expressions.compile(rule, "applies_when",
                Expressions.Variables.IDENTITY, "rule " + id + " applies_when") : null;
        return new SodRule(id, name, severity, sides, minSides, appliesWhen, rule.optionalStrings("mitigations"),
                policy, rule.context().at(rule.node("id")));
    }

    private SodSide side(YamlMap side, String ruleId, int number) {
        if (!side.has("keys") && !side.has("match")) {
            throw side.context().fail(side.node(), "side " + number + " of rule " + ruleId
                    + " needs keys, match or both");
        }
        Set<String> keys = side.has("keys") ? Set.copyOf(side.entitlementKeys("keys")) : Set.of();
        Condition match = side.has("match") ? expressions.compile(side, "match",
                Expressions.Variables.ENTITLEMENT, "rule " + ruleId + " side " + number + " match") : null;
        return new SodSide(keys, match);
    }

    private static Supplier<TestOutcome> test(YamlMap test, SodMatrix matrix, Set<String> ruleIds) {
        IdentityFacts identity = TestFacts.identity(test, "identity");
        List<EntitlementFacts> holds = new ArrayList<>();
        for (Node node : test.sequence("holds")) {
            holds.add(TestFacts.entitlement(test, node, "holds"));
        }
        Set<String> expected = new TreeSet<>();
        for (Node node : test.sequence("expect_violations")) {
            String id = test.text(node, "expect_violations");
            if (!ruleIds.contains(id)) {
                throw test.context().fail(node, "expect_violations names unknown rule '" + id + "'");
            }
            expected.add(id);
        }
        return () -> TestOutcome.expect("violations", expected, new TreeSet<>(
                matrix.violations(identity, holds).stream().map(SodViolation::ruleId).toList()));
    }
}
