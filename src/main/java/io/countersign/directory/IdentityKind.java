package io.countersign.directory;

/** What kind of subject an identity is. */
public enum IdentityKind {
    EMPLOYEE, CONTRACTOR, SERVICE
}
