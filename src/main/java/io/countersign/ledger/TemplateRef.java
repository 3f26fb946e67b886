package io.countersign.ledger;

import java.util.Objects;

/** A prompt or narrative template; its version is the hash of its content. */
public record TemplateRef(String id, String version) {

    public TemplateRef {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(version, "version == null");
    }
}
