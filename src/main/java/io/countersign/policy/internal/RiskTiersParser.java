package io.countersign.policy.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.Route;

/** Reads the {@code kind: risk_tiers} file. */
final class RiskTiersParser implements KindParser {

    private static final List<String> TIER_KEYS =
            List.of("id", "when", "route", "approvals_required", "expires_after");
    private static final List<String> ROUTES = List.of("compliance_officer", "desk_head");
    private static final List<String> TEST_KEYS = List.of("name", "entitlement", "item", "expect_tier");

    private final Expressions expressions;

    RiskTiersParser(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public List<String> contentKeys() {
        return List.of("tiers");
    }

    @Override
    public Parsed parse(YamlMap file, PolicyRef policy) {
        ParseContext context = file.context();
        if (file.sequence("tiers").isEmpty()) {
            throw context.fail(file.node("tiers"), "tiers must not be empty");
        }
        UniqueIds ids = new UniqueIds();
        List<RiskTier> tiers = context.each(file.sequence("tiers"),
                node -> tier(YamlMap.of(context, node, "risk tier", TIER_KEYS), ids));
        RiskTiers riskTiers = new RiskTiers(tiers, policy, context.file());
        List<String> tierIds = tiers.stream().map(RiskTier::id).toList();
        return new Parsed(riskTiers, PolicyTestCase.parseAll(file, TEST_KEYS, test -> test(test, riskTiers, tierIds)));
    }

    private RiskTier tier(YamlMap tier, UniqueIds ids) {
        String id = tier.id("id");
        Location first = ids.claim(id, tier.context().at(tier.node("id"))).orElse(null);
        if (first != null) {
            throw tier.context().fail(tier.node("id"), "duplicate risk tier id '" + id + "' (first at " + first + ")");
        }
        Condition when = expressions.compile(tier, "when", Expressions.Variables.ENTITLEMENT_AND_ITEM,
                "tier " + id + " when");
        Route route = Route.valueOf(tier.oneOf("route", ROUTES).toUpperCase(Locale.ROOT));
        return new RiskTier(id, when, route, tier.integer("approvals_required", 1), duration(tier, "expires_after"));
    }

    private static Duration duration(YamlMap tier, String key) {
        String text = tier.string(key);
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the expected form
        }
        throw tier.context().fail(tier.node(key), "invalid " + key + " '" + text
                + "' (expected a positive ISO-8601 duration such as P5D or PT12H)");
    }

    private static Supplier<TestOutcome> test(YamlMap test, RiskTiers tiers, List<String> tierIds) {
        EntitlementFacts entitlement = TestFacts.entitlement(test, test.node("entitlement"), "entitlement");
        Map<String, Object> item = TestFacts.item(test, "item");
        String expected = test.string("expect_tier");
        if (!tierIds.contains(expected)) {
            throw test.context().fail(test.node("expect_tier"), "expect_tier names unknown tier '" + expected + "'");
        }
        return () -> TestOutcome.expect("tier", expected, tiers.assess(entitlement, item).tierId());
    }
}
