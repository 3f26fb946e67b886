package io.countersign.directory;

/** State of an account on its platform. */
public enum AccountStatus {
    ACTIVE, DISABLED
}
