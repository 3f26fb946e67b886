package io.countersign.directory;

/** Classification of the data or function an entitlement reaches, in increasing order. */
public enum Sensitivity {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED
}
