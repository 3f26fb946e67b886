package io.countersign.policy.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.AutonomyLevel;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyRef;

/**
 * Reads the {@code kind: autonomy} file. The default level may not be guarded automation: a workflow is
 * automated only where the policy names it.
 */
final class AutonomyParser implements KindParser {

    private static final List<String> LEVELS = List.of("read_only", "assisted", "guarded_automation");
    private static final List<String> WORKFLOW_KEYS = List.of("id", "level", "auto_when");
    private static final List<String> TEST_KEYS =
            List.of("name", "workflow", "entitlement", "item", "expect_level", "expect_automation");

    private final Expressions expressions;

    AutonomyParser(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public List<String> contentKeys() {
        return List.of("default", "workflows");
    }

    @Override
    public Parsed parse(YamlMap file, PolicyRef policy) {
        ParseContext context = file.context();
        AutonomyLevel defaultLevel = file.has("default") ? level(file, "default") : AutonomyLevel.ASSISTED;
        if (defaultLevel == AutonomyLevel.GUARDED_AUTOMATION) {
            throw context.fail(file.node("default"), "default must be read_only or assisted: "
                    + "a workflow is automated only where it is named");
        }
        UniqueIds ids = new UniqueIds();
        List<WorkflowAutonomy> workflows = context.each(file.sequence("workflows"),
                node -> workflow(YamlMap.of(context, node, "workflow", WORKFLOW_KEYS), ids));
        AutonomyPolicy autonomy = new AutonomyPolicy(defaultLevel, workflows, policy);
        return new Parsed(autonomy, PolicyTestCase.parseAll(file, TEST_KEYS, test -> test(test, autonomy)));
    }

    private WorkflowAutonomy workflow(YamlMap workflow, UniqueIds ids) {
        String id = workflow.id("id");
        Location first = ids.claim(id, workflow.context().at(workflow.node("id"))).orElse(null);
        if (first != null) {
            throw workflow.context().fail(workflow.node("id"), "duplicate workflow id '" + id + "' (first at "
                    + first + ")");
        }
        AutonomyLevel level = level(workflow, "level");
        if (!workflow.has("auto_when")) {
            return new WorkflowAutonomy(id, level, null);
        }
        if (level != AutonomyLevel.GUARDED_AUTOMATION) {
            throw workflow.context().fail(workflow.node("auto_when"),
                    "auto_when is only allowed with level guarded_automation");
        }
        return new WorkflowAutonomy(id, level, expressions.compile(workflow, "auto_when",
                Expressions.Variables.ENTITLEMENT_AND_ITEM, "workflow " + id + " auto_when"));
    }

    private static AutonomyLevel level(YamlMap map, String key) {
        return AutonomyLevel.valueOf(map.oneOf(key, LEVELS).toUpperCase(Locale.ROOT));
    }

    private static Supplier<TestOutcome> test(YamlMap test, AutonomyPolicy autonomy) {
        if (!test.has("expect_level") && !test.has("expect_automation")) {
            throw test.context().fail(test.node(), "a test needs expect_level, expect_automation or both");
        }
        String workflow = test.string("workflow");
        EntitlementFacts entitlement = test.has("entitlement")
                ? TestFacts.entitlement(test, test.node("entitlement"), "entitlement") : null;
        Map<String, Object> item = TestFacts.item(test, "item");
        AutonomyLevel level = test.has("expect_level") ? level(test, "expect_level") : null;
        Boolean automation = test.has("expect_automation") ? test.bool("expect_automation") : null;
        return () -> {
            AutonomyDecision decision = autonomy.decide(workflow, entitlement, item);
            String actualLevel = decision.level().name().toLowerCase(Locale.ROOT);
            TestOutcome levelOutcome = TestOutcome.expect("level",
                    level == null ? actualLevel : level.name().toLowerCase(Locale.ROOT), actualLevel);
            TestOutcome automationOutcome = TestOutcome.expect("automation",
                    automation == null ? decision.automationAllowed() : automation, decision.automationAllowed());
            return levelOutcome.and(automationOutcome);
        };
    }
}
