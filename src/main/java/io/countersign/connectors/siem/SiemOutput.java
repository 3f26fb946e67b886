package io.countersign.connectors.siem;

import java.util.List;

/**
 * Where OCSF documents go. {@link #send} either takes the whole batch, refuses it for good (a value: the documents
 * are recorded as rejected and not sent again) or throws {@link io.countersign.connectors.ConnectorException} when
 * trying later may help (they stay queued).
 */
interface SiemOutput {

    /** Stable across restarts, e.g. {@code file:/var/log/countersign/ocsf.jsonl}; names the output's place in the outbox. */
    String name();

    int batchSize();

    Sent send(List<OcsfEvent> batch);

    /** What became of a batch. */
    sealed interface Sent {
        record Taken() implements Sent { }
        record Refused(String reason) implements Sent { }
    }
}
