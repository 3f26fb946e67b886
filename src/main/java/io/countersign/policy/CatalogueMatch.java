package io.countersign.policy;

import java.util.Objects;

/**
 * A pre-approved catalogue item that covers an identity's request for an entitlement.
 *
 * @param itemId      the item's id in the catalogue
 * @param description what the item offers, for reviewers and reason notes
 * @param policy      the catalogue file
 */
public record CatalogueMatch(String itemId, String description, PolicyRef policy) {

    public CatalogueMatch {
        Objects.requireNonNull(itemId, "itemId == null");
        Objects.requireNonNull(policy, "policy == null");
    }
}
