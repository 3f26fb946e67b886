package io.countersign.directory;

/** Final outcome of a past access request. */
public enum RequestOutcome {
    APPROVED, DENIED
}
