package io.countersign.connectors.workday;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.countersign.directory.IdentityStatus;

/** What happened to a worker, as the joiner / mover / leaver workflow distinguishes it. */
public enum WorkerEventKind {
    HIRE(IdentityStatus.ACTIVE),
    TRANSFER(IdentityStatus.ACTIVE),
    TERMINATION(IdentityStatus.TERMINATED),
    CONTRACT_END(IdentityStatus.TERMINATED),
    LEAVE_START(IdentityStatus.LEAVE),
    LEAVE_RETURN(IdentityStatus.ACTIVE);

    private final IdentityStatus statusAfter;

    WorkerEventKind(IdentityStatus statusAfter) {
        this.statusAfter = statusAfter;
    }

    /** The worker's status once the event is effective, when the HR source does not say. */
    public IdentityStatus statusAfter() {
        return statusAfter;
    }

    /** The name in CSV files, payloads and the inbox's event type, e.g. {@code contract_end}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkerEventKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equalsIgnoreCase(name)).findFirst();
    }
}
