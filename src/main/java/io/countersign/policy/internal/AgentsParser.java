package io.countersign.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.countersign.policy.AgentDefinition;
import io.countersign.policy.AgentScope;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.ScopeRequest;
import io.countersign.policy.ScopeVerdict;

import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code kind: agents} file: AI agents and their scopes. */
final class AgentsParser implements KindParser {

    private static final List<String> AGENT_KEYS = List.of("id", "name", "description", "scopes");
    private static final List<String> SCOPE_KEYS = List.of("platforms", "operations", "resources", "when");
    private static final List<String> TEST_KEYS = List.of("name", "agent", "write", "expect");
    private static final List<String> WRITE_KEYS = List.of("platform", "operation", "resource", "entitlement", "item");
    private static final List<String> VERDICTS = List.of("permitted", "refused");

    private final Expressions expressions;

    AgentsParser(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public List<String> contentKeys() {
        return List.of("agents");
    }

    @Override
    public Parsed parse(YamlMap file, PolicyRef policy) {
        ParseContext context = file.context();
        UniqueIds ids = new UniqueIds();
        List<AgentRegistry.Agent> agents = context.each(file.sequence("agents"),
                node -> agent(YamlMap.of(context, node, "agent", AGENT_KEYS), policy, ids));
        AgentRegistry registry = new AgentRegistry(agents, policy);
        return new Parsed(registry, PolicyTestCase.parseAll(file, TEST_KEYS, test -> test(test, registry)));
    }

    private AgentRegistry.Agent agent(YamlMap agent, PolicyRef policy, UniqueIds ids) {
        String id = agent.id("id");
        Location first = ids.claim(id, agent.context().at(agent.node("id"))).orElse(null);
        if (first != null) {
            throw agent.context().fail(agent.node("id"), "duplicate agent id '" + id + "' (first at " + first + ")");
        }
        List<Node> scopeNodes = agent.sequence("scopes");
        if (scopeNodes.isEmpty()) {
            throw agent.context().fail(agent.node("scopes"), "agent " + id + " needs at least one scope");
        }
        List<ScopeRule> scopes = new ArrayList<>();
        for (Node node : scopeNodes) {
            scopes.add(scope(YamlMap.of(agent.context(), node, "scope", SCOPE_KEYS), id, scopes.size() + 1));
        }
        AgentDefinition definition = new AgentDefinition(id, agent.string("name"), agent.string("description"),
                scopes.stream().map(ScopeRule::scope).toList(), policy);
        return new AgentRegistry.Agent(definition, scopes);
    }

    private ScopeRule scope(YamlMap scope, String agentId, int number) {
        List<String> platforms = nonEmpty(scope, "platforms");
        List<String> operations = nonEmpty(scope, "operations");
        for (Node node : scope.sequence("operations")) {
            String operation = scope.text(node, "operations");
            if (!AgentRegistry.OPERATIONS.contains(operation)) {
                throw scope.context().fail(node, "unknown operation '" + operation + "' (expected one of: "
                        + String.join(", ", AgentRegistry.OPERATIONS) + ")");
            }
        }
        List<String> resources = nonEmpty(scope, "resources");
        Condition when = scope.has("when") ? expressions.compile(scope, "when",
                Expressions.Variables.ENTITLEMENT_AND_ITEM, "agent " + agentId + " scope " + number + " when") : null;
        AgentScope definition = new AgentScope(platforms, operations, resources,
                when == null ? null : when.expression());
        return new ScopeRule(definition, when, ScopeRule.describe(agentId, number, definition));
    }

    private static List<String> nonEmpty(YamlMap map, String key) {
        List<String> values = map.strings(key);
        if (values.isEmpty()) {
            throw map.context().fail(map.node(key), key + " must not be empty");
        }
        return values;
    }

    private static Supplier<TestOutcome> test(YamlMap test, AgentRegistry registry) {
        String agent = test.string("agent");
        YamlMap write = YamlMap.of(test.context(), test.node("write"), "write", WRITE_KEYS);
        EntitlementFacts entitlement = write.has("entitlement")
                ? TestFacts.entitlement(write, write.node("entitlement"), "entitlement") : null;
        Map<String, Object> item = TestFacts.item(write, "item");
        ScopeRequest request = new ScopeRequest(write.string("platform"), write.string("operation"),
                write.string("resource"), entitlement, item);
        String expected = test.oneOf("expect", VERDICTS);
        return () -> {
            ScopeVerdict verdict = registry.check(agent, request);
            String actual = switch (verdict) {
                case ScopeVerdict.Permitted permitted -> "permitted (" + permitted.scopeDescription() + ")";
                case ScopeVerdict.Refused refused -> "refused (" + refused.reason() + ")";
            };
            boolean passed = actual.startsWith(expected);
            return new TestOutcome(passed, passed ? actual : "expected " + expected + " but got " + actual);
        };
    }
}
