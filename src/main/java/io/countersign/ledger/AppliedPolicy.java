package io.countersign.ledger;

import java.util.Objects;

/**
 * A policy file that took part in a decision.
 *
 * @param id          the policy file's id
 * @param version     the version its authors declared
 * @param contentHash hash of the file's bytes, so a silent edit shows
 * @param rule        the rule, tier or workflow within the file that applied, or {@code null}
 */
public record AppliedPolicy(String id, int version, String contentHash, String rule) {

    public AppliedPolicy {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(contentHash, "contentHash == null");
    }
}
