package io.countersign.policy.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.policy.CatalogueMatch;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;

/** The pre-approved items of one catalogue file, or of all files merged; the first item that covers a request decides. */
final class Catalogue implements PolicyContent {

    static final Catalogue EMPTY = new Catalogue(List.of());

    private final List<CatalogueItem> items;

    Catalogue(List<CatalogueItem> items) {
        this.items = List.copyOf(items);
    }

    static Catalogue merge(List<Catalogue> files) {
        return new Catalogue(files.stream().flatMap(catalogue -> catalogue.items.stream()).toList());
    }

    List<CatalogueItem> items() {
        return items;
    }

    Optional<CatalogueMatch> match(IdentityFacts identity, EntitlementFacts entitlement) {
        Map<String, Object> variables = Map.of("identity", Facts.identity(identity));
        return items.stream()
                .filter(item -> item.entitlements().contains(entitlement.key()))
                .filter(item -> item.when() == null || item.when().holds(variables))
                .findFirst()
                .map(item -> new CatalogueMatch(item.id(), item.description(), item.policy()));
    }
}
