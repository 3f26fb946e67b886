package io.countersign.ledger;

import java.util.Objects;

/** The model behind a recommendation, e.g. {@code sod-remediation-logit} version {@code 1}. */
public record ModelRef(String id, String version) {

    public ModelRef {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(version, "version == null");
    }
}
