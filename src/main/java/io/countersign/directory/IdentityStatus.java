package io.countersign.directory;

/** Employment status as the HR source states it. */
public enum IdentityStatus {
    ACTIVE, LEAVE, TERMINATED
}
