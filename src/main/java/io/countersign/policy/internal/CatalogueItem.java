package io.countersign.policy.internal;

import java.util.List;

import io.countersign.policy.PolicyRef;

/**
 * A pre-approved catalogue item: the entitlements it offers and to whom ({@code when} on the requester).
 *
 * @param idAt where the item's id is written, for duplicate-id problems
 */
record CatalogueItem(String id, String description, List<String> entitlements, Condition when, PolicyRef policy,
        Location idAt) {

    CatalogueItem {
        entitlements = List.copyOf(entitlements);
    }
}
