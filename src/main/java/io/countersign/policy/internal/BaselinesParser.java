package io.countersign.policy.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.countersign.policy.BaselineMatch;
import io.countersign.policy.IdentityFacts;
import io.countersign.policy.PolicyRef;

import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code kind: baselines} files: role baselines. */
final class BaselinesParser implements KindParser {

    private static final List<String> BASELINE_KEYS = List.of("id", "description", "when", "grant");
    private static final List<String> TEST_KEYS = List.of("name", "identity", "expect_baselines", "expect_grants");

    private final Expressions expressions;

    BaselinesParser(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public List<String> contentKeys() {
        return List.of("baselines");
    }

    @Override
    public Parsed parse(YamlMap file, PolicyRef policy) {
        ParseContext context = file.context();
        List<BaselineRule> rules = context.each(file.sequence("baselines"),
                node -> baseline(YamlMap.of(context, node, "baseline", BASELINE_KEYS), policy));
        Baselines baselines = new Baselines(rules);
        Set<String> ids = new HashSet<>(rules.stream().map(BaselineRule::id).toList());
        return new Parsed(baselines, PolicyTestCase.parseAll(file, TEST_KEYS, test -> test(test, baselines, ids)));
    }

    private BaselineRule baseline(YamlMap baseline, PolicyRef policy) {
        String id = baseline.id("id");
        Condition when = expressions.compile(baseline, "when", Expressions.Variables.IDENTITY,
                "baseline " + id + " when");
        return new BaselineRule(id, when, baseline.entitlementKeys("grant"), policy,
                baseline.context().at(baseline.node("id")));
    }

    private static Supplier<TestOutcome> test(YamlMap test, Baselines baselines, Set<String> baselineIds) {
        if (!test.has("expect_baselines") && !test.has("expect_grants")) {
            throw test.context().fail(test.node(), "a test needs expect_baselines, expect_grants or both");
        }
        IdentityFacts identity = TestFacts.identity(test, "identity");
        Set<String> expectedIds = test.has("expect_baselines") ? new TreeSet<>() : null;
        if (expectedIds != null) {
            for (Node node : test.sequence("expect_baselines")) {
                String id = test.text(node, "expect_baselines");
                if (!baselineIds.contains(id)) {
                    throw test.context().fail(node, "expect_baselines names unknown baseline '" + id + "'");
                }
                expectedIds.add(id);
            }
        }
        Set<String> expectedGrants = test.has("expect_grants") ? new TreeSet<>(test.strings("expect_grants")) : null;
        return () -> {
            List<BaselineMatch> matches = baselines.matching(identity);
            Set<String> ids = new TreeSet<>(matches.stream().map(BaselineMatch::baselineId).toList());
            Set<String> grants = new TreeSet<>(matches.stream().flatMap(match -> match.grants().stream()).toList());
            return TestOutcome.expect("baselines", expectedIds == null ? ids : expectedIds, ids)
                    .and(TestOutcome.expect("grants", expectedGrants == null ? grants : expectedGrants, grants));
        };
    }
}
