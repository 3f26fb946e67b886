package io.countersign.policy.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.countersign.policy.CatalogueMatch;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;
import io.countersign.policy.PolicyRef;

/** Reads {@code kind: catalogue} files: pre-approved items that self-service requests may get without a person deciding. */
final class CatalogueParser implements KindParser {

    private static final List<String> ITEM_KEYS = List.of("id", "description", "entitlements", "when");
    private static final List<String> TEST_KEYS = List.of("name", "identity", "entitlement", "expect_item");
    private static final String NONE = "none";

    private final Expressions expressions;

    CatalogueParser(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public List<String> contentKeys() {
        return List.of("items");
    }

    @Override
    public Parsed parse(YamlMap file, PolicyRef policy) {
        ParseContext context = file.context();
        UniqueIds ids = new UniqueIds();
        List<CatalogueItem> items = context.each(file.sequence("items"),
                node -> item(YamlMap.of(context, node, "catalogue item", ITEM_KEYS), policy, ids));
        Catalogue catalogue = new Catalogue(items);
        List<String> itemIds = items.stream().map(CatalogueItem::id).toList();
        return new Parsed(catalogue, PolicyTestCase.parseAll(file, TEST_KEYS, test -> test(test, catalogue, itemIds)));
    }

    private CatalogueItem item(YamlMap item, PolicyRef policy, UniqueIds ids) {
        String id = item.id("id");
        Location at = item.context().at(item.node("id"));
        ids.claim(id, at).ifPresent(first -> {
            throw item.context().fail(item.node("id"), "duplicate catalogue item id '" + id + "' (first at " + first + ")");
        });
        Condition when = item.has("when")
                ? expressions.compile(item, "when", Expressions.Variables.IDENTITY, "catalogue item " + id + " when") : null;
        return new CatalogueItem(id, item.optionalString("description").orElse(id), item.entitlementKeys("entitlements"), when,
                policy, at);
    }

    private static Supplier<TestOutcome> test(YamlMap test, Catalogue catalogue, List<String> itemIds) {
        IdentityFacts identity = TestFacts.identity(test, "identity");
        EntitlementFacts entitlement = TestFacts.entitlement(test, test.node("entitlement"), "entitlement");
        String expected = test.string("expect_item");
        if (!expected.equals(NONE) && !itemIds.contains(expected)) {
            throw test.context().fail(test.node("expect_item"), "expect_item names unknown item '" + expected + "' (or none)");
        }
        return () -> {
            Optional<CatalogueMatch> match = catalogue.match(identity, entitlement);
            return TestOutcome.expect("item", expected, match.map(CatalogueMatch::itemId).orElse(NONE));
        };
    }
}
