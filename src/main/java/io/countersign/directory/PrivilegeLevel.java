package io.countersign.directory;

/** How much power an entitlement grants, in increasing order. */
public enum PrivilegeLevel {
    STANDARD, ELEVATED, PRIVILEGED
}
